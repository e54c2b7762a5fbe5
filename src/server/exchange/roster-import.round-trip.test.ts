import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildClass, buildPerson, buildSchool, enroll, linkGuardian } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { exportOneRoster } from './roster-export.ts';
import { adminCtx, rosterCounts } from './roster-import.test-helpers.ts';
import { importRoster } from './roster-import.ts';

/** The roster of a school year as names, so two schools can be compared. */
async function rosterOf(db: Kysely<DB>, schoolId: number, yearId: number) {
  const classes = await db
    .selectFrom('classes')
    .leftJoin('persons', 'persons.id', 'classes.classTeacherId')
    .select(['classes.grade', 'classes.letter', 'persons.lastName as classTeacher'])
    .where('classes.academicYearId', '=', yearId)
    .orderBy('classes.letter')
    .execute();
  const members = await db
    .selectFrom('groupMemberships')
    .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
    .innerJoin('persons', 'persons.id', 'groupMemberships.studentId')
    .innerJoin('studentProfiles', 'studentProfiles.personId', 'persons.id')
    .select([
      'groups.kind',
      'persons.lastName',
      'persons.firstName',
      'studentProfiles.fileNumber',
      'groupMemberships.startsOn',
      'groupMemberships.endsOn',
    ])
    .where('groups.academicYearId', '=', yearId)
    .execute();
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
    .where('courses.academicYearId', '=', yearId)
    .execute();
  const links = await db
    .selectFrom('guardianships')
    .innerJoin('persons as g', 'g.id', 'guardianships.guardianId')
    .innerJoin('persons as c', 'c.id', 'guardianships.studentId')
    .select(['g.lastName as guardian', 'g.firstName as guardianName', 'c.firstName as child'])
    .where('guardianships.schoolId', '=', schoolId)
    .execute();
  const sorted = <T>(rows: T[]) =>
    rows
      .map((r) =>
        JSON.stringify(r, (_k, v) =>
          typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? v.slice(0, 10) : v,
        ),
      )
      .sort();
  return {
    classes: sorted(classes),
    members: sorted(
      members.map((m) => ({
        ...m,
        startsOn: String(m.startsOn).slice(0, 10),
        endsOn: m.endsOn && String(m.endsOn).slice(0, 10),
      })),
    ),
    courses: sorted(courses.map((c) => ({ ...c, hoursPerWeek: Number(c.hoursPerWeek) }))),
    links: sorted(links),
  };
}

