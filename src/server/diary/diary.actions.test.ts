import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { addDays, mondayOf } from '../../domain/school-days.ts';
import { today } from '../access/relationships.queries.ts';
import type { Database } from '../db/database.ts';
import { diarySchool, testWeek } from './diary.test-helpers.ts';

describe.each(engines())('diary acknowledgements, notices, class views on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof diarySchool>>;
  let parent: Client;
  let stranger: Client;
  let student: Client;
  let petrov: Client;
  let ivanova: Client;
  let base: string;

  const audits = async (action: string) =>
    (
      await database.db
        .selectFrom('auditEvents')
        .select('id')
        .where('action', '=', action)
        .where('schoolId', '=', s.schoolId)
        .execute()
    ).length;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await diarySchool(database.db);
    parent = await signIn(app, s.people.parent.login);
    stranger = await signIn(app, s.diary.stranger.login);
    student = await signIn(app, s.diary.grigoriev.login);
    petrov = await signIn(app, s.people.petrov.login);
    ivanova = await signIn(app, s.people.ivanova.login);
    base = `/api/diary/${s.diary.grigoriev.id}`;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('acknowledges a begun week once, by its Monday; the week and the class teacher see it', async () => {
    const tuesday = await parent.send('POST', `${base}/acknowledge`, { weekStart: '2026-11-24' });
    expect(tuesday.statusCode).toBe(400);
    expect(tuesday.json().message).toContain('«Неделя»');
    expect(tuesday.json().fields.weekStart).toContain('понедельник');
    const future = await parent.send(
      'POST',
      `${base}/acknowledge`,
      { weekStart: addDays(mondayOf(today()), 7) },
      { 'accept-language': 'en' },
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('«Week»');
    expect((await student.send('POST', `${base}/acknowledge`, { weekStart: testWeek })).statusCode).toBe(403);
    expect((await stranger.send('POST', `${base}/acknowledge`, { weekStart: testWeek })).statusCode).toBe(
      404,
    );
    expect(await audits('diary.week.acknowledge')).toBe(0);
    const first = await parent.send('POST', `${base}/acknowledge`, { weekStart: testWeek });
    expect(first.statusCode).toBe(200);
    const second = await parent.send('POST', `${base}/acknowledge`, { weekStart: testWeek });
    expect(second.json()).toEqual(first.json());
    expect(await audits('diary.week.acknowledge')).toBe(1);
    const week = (await parent.get(`${base}/week?date=${testWeek}`)).json();
    expect(week.acknowledged).toEqual([
      { guardianId: s.people.parent.id, name: expect.stringMatching(/^Родителева/), at: first.json().at },
    ]);
    const view = await petrov.get(
      `/api/diary/classes/${s.classes.c5.classId}/acknowledgements?weekStart=${testWeek}`,
    );
    expect(view.statusCode).toBe(200);
    const rows = view.json().students as {
      studentId: number;
      guardians: { id: number; at: string | null }[];
    }[];
    expect(rows.find((r) => r.studentId === s.diary.grigoriev.id)!.guardians).toEqual([
      { id: s.people.parent.id, name: expect.any(String), at: first.json().at },
    ]);
    expect(rows.find((r) => r.studentId === s.students.vasiliev)!.guardians).toMatchObject([
      { id: s.diary.stranger.id, at: null },
    ]);
    // Дмитриева joined on 24 November: a current student in Russian order.
    expect(view.json().students.map((r: { name: string }) => r.name.split(' ')[0])).toEqual([
      'Алексеев',
      'Борисова',
      'Васильев',
      'Григорьев',
      'Дмитриева',
    ]);
  });

  it('scopes the class views: class teacher and leadership yes, other teacher 404, parent 403', async () => {
    const path = `/api/diary/classes/${s.classes.c5.classId}/acknowledgements`;
    const deputy = await signIn(app, s.people.deputy.login);
    expect((await deputy.get(path)).statusCode).toBe(200);
    expect((await ivanova.get(path)).statusCode).toBe(404);
    expect((await petrov.get(`/api/diary/classes/${s.classes.c6.classId}/acknowledgements`)).statusCode).toBe(
      404,
    );
    expect((await parent.get(path)).statusCode).toBe(403);
    expect((await petrov.get(`${path}?weekStart=2026-11-25`)).statusCode).toBe(400);
    expect((await ivanova.get(`/api/diary/classes/${s.classes.c5.classId}/absence-notices`)).statusCode).toBe(
      404,
    );
  });

  it('averages the marks of the period by weight and lists the period marks', async () => {
    const mark = (workKindId: number, value: string) =>
      ivanova.send('POST', '/api/journal/marks', {
        lessonId: s.lessons.mathRecent,
        studentId: s.diary.grigoriev.id,
        workKindId,
        value,
        version: null,
      });
    expect((await mark(s.workKinds.answer, '5')).statusCode).toBe(200);
    expect((await mark(s.workKinds.test, '3')).statusCode).toBe(200);
    await database.db
      .insertInto('periodMarks')
      .values({
        schoolId: s.schoolId,
        studentId: s.diary.grigoriev.id,
        subjectId: s.subjects.math,
        courseId: s.courses.math5,
        periodId: s.periods.q1,
        value: '5',
        createdBy: s.people.ivanova.id,
      })
      .execute();
    const kinds = await database.db
      .selectFrom('workKinds')
      .select(['id', 'weight'])
      .where('id', 'in', [s.workKinds.answer, s.workKinds.test])
      .execute();
    const w = (id: number) => Number(kinds.find((k) => k.id === id)!.weight);
    const expected =
      Math.round(
        ((5 * w(s.workKinds.answer) + 3 * w(s.workKinds.test)) /
          (w(s.workKinds.answer) + w(s.workKinds.test))) *
          100,
      ) / 100;
    const res = await parent.get(`${base}/marks?periodId=${s.periods.q2}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.periodId).toBe(s.periods.q2);
    expect(body.periods.map((p: { kind: string }) => p.kind)).toEqual([
      'term',
      'term',
      'term',
      'term',
      'year',
    ]);
    const math = body.subjects.find((x: { subject: string }) => x.subject === 'Математика');
    expect(math.marks.map((m: { value: string }) => m.value).sort()).toEqual(['3', '5']);
    expect(math.marks[0]).toMatchObject({ date: '2026-11-24', lessonId: s.lessons.mathRecent });
    expect(math.average).toBe(expected);
    expect(math.periodMarks).toEqual([
      { periodId: s.periods.q1, period: '1 четверть', kind: 'term', value: '5' },
    ]);
    expect(body.subjects.map((x: { subject: string }) => x.subject)).toEqual([
      'Математика',
      'Русский язык',
      'Английский язык',
    ]);
    const q1 = (await student.get(`${base}/marks?periodId=${s.periods.q1}`)).json();
    expect(q1.subjects.find((x: { subject: string }) => x.subject === 'Математика').average).toBeNull();
    const bad = await parent.get(`${base}/marks?periodId=999999`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('«Период»');
    expect((await stranger.get(`${base}/marks`)).statusCode).toBe(404);
  });
});
