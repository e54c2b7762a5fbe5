import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildPerson } from '../../../test/factories.ts';
import type { Ctx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { createSubgroups } from './create-subgroups.ts';
import { createClass, updateClass } from './manage-classes.ts';
import { createCourse } from './manage-courses.ts';
import { createSubject } from './manage-subjects.ts';
import { moveStudentToGroup } from './move-student-to-group.ts';
import { buildStructureSchool, buildSubject, historyOf } from './structure.test-helpers.ts';

function ctxAs(database: Database, personId: number, schoolId: number, role: 'admin' | 'teacher'): Ctx {
  return {
    db: database.db,
    actor: { kind: 'person', personId, accountId: 0, grants: [{ role, schoolId, districtId: null }] },
    request: { requestId: null, ip: null, lang: 'ru' },
  };
}

/** The field → message key of a refused call. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, fields: e.fields ?? {} };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe.each(engines())('structure use cases on $name', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('keeps classes unique per year and creates the whole-class group', async () => {
    const s = await buildStructureSchool(database.db);
    const admin = ctxAs(database, s.admin.id, s.schoolId, 'admin');
    const id = await createClass(admin, {
      grade: 7,
      letter: 'В',
      classTeacherId: s.teacherA.id,
      daysPerWeek: 6,
    });
    const group = await database.db.selectFrom('groups').selectAll().where('classId', '=', id).execute();
    expect(group.map((g) => [g.kind, g.name])).toEqual([['class', '7В']]);
    expect(
      await refusal(createClass(admin, { grade: 5, letter: 'А', classTeacherId: null, daysPerWeek: 5 })),
    ).toEqual({
      code: 'conflict',
      fields: { letter: 'structureClassTaken' },
    });
    expect(
      await refusal(
        createClass(admin, { grade: 8, letter: 'А', classTeacherId: s.parent.id, daysPerWeek: 5 }),
      ),
    ).toEqual({ code: 'validation', fields: { classTeacherId: 'structureNotTeacher' } });
    const classes = await database.db
      .selectFrom('classes')
      .select('id')
      .where('schoolId', '=', s.schoolId)
      .execute();
    expect(classes).toHaveLength(3);
  });

  it('gives a course only to teachers of the school, in the group’s year', async () => {
    const s = await buildStructureSchool(database.db);
    const admin = ctxAs(database, s.admin.id, s.schoolId, 'admin');
    const math = await buildSubject(database.db, s.schoolId, 'Математика');
    const base = {
      subjectId: math,
      groupId: s.a.groupId,
      teacherId: s.subjectTeacher.id,
      secondTeacherId: null,
      hoursPerWeek: 5,
    };
    expect(await refusal(createCourse(admin, { ...base, teacherId: s.parent.id }))).toEqual({
      code: 'validation',
      fields: { teacherId: 'structureNotTeacher' },
    });
    expect(await refusal(createCourse(admin, { ...base, secondTeacherId: s.director.id }))).toEqual({
      code: 'validation',
      fields: { secondTeacherId: 'structureNotTeacher' },
    });
    const other = await buildStructureSchool(database.db);
    expect(await refusal(createCourse(admin, { ...base, groupId: other.a.groupId }))).toEqual({
      code: 'validation',
      fields: { groupId: 'structureUnknownGroup' },
    });
    const id = await createCourse(admin, { ...base, secondTeacherId: s.teacherA.id });
    const row = await database.db
      .selectFrom('courses')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(await refusal(createCourse(admin, base))).toEqual({
      code: 'conflict',
      fields: { subjectId: 'structureCourseExists' },
    });
    expect(row).toMatchObject({
      academicYearId: s.yearId,
      teacherId: s.subjectTeacher.id,
      secondTeacherId: s.teacherA.id,
    });
  });

  it('moves a student from a date, keeping the history', async () => {
    const s = await buildStructureSchool(database.db);
    const teacher = ctxAs(database, s.teacherA.id, s.schoolId, 'teacher');
    const [g1, g2] = s.subgroupsA as [number, number];
    const student = s.studentsA[0] ?? -1;
    await moveStudentToGroup(teacher, g1, { studentId: student, toGroupId: g2, moveDate: '2026-11-16' });
    await moveStudentToGroup(teacher, g2, { studentId: student, toGroupId: g1, moveDate: '2027-01-11' });
    expect(await historyOf(database.db, student, [g1, g2])).toEqual([
      { groupId: g1, startsOn: '2026-09-01', endsOn: '2026-11-15' },
      { groupId: g2, startsOn: '2026-11-16', endsOn: '2027-01-10' },
      { groupId: g1, startsOn: '2027-01-11', endsOn: null },
    ]);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('schoolId', '=', s.schoolId)
      .where('action', '=', 'group.student_moved')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses bad dates and strangers naming the field, storing nothing', async () => {
    const s = await buildStructureSchool(database.db);
    const teacher = ctxAs(database, s.teacherA.id, s.schoolId, 'teacher');
    const [g1, g2] = s.subgroupsA as [number, number];
    const student = s.studentsA[0] ?? -1;
    const before = await historyOf(database.db, student, [g1, g2]);
    const move = (o: Partial<{ studentId: number; toGroupId: number; moveDate: string }>, from = g1) =>
      refusal(
        moveStudentToGroup(teacher, from, {
          studentId: student,
          toGroupId: g2,
          moveDate: '2026-11-16',
          ...o,
        }),
      );
    expect(await move({ moveDate: '2026-08-20' })).toEqual({
      code: 'validation',
      fields: { moveDate: 'structureMoveOutsideYear' },
    });
    expect(await move({ studentId: s.studentsA[2] ?? -1 })).toEqual({
      code: 'validation',
      fields: { studentId: 'structureMoveNotMember' },
    });
    expect(await move({ toGroupId: s.a.groupId })).toEqual({
      code: 'validation',
      fields: { toGroupId: 'structureMoveIncompatible' },
    });
    expect(await move({ toGroupId: g1 })).toEqual({
      code: 'validation',
      fields: { toGroupId: 'structureMoveSameGroup' },
    });
    // 5Б's subgroups are not the teacher's: 403 (every teacher sees the school's classes).
    expect(await move({ toGroupId: s.subgroupsB[1] ?? -1 })).toEqual({ code: 'forbidden', fields: {} });
    await moveStudentToGroup(teacher, g1, { studentId: student, toGroupId: g2, moveDate: '2026-11-16' });
    // Back to group 1 before the student came to group 2 is before the membership started.
    expect(await move({ toGroupId: g1, moveDate: '2026-10-01' }, g2)).toEqual({
      code: 'validation',
      fields: { moveDate: 'structureMoveBeforeStart' },
    });
    const after = await historyOf(database.db, student, [g1, g2]);
    expect(after).toEqual([
      { ...before[0], endsOn: '2026-11-15' },
      { groupId: g2, startsOn: '2026-11-16', endsOn: null },
    ]);
  });

  it('splits a class only with its own students, all or nothing', async () => {
    const s = await buildStructureSchool(database.db);
    const teacher = ctxAs(database, s.teacherA.id, s.schoolId, 'teacher');
    const informatics = await buildSubject(database.db, s.schoolId, 'Информатика');
    const split = (ids2: number[], teacherId = s.subjectTeacher.id) =>
      createSubgroups(teacher, {
        classId: s.a.classId,
        subjectId: informatics,
        startsOn: '2026-09-01',
        groups: [
          {
            name: '1 группа',
            teacherId: s.subjectTeacher.id,
            hoursPerWeek: 1,
            studentIds: s.studentsA.slice(0, 2),
          },
          { name: '2 группа', teacherId, hoursPerWeek: 1, studentIds: ids2 },
        ],
      });
    expect(await refusal(split([s.studentsB[0] ?? -1]))).toEqual({
      code: 'validation',
      fields: { 'groups.1.studentIds': 'structureNotInClass' },
    });
    expect(await refusal(split([s.studentsA[0] ?? -1]))).toEqual({
      code: 'validation',
      fields: { 'groups.1.studentIds': 'structureTwiceInSplit' },
    });
    expect(await refusal(split([s.studentsA[2] ?? -1], s.parent.id))).toEqual({
      code: 'validation',
      fields: { 'groups.1.teacherId': 'structureNotTeacher' },
    });
    const none = await database.db
      .selectFrom('groups')
      .select('id')
      .where('subjectId', '=', informatics)
      .execute();
    expect(none).toEqual([]);
    expect(
      await refusal(
        createSubgroups(ctxAs(database, s.teacherB.id, s.schoolId, 'teacher'), {
          classId: s.a.classId,
          subjectId: informatics,
          groups: [],
        }),
      ),
    ).toEqual({ code: 'forbidden', fields: {} });
    const ids = await split([s.studentsA[2] ?? -1]);
    expect(ids).toHaveLength(2);
    const courses = await database.db
      .selectFrom('courses')
      .select('groupId')
      .where('subjectId', '=', informatics)
      .execute();
    expect(courses.map((c) => c.groupId).sort()).toEqual([...ids].sort());
    expect(await refusal(split([s.studentsA[2] ?? -1]))).toEqual({
      code: 'validation',
      fields: { subjectId: 'structureSubgroupsExist' },
    });
  });

  it('lets the administrator but not a teacher create a class', async () => {
    const s = await buildStructureSchool(database.db);
    const someone = await buildPerson(database.db, { schoolId: s.schoolId, roles: ['teacher'] });
    const teacher = ctxAs(database, someone.id, s.schoolId, 'teacher');
    expect(
      await refusal(createClass(teacher, { grade: 9, letter: 'А', classTeacherId: null, daysPerWeek: 5 })),
    ).toEqual({
      code: 'forbidden',
      fields: {},
    });
  });

  it('renames the whole-class group with its class and audits the change', async () => {
    const s = await buildStructureSchool(database.db);
    const admin = ctxAs(database, s.admin.id, s.schoolId, 'admin');
    await updateClass(admin, s.a.classId, {
      grade: 6,
      letter: 'А',
      classTeacherId: s.teacherB.id,
      daysPerWeek: 6,
    });
    const group = await database.db
      .selectFrom('groups')
      .select('name')
      .where('id', '=', s.a.groupId)
      .executeTakeFirstOrThrow();
    expect(group.name).toBe('6А');
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['before', 'after'])
      .where('action', '=', 'class.updated')
      .where('entityId', '=', String(s.a.classId))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before ?? '{}')).toMatchObject({ grade: 5, classTeacherId: s.teacherA.id });
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({
      grade: 6,
      classTeacherId: s.teacherB.id,
      daysPerWeek: 6,
    });
  });

  it('keeps subject names unique in the school, whatever the case', async () => {
    const s = await buildStructureSchool(database.db);
    const admin = ctxAs(database, s.admin.id, s.schoolId, 'admin');
    expect(
      await refusal(
        createSubject(admin, { subjectName: 'английский ЯЗЫК', shortName: 'Англ', sortOrder: 3 }),
      ),
    ).toEqual({
      code: 'conflict',
      fields: { subjectName: 'structureSubjectTaken' },
    });
    expect(
      await createSubject(admin, { subjectName: 'Немецкий язык', shortName: 'Нем', sortOrder: 4 }),
    ).toBeGreaterThan(0);
  });

  it('lets only one of two moves of a student started together through', async () => {
    const s = await buildStructureSchool(database.db);
    const teacher = ctxAs(database, s.teacherA.id, s.schoolId, 'teacher');
    const [g1, g2] = s.subgroupsA as [number, number];
    const student = s.studentsA[0] ?? -1;
    const body = { studentId: student, toGroupId: g2, moveDate: '2026-12-01' };
    const results = await Promise.allSettled([
      moveStudentToGroup(teacher, g1, body),
      moveStudentToGroup(teacher, g1, body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await historyOf(database.db, student, [g1, g2])).toEqual([
      { groupId: g1, startsOn: '2026-09-01', endsOn: '2026-11-30' },
      { groupId: g2, startsOn: '2026-12-01', endsOn: null },
    ]);
  });
});
