import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { ImportRejected, importStudents, previewStudentImport } from './import-students.ts';
import {
  buildImportSchool,
  csvOf,
  recordCells,
  sampleRecord,
  snapshot,
  teacherCtx,
  xlsxOf,
} from './imports.test-helpers.ts';

describe.each(engines())('student import on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof buildImportSchool>>;
  const ctx = () => teacherCtx(database.db, s.teacher.id, s.schoolId);

  beforeAll(async () => {
    database = await engine.open();
    s = await buildImportSchool(database.db);
  });
  afterAll(() => database.close());

  const classNames = async (classId: number) => {
    const rows = await database.db
      .selectFrom('groupMemberships')
      .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
      .innerJoin('persons', 'persons.id', 'groupMemberships.studentId')
      .select(['persons.lastName'])
      .where('groups.classId', '=', classId)
      .where('groupMemberships.endsOn', 'is', null)
      .orderBy('persons.sortKey')
      .execute();
    return rows.map((r) => r.lastName);
  };

  it('a file with one bad row stores nothing and reports that row by column', async () => {
    const before = await snapshot(database.db, s.schoolId);
    const bad = sampleRecord('Б-2', 'Сидоров');
    const cells = recordCells(bad);
    cells[3] = '32.13.2015';
    const file = Buffer.from(
      `${csvOf([sampleRecord('Б-1', 'Акимов')]).toString()}\r\n${cells.join(';')}`,
      'utf8',
    );
    const error = await importStudents(ctx(), s.a.classId, { bytes: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    const report = (error as ImportRejected).report;
    expect(report.applied).toBe(false);
    expect(report.rows.map((r) => r.outcome)).toEqual(['create', 'error']);
    expect(report.rows[1]?.errors).toEqual([
      { column: 'birthDate', label: 'Дата рождения', message: 'Неверная дата: нужно ДД.ММ.ГГГГ.' },
    ]);
    expect(await snapshot(database.db, s.schoolId)).toEqual(before);
  });

  it('imports students with parents, then the same file again changes nothing and writes no audit', async () => {
    const file = csvOf([sampleRecord('А-1', 'Борисов'), sampleRecord('А-2', 'Алексеев')], {
      encoding: 'cp1251',
    });
    const preview = await previewStudentImport(ctx(), s.a.classId, { bytes: file });
    expect(preview.summary).toEqual({ create: 2, update: 0, unchanged: 0, errors: 0 });
    const beforeImport = await snapshot(database.db, s.schoolId);
    expect(beforeImport.persons).toBe((await snapshot(database.db, s.schoolId)).persons);

    const first = await importStudents(ctx(), s.a.classId, { bytes: file });
    expect(first.applied).toBe(true);
    expect(first.summary).toEqual({ create: 2, update: 0, unchanged: 0, errors: 0 });
    expect(await classNames(s.a.classId)).toEqual(['Алексеев', 'Борисов']);
    const afterFirst = await snapshot(database.db, s.schoolId);
    expect(afterFirst.persons - beforeImport.persons).toBe(4);
    expect(afterFirst.consents - beforeImport.consents).toBe(2);
    expect(afterFirst.guardianships - beforeImport.guardianships).toBe(2);

    const again = await importStudents(ctx(), s.a.classId, { bytes: file });
    expect(again.summary).toEqual({ create: 0, update: 0, unchanged: 2, errors: 0 });
    expect(await snapshot(database.db, s.schoolId)).toEqual(afterFirst);
  });

  it('the preview tells updates from unchanged rows and stores nothing', async () => {
    const changed = sampleRecord('А-1', 'Борисов');
    changed.student.address = 'г. Тверь';
    const file = await xlsxOf([recordCells(changed), recordCells(sampleRecord('А-2', 'Алексеев'))]);
    const before = await snapshot(database.db, s.schoolId);
    const preview = await previewStudentImport(ctx(), s.a.classId, { bytes: file, filename: 'класс.xlsx' });
    expect(preview.format).toBe('xlsx');
    expect(preview.rows.map((r) => r.outcome)).toEqual(['update', 'unchanged']);
    expect(await snapshot(database.db, s.schoolId)).toEqual(before);
  });

  it('refuses a student of another class found by file number, and does not move them', async () => {
    const other = teacherCtx(database.db, s.otherTeacher.id, s.schoolId);
    await importStudents(other, s.b.classId, { bytes: csvOf([sampleRecord('Б-9', 'Громов')]) });
    const error = await importStudents(ctx(), s.a.classId, {
      bytes: csvOf([sampleRecord('Б-9', 'Громов')]),
    }).catch((e: unknown) => e);
    expect((error as ImportRejected).report.rows[0]?.errors[0]?.column).toBe('fileNumber');
    expect(await classNames(s.b.classId)).toEqual(['Громов']);
  });

  it('refuses a student who left another class: not the class teacher’s to overwrite', async () => {
    const other = teacherCtx(database.db, s.otherTeacher.id, s.schoolId);
    await importStudents(other, s.b.classId, { bytes: csvOf([sampleRecord('Б-10', 'Ушедший')]) });
    const student = await database.db
      .selectFrom('studentProfiles')
      .select('personId')
      .where('fileNumber', '=', 'Б-10')
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('groupMemberships')
      .set({ endsOn: '2026-09-30' })
      .where('studentId', '=', student.personId)
      .execute();
    const error = await importStudents(ctx(), s.a.classId, {
      bytes: csvOf([sampleRecord('Б-10', 'Переписанный')]),
    }).catch((e: unknown) => e);
    expect((error as ImportRejected).report.rows[0]?.errors[0]?.column).toBe('fileNumber');
    const person = await database.db
      .selectFrom('persons')
      .select('lastName')
      .where('id', '=', student.personId)
      .executeTakeFirstOrThrow();
    expect(person.lastName).toBe('Ушедший');
  });

  it('a file without the required columns or rows is refused with the reason, in English too', async () => {
    const en = teacherCtx(database.db, s.teacher.id, s.schoolId, 'en');
    const error = await importStudents(en, s.a.classId, {
      bytes: Buffer.from('Фамилия;Имя\r\n', 'utf8'),
    }).catch((e: unknown) => e);
    expect((error as ImportRejected).report.fileErrors).toEqual([
      'The file lacks the required column «Personal file number».',
      'The file has no student rows.',
    ]);
  });
});
