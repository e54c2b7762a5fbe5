import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildClass, buildCourse, buildPerson, buildSchool, enroll } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { dashboardSchool } from './dashboard.test-helpers.ts';
import { reportDefinitions } from './registry.ts';

/**
 * Odd but valid report filters on every report route, its export and the district rollup — a
 * school with data, an empty school (no periods, classes or lessons), a grade-1-only school — as
 * the leadership and a teacher: whatever is asked, never a 5xx.
 */
describe.each(engines())('odd report filters on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof dashboardSchool>>;
  const clients: [string, Client, Record<string, number>][] = [];
  let district: Client;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    const db = database.db;
    s = await dashboardSchool(db);
    // A second year with no periods, a course with no lessons, a trimester no class follows.
    const y2 = await db
      .insertInto('academicYears')
      .values({ schoolId: s.schoolId, name: '2027/2028', startsOn: '2027-09-01', endsOn: '2028-08-31' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tri = await db
      .insertInto('periods')
      .values({
        schoolId: s.schoolId,
        academicYearId: s.yearId,
        scheme: 'trimesters',
        kind: 'term',
        number: 1,
        name: '1 триместр',
        startsOn: '2026-09-01',
        endsOn: '2026-11-30',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const yearP = await db
      .insertInto('periods')
      .values({
        schoolId: s.schoolId,
        academicYearId: s.yearId,
        scheme: 'year',
        kind: 'year',
        number: 1,
        name: 'Год',
        startsOn: '2026-09-01',
        endsOn: '2027-05-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const empty = await buildCourse(db, {
      schoolId: s.schoolId,
      yearId: s.yearId,
      groupId: s.c5.groupId,
      teacherId: s.people.histT.id,
    });
    const base = {
      yearId: s.yearId,
      year2: y2.id,
      tri: tri.id,
      yearP: yearP.id,
      course: s.courses.math,
      emptyCourse: empty,
      cls: s.c5.classId,
    };
    clients.push(['deputy', await signIn(app, s.people.deputy.login), base]);
    clients.push(['teacher', await signIn(app, s.people.mathT.login), base]);
    // An empty school: no periods, no classes, no lessons.
    const e = await buildSchool(db, { districtId: s.districtId });
    const eDeputy = await buildPerson(db, { schoolId: e.schoolId, roles: ['deputy'] });
    clients.push(['empty deputy', await signIn(app, eDeputy.login), { yearId: e.yearId }]);
    // A grade-1-only school with a course and a lesson.
    const g = await buildSchool(db, { districtId: s.districtId });
    const gTeacher = await buildPerson(db, { schoolId: g.schoolId, roles: ['teacher'] });
    const c1 = await buildClass(db, {
      schoolId: g.schoolId,
      yearId: g.yearId,
      grade: 1,
      letter: 'А',
      classTeacherId: gTeacher.id,
    });
    const st = await buildPerson(db, { schoolId: g.schoolId, roles: ['student'] });
    await enroll(db, { schoolId: g.schoolId, groupId: c1.groupId, studentId: st.id });
    const gc = await buildCourse(db, {
      schoolId: g.schoolId,
      yearId: g.yearId,
      groupId: c1.groupId,
      teacherId: gTeacher.id,
    });
    await db
      .insertInto('lessons')
      .values({
        schoolId: g.schoolId,
        courseId: gc,
        teacherId: gTeacher.id,
        date: '2026-10-05',
        lessonNumber: 1,
      })
      .execute();
    clients.push([
      'grade1 teacher',
      await signIn(app, gTeacher.login),
      { yearId: g.yearId, course: gc, cls: c1.classId },
    ]);
    district = await signIn(app, s.people.district.login);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** Odd but valid filters: one day, far dates, a period of a scheme no class follows, the year's period, a course with no lessons, a year with no periods. */
  const queries = (ids: Record<string, number>) => {
    const q = [
      '',
      'from=2026-10-05&to=2026-10-05',
      'from=0001-01-01&to=9999-12-31',
      'from=1900-01-01&to=1900-01-02',
    ];
    const add = (key: string, id: number | undefined, rest = '') => {
      if (id !== undefined) q.push(`${key}=${id}${rest}`);
    };
    add('periodId', ids.tri);
    add('periodId', ids.yearP);
    add('courseId', ids.emptyCourse);
    add('courseId', ids.course, '&from=2026-10-05&to=2026-10-05');
    add('classId', ids.cls);
    add('yearId', ids.year2);
    add('yearId', ids.year2, '&from=2027-10-01&to=2027-10-01');
    return q;
  };

  it('answers every report, export and the remarks without a 5xx, whatever the school has', async () => {
    const routes = [
      'dashboard',
      'density',
      'ktp',
      'assessments',
      'hours',
      'attendance',
      'keeping',
      'heatmap',
      'remarks',
      'results',
    ];
    const problems: string[] = [];
    let n = 0;
    for (const [who, client, ids] of clients) {
      const qs = queries(ids);
      for (const q of qs) {
        const urls = routes.map((r) => `/api/reports/${r}?${q}`);
        urls.push(`/api/reports/dashboard?by=month&${q}`);
        // The exports render what the reports answer: the empty and the farthest ranges are enough.
        if (q === '' || q.startsWith('from=0001'))
          for (const d of reportDefinitions) urls.push(`/api/reports/${d.name}/export?format=xlsx&${q}`);
        for (const url of urls) {
          const res = await client.get(url);
          n += 1;
          if (res.statusCode >= 500) problems.push(`${who} ${url} → ${res.statusCode}`);
        }
      }
      for (const url of [
        `/api/reports/filters?yearId=${ids.yearId}`,
        '/api/reports/filters',
        '/api/remarks',
      ]) {
        const res = await client.get(url);
        n += 1;
        if (res.statusCode >= 500) problems.push(`${who} ${url} → ${res.statusCode}`);
      }
    }
    for (const q of [
      '',
      'year=2026',
      'year=2027',
      'year=1900',
      'periodNumber=4',
      'wholeYear=true',
      'from=2026-10-05&to=2026-10-05',
      'from=0001-01-01&to=9999-12-31',
      'year=2026&periodNumber=2',
    ]) {
      for (const url of [`/api/district/reports?${q}`, `/api/district/reports/export?format=pdf&${q}`]) {
        const res = await district.get(url);
        n += 1;
        if (res.statusCode >= 500) problems.push(`district ${url} → ${res.statusCode}`);
      }
    }
    expect(n).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  }, 300_000);
});