describe.each(engines())('OneRoster export → import round trip on $name', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  it('an empty school gets the same roster from the export, and a second import adds nothing', async () => {
    const db = database.db;
    const src = await buildSchool(db);
    const srcAdmin = await buildPerson(db, { schoolId: src.schoolId, roles: ['admin'], lastName: 'Админов' });
    const t1 = await buildPerson(db, {
      schoolId: src.schoolId,
      roles: ['teacher'],
      lastName: 'Петрова',
      firstName: 'Анна',
    });
    const t2 = await buildPerson(db, {
      schoolId: src.schoolId,
      roles: ['teacher'],
      lastName: 'Сидоров',
      firstName: 'Пётр',
    });
    const a = await buildClass(db, { ...src, grade: 5, letter: 'А', classTeacherId: t1.id });
    const b = await buildClass(db, { ...src, grade: 5, letter: 'Б', classTeacherId: t2.id });
    const student = async (lastName: string, fileNumber: string, groupId: number, endsOn?: string) => {
      const p = await buildPerson(db, {
        schoolId: src.schoolId,
        roles: ['student'],
        lastName,
        firstName: 'Ученик',
        account: false,
      });
      await db
        .insertInto('studentProfiles')
        .values({ personId: p.id, schoolId: src.schoolId, fileNumber })
        .execute();
      await enroll(db, { schoolId: src.schoolId, groupId, studentId: p.id, endsOn });
      return p.id;
    };
    const s1 = await student('Лебедева', 'РТ-1', a.groupId);
    const s2 = await student('Орлов', 'РТ-2', a.groupId);
    await student('Смирнова', 'РТ-3', a.groupId, '2026-12-20');
    const s4 = await student('Зайцев', 'РТ-4', b.groupId);
    const parent = await buildPerson(db, {
      schoolId: src.schoolId,
      roles: ['parent'],
      lastName: 'Лебедева',
      firstName: 'Ольга',
      account: false,
    });
    await linkGuardian(db, { schoolId: src.schoolId, guardianId: parent.id, studentId: s1 });
    const subject = async (name: string) =>
      (
        await db
          .insertInto('subjects')
          .values({ schoolId: src.schoolId, name, shortName: name.slice(0, 4) })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const group = async (
      kind: 'subgroup' | 'cross',
      name: string,
      classId: number | null,
      subjectId: number,
    ) =>
      (
        await db
          .insertInto('groups')
          .values({ schoolId: src.schoolId, academicYearId: src.yearId, classId, kind, name, subjectId })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const course = (
      subjectId: number,
      groupId: number,
      teacherId: number,
      hoursPerWeek: number,
      secondTeacherId: number | null = null,
    ) =>
      db
        .insertInto('courses')
        .values({
          schoolId: src.schoolId,
          academicYearId: src.yearId,
          subjectId,
          groupId,
          teacherId,
          secondTeacherId,
          hoursPerWeek,
        })
        .execute();
    await course(await subject('Математика'), a.groupId, t1.id, 5, t2.id);
    const english = await subject('Английский язык');
    const sub = await group('subgroup', 'группа 1', a.classId, english);
    await enroll(db, { schoolId: src.schoolId, groupId: sub, studentId: s1 });
    await enroll(db, { schoolId: src.schoolId, groupId: sub, studentId: s2, startsOn: '2026-10-01' });
    await course(english, sub, t2.id, 3);
    const choir = await subject('Хор');
    const cross = await group('cross', 'Хор', null, choir);
    await enroll(db, { schoolId: src.schoolId, groupId: cross, studentId: s2 });
    await enroll(db, { schoolId: src.schoolId, groupId: cross, studentId: s4 });
    await course(choir, cross, t1.id, 1);

    const exported = await exportOneRoster(adminCtx(db, srcAdmin.id, src.schoolId), src.yearId);
    const dst = await buildSchool(db);
    const dstAdmin = await buildPerson(db, {
      schoolId: dst.schoolId,
      roles: ['admin'],
      lastName: 'Админова',
    });
    const ctx = adminCtx(db, dstAdmin.id, dst.schoolId);
    const report = await importRoster(ctx, dst.yearId, exported.zip);
    expect(report.applied).toBe(true);
    const original = await rosterOf(db, src.schoolId, src.yearId);
    expect([
      original.classes.length,
      original.members.length,
      original.courses.length,
      original.links.length,
    ]).toEqual([2, 8, 3, 1]);
    expect(await rosterOf(db, dst.schoolId, dst.yearId)).toEqual(original);

    const before = await rosterCounts(db, dst.schoolId);
    const again = await importRoster(ctx, dst.yearId, exported.zip);
    expect(again.totals.create).toBe(0);
    expect(await rosterCounts(db, dst.schoolId)).toEqual({ ...before, auditEvents: before.auditEvents! + 1 });

    // The school's own export, imported back into it, finds every row (parents without a login too).
    const srcCtx = adminCtx(db, srcAdmin.id, src.schoolId);
    const srcBefore = await rosterCounts(db, src.schoolId);
    const own = await importRoster(srcCtx, src.yearId, exported.zip);
    expect(own.totals.create).toBe(0);
    expect(await rosterOf(db, src.schoolId, src.yearId)).toEqual(original);
    // Only the import's summary event and the ids it noted (the school's own org) are new.
    expect(await rosterCounts(db, src.schoolId)).toEqual({
      ...srcBefore,
      auditEvents: srcBefore.auditEvents! + 1,
      rosterIds: expect.any(Number),
    });
  });
});
