import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { adminCtx, handRoster, rosterCounts, rosterZip } from './roster-import.test-helpers.ts';
import { importRoster, previewRosterImport, RosterImportRejected } from './roster-import.ts';

describe.each(engines())('OneRoster import on $name', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  async function emptySchool() {
    const s = await buildSchool(database.db);
    const admin = await buildPerson(database.db, {
      schoolId: s.schoolId,
      roles: ['admin'],
      lastName: 'Админова',
    });
    return { ...s, ctx: adminCtx(database.db, admin.id, s.schoolId) };
  }

  it('the preview tells each row what will happen and writes nothing', async () => {
    const s = await emptySchool();
    const before = await rosterCounts(database.db, s.schoolId);
    const report = await previewRosterImport(s.ctx, s.yearId, rosterZip(handRoster()));
    expect(report.applied).toBe(false);
    expect(report.fileErrors).toEqual([]);
    expect(report.totals.errors).toBe(0);
    const users = report.files.find((f) => f.file === 'users.csv')!;
    expect(users.rows.map((r) => [r.label, r.outcome])).toContainEqual([
      'Лебедева Мария Андреевна',
      'create',
    ]);
    expect(users.totals.create).toBe(7);
    expect(report.links).toEqual({ create: 1, match: 0 });
    expect(await rosterCounts(database.db, s.schoolId)).toEqual(before);
  });

  it('imports classes, courses with their groups, people, parents and memberships; again changes nothing', async () => {
    const s = await emptySchool();
    const zip = rosterZip(handRoster());
    const report = await importRoster(s.ctx, s.yearId, zip);
    expect(report.applied).toBe(true);
    const db = database.db;
    const classes = await db
      .selectFrom('classes')
      .leftJoin('persons', 'persons.id', 'classes.classTeacherId')
      .select(['classes.grade', 'classes.letter', 'persons.lastName'])
      .where('classes.academicYearId', '=', s.yearId)
      .orderBy('classes.letter')
      .execute();
    expect(classes).toEqual([
      { grade: 5, letter: 'А', lastName: 'Петрова' },
      { grade: 5, letter: 'Б', lastName: null },
    ]);
    const members = await db
      .selectFrom('groupMemberships')
      .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
      .innerJoin('persons', 'persons.id', 'groupMemberships.studentId')
      .innerJoin('studentProfiles', 'studentProfiles.personId', 'persons.id')
      .select([
        'groups.kind',
        'groups.name',
        'persons.lastName',
        'studentProfiles.fileNumber',
        'groupMemberships.startsOn',
        'groupMemberships.endsOn',
      ])
      .where('groups.academicYearId', '=', s.yearId)
      .orderBy('groups.kind')
      .orderBy('groups.name')
      .orderBy('persons.sortKey')
      .execute();
    expect(
      members.map((m) => [
        m.kind,
        m.name,
        m.lastName,
        m.fileNumber,
        String(m.startsOn).slice(0, 10),
        m.endsOn && String(m.endsOn).slice(0, 10),
      ]),
    ).toEqual([
      ['class', '5А', 'Лебедева', 'ЛД-1', '2026-09-01', null],
      ['class', '5А', 'Орлов', 'ЛД-2', '2026-09-01', null],
      ['class', '5А', 'Смирнова', 'ЛД-3', '2026-09-01', '2026-12-20'],
      ['class', '5Б', 'Зайцев', 'ЛД-4', '2026-09-01', null],
      ['cross', 'Хор 5-е классы', 'Зайцев', 'ЛД-4', '2026-09-01', null],
      ['cross', 'Хор 5-е классы', 'Орлов', 'ЛД-2', '2026-09-01', null],
      ['subgroup', 'группа 1', 'Лебедева', 'ЛД-1', '2026-09-01', null],
      ['subgroup', 'группа 1', 'Орлов', 'ЛД-2', '2026-10-01', null],
    ]);
    const courses = await db
      .selectFrom('courses')
      .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .innerJoin('persons as t', 't.id', 'courses.teacherId')
      .leftJoin('persons as t2', 't2.id', 'courses.secondTeacherId')
      .select([
        'subjects.name',
        'groups.kind',
        't.lastName as teacher',
        't2.lastName as second',
        'courses.hoursPerWeek',
      ])
      .where('courses.academicYearId', '=', s.yearId)
      .orderBy('subjects.name')
      .execute();
    expect(courses.map((c) => ({ ...c, hoursPerWeek: Number(c.hoursPerWeek) }))).toEqual([
      { name: 'Английский язык', kind: 'subgroup', teacher: 'Сидоров', second: null, hoursPerWeek: 3 },
      { name: 'Математика', kind: 'class', teacher: 'Петрова', second: 'Сидоров', hoursPerWeek: 5 },
      { name: 'Хор', kind: 'cross', teacher: 'Петрова', second: null, hoursPerWeek: 1 },
    ]);
    const links = await db
      .selectFrom('guardianships')
      .innerJoin('persons as g', 'g.id', 'guardianships.guardianId')
      .innerJoin('persons as c', 'c.id', 'guardianships.studentId')
      .select(['g.firstName as guardian', 'c.firstName as child', 'guardianships.kind'])
      .where('guardianships.schoolId', '=', s.schoolId)
      .execute();
    expect(links).toEqual([{ guardian: 'Ольга', child: 'Мария', kind: 'guardian' }]);
    const audit = await db
      .selectFrom('auditEvents')
      .select('action')
      .where('schoolId', '=', s.schoolId)
      .where('action', 'like', 'roster.import%')
      .execute();
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === 'roster.import.person')).toHaveLength(7);
    expect(actions.filter((a) => a === 'roster.import.class')).toHaveLength(2);
    expect(actions.filter((a) => a === 'roster.import.course')).toHaveLength(3);
    expect(actions).toContain('roster.import');

    const before = await rosterCounts(db, s.schoolId);
    const again = await importRoster(s.ctx, s.yearId, zip);
    expect(
      again.files.flatMap((f) =>
        f.rows.filter((r) => r.outcome === 'create').map((r) => `${f.file}:${r.line}`),
      ),
    ).toEqual([]);
    expect(again.links).toEqual({ create: 0, match: 1 });
    const after = await rosterCounts(db, s.schoolId);
    // Only the summary audit of the second import is new.
    expect(after).toEqual({ ...before, auditEvents: before.auditEvents! + 1 });
  });

  it('one bad row refuses the whole archive and the report names its file, row and column', async () => {
    const s = await emptySchool();
    const tables = handRoster();
    tables.enrollments![3]!.endDate = '2026-13-40';
    const before = await rosterCounts(database.db, s.schoolId);
    const error = await importRoster(s.ctx, s.yearId, rosterZip(tables)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterImportRejected);
    const report = (error as RosterImportRejected).report;
    const rows = report.files.find((f) => f.file === 'enrollments.csv')!.rows;
    expect(rows[0]).toMatchObject({ line: 5, sourcedId: 'e4', outcome: 'error' });
    expect(rows[0]!.errors.map((e) => e.column)).toContain('endDate');
    expect(await rosterCounts(database.db, s.schoolId)).toEqual(before);
  });

  it('refuses a file of another school year, naming academicSessions.csv', async () => {
    const s = await emptySchool();
    const error = await importRoster(s.ctx, s.yearId, rosterZip(handRoster('2026'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterImportRejected);
    const file = (error as RosterImportRejected).report.files.find((f) => f.file === 'academicSessions.csv')!;
    expect(file.rows[0]!.errors).toEqual([
      {
        column: 'schoolYear',
        message: 'Учебный год в academicSessions.csv — 2025/2026, а выбран 2026/2027.',
      },
    ]);
  });

  it('refuses an archive the OneRoster validator finds wrong: no manifest, a role outside the list', async () => {
    const s = await emptySchool();
    const tables = handRoster();
    tables.roles![0]!.role = 'boss';
    const error = await importRoster(s.ctx, s.yearId, rosterZip(tables)).catch((e: unknown) => e);
    const roles = (error as RosterImportRejected).report.files.find((f) => f.file === 'roles.csv')!;
    expect(roles.rows[0]).toMatchObject({ line: 2, outcome: 'error' });
    expect(roles.rows[0]!.errors.map((e) => e.column)).toEqual(['role']);
    const preview = await previewRosterImport(s.ctx, s.yearId, rosterZip(handRoster(), {}, false));
    expect(preview.fileErrors).toEqual(['manifest.csv: В архиве нет файла manifest.csv.']);
  });
});
