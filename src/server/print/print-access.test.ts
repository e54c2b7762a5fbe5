import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildClass, buildCourse, buildPerson, buildSchool, enroll } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { requireClassArchive, requireClassPrint } from './print-access.ts';

/**
 * Who prints what (issue #7): teachers only their courses, class teachers their class, the deputy
 * and the director anything in the school; the year archive is the administrator's, the deputy's
 * and the director's.
 */
describe.each(engines())('print access on $name', (engine) => {
  let database: Database;
  let s: { schoolId: number; yearId: number };
  let other: { schoolId: number; yearId: number };
  let people: Record<'classT' | 'mathT' | 'artT' | 'stranger' | 'deputy' | 'director' | 'admin', number>;
  let c5: { classId: number; groupId: number };
  let c6: { classId: number; groupId: number };
  let math5: number;
  let art5: number;
  let cross: number;
  let theirClass: number;

  beforeAll(async () => {
    database = await engine.open();
    const db = database.db;
    s = await buildSchool(db);
    other = await buildSchool(db);
    const person = async (roles: Parameters<typeof buildPerson>[1]['roles']) =>
      (await buildPerson(db, { schoolId: s.schoolId, roles, account: false })).id;
    people = {
      classT: await person(['teacher']),
      mathT: await person(['teacher']),
      artT: await person(['teacher']),
      stranger: await person(['teacher']),
      deputy: await person(['deputy']),
      director: await person(['director']),
      admin: await person(['admin']),
    };
    c5 = await buildClass(db, { ...s, grade: 5, letter: 'А', classTeacherId: people.classT });
    c6 = await buildClass(db, { ...s, grade: 6, letter: 'Б' });
    math5 = await buildCourse(db, { ...s, groupId: c5.groupId, teacherId: people.mathT });
    art5 = await buildCourse(db, { ...s, groupId: c5.groupId, teacherId: people.artT });
    await buildCourse(db, { ...s, groupId: c6.groupId, teacherId: people.mathT });
    // A cross-class elective with a 5А student belongs to 5А's journal too.
    const group = await db
      .insertInto('groups')
      .values({
        schoolId: s.schoolId,
        academicYearId: s.yearId,
        classId: null,
        kind: 'cross',
        name: 'Кружок',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const student = await buildPerson(db, { schoolId: s.schoolId, roles: ['student'], account: false });
    await enroll(db, { schoolId: s.schoolId, groupId: c5.groupId, studentId: student.id });
    await enroll(db, { schoolId: s.schoolId, groupId: group.id, studentId: student.id });
    cross = await buildCourse(db, { ...s, groupId: group.id, teacherId: people.artT });
    theirClass = (await buildClass(db, { ...other })).classId;
  });
  afterAll(async () => {
    await database?.close();
  });

  const as = (who: keyof typeof people, roles: Parameters<typeof ctxAs>[3]) =>
    ctxAs(database.db, people[who], s.schoolId, roles);

  it('gives the deputy and the director the whole journal of any class, cross-class courses included', async () => {
    for (const who of ['deputy', 'director'] as const) {
      const access = await requireClassPrint(as(who, [who]), c5.classId);
      expect(access.whole).toBe(true);
      expect(access.courseIds).toEqual([math5, art5, cross].sort((a, b) => a - b));
    }
  });

  it('gives the class teacher the whole journal of their class only', async () => {
    const ctx = as('classT', ['teacher']);
    expect((await requireClassPrint(ctx, c5.classId)).whole).toBe(true);
    await expect(requireClassPrint(ctx, c6.classId)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('gives a teacher only the courses they teach in the class, and refuses anyone else’s', async () => {
    const ctx = as('mathT', ['teacher']);
    const access = await requireClassPrint(ctx, c5.classId);
    expect(access).toMatchObject({ whole: false, courseIds: [math5] });
    await expect(requireClassPrint(ctx, c5.classId, [math5, art5])).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(requireClassPrint(as('stranger', ['teacher']), c5.classId)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('narrows the leadership’s print to the courses asked for', async () => {
    const access = await requireClassPrint(as('deputy', ['deputy']), c5.classId, [art5]);
    expect(access).toMatchObject({ whole: false, courseIds: [art5] });
  });

  it('refuses printing to the administrator, who makes the year archive instead', async () => {
    await expect(requireClassPrint(as('admin', ['admin']), c5.classId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await requireClassArchive(as('admin', ['admin']), c5.classId)).whole).toBe(true);
    await expect(requireClassArchive(as('classT', ['teacher']), c5.classId)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('does not find a class of another school, nor a class that does not exist', async () => {
    for (const classId of [theirClass, 987654321]) {
      await expect(requireClassPrint(as('deputy', ['deputy']), classId)).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(requireClassArchive(as('admin', ['admin']), classId)).rejects.toMatchObject({
        code: 'not_found',
      });
    }
  });
});
