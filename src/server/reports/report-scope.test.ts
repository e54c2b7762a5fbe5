import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Ctx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { dashboardSchool } from './dashboard.test-helpers.ts';
import { resolveReportScope } from './report-scope.ts';

describe.each(engines())('report scope on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof dashboardSchool>>;
  let other: Awaited<ReturnType<typeof dashboardSchool>>;
  let deputy: Ctx;
  let mathT: Ctx;

  beforeAll(async () => {
    database = await engine.open();
    s = await dashboardSchool(database.db);
    other = await dashboardSchool(database.db);
    deputy = ctxAs(database.db, s.people.deputy.id, s.schoolId, ['deputy']);
    mathT = ctxAs(database.db, s.people.mathT.id, s.schoolId, ['teacher']);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('a year, period, class, subject, teacher or course of another school is 404, never its data', async () => {
    const theirs = {
      yearId: other.yearId,
      periodId: other.periods.q1,
      classId: other.c5.classId,
      subjectId: other.subjects.math,
      teacherId: other.people.mathT.id,
      courseId: other.courses.math,
    };
    for (const [key, id] of Object.entries(theirs)) {
      await expect(resolveReportScope(deputy, { [key]: id }), `deputy ${key}`).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(
        resolveReportScope(mathT, { [key]: id }, { classLevel: true }),
        `teacher ${key}`,
      ).rejects.toMatchObject({ code: 'not_found' });
    }
  });

  it('the school’s own class, subject and teacher narrow the courses', async () => {
    const own = await resolveReportScope(deputy, {
      classId: s.c5.classId,
      subjectId: s.subjects.math,
      teacherId: s.people.mathT.id,
    });
    expect(own.courses.map((c) => c.id)).toEqual([s.courses.math]);
    // Another teacher of the school is the teacher's own business only for the leadership: 403.
    await expect(resolveReportScope(mathT, { teacherId: s.people.rusT.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
