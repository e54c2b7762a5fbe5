import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { timetableSchool } from './timetable.test-helpers.ts';

describe.each(engines())('timetable routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof timetableSchool>>;
  let admin: Client;
  let teacher: Client;
  let deputy: Client;
  const from = '2026-09-01';

  const slotCount = async () =>
    (await database.db.selectFrom('timetableSlots').select('id').where('schoolId', '=', s.schoolId).execute())
      .length;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await timetableSchool(database.db);
    admin = await signIn(app, s.people.admin.login);
    teacher = await signIn(app, s.people.plain.login);
    deputy = await signIn(app, s.people.deputy.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('saves a slot (201) and shows it in the week with bell times', async () => {
    const res = await admin.send('POST', '/api/timetable/slots', {
      courseId: s.courses.math5,
      weekday: 1,
      lessonNumber: 1,
      room: '10',
      from,
    });
    expect(res.statusCode).toBe(201);
    const week = await teacher.get(`/api/timetable/classes/${s.classes.c5.classId}?on=2026-09-07`);
    expect(week.statusCode).toBe(200);
    expect(week.json()).toMatchObject({
      className: '5А',
      canManage: false,
      slots: [{ subject: 'Математика', teacher: 'Иванова И. И.', room: '10', weekday: 1, lessonNumber: 1 }],
    });
    expect(week.json().bells[0]).toEqual({ weekday: 1, lessonNumber: 1, startsAt: '08:30', endsAt: '09:15' });
  });

  it('400: a clash is told beside its field in Russian, or in English; nothing is stored', async () => {
    const before = await slotCount();
    const body = { courseId: s.courses.math6, weekday: 1, lessonNumber: 1, from };
    const ru = await deputy.send('POST', '/api/timetable/slots', body);
    expect(ru.statusCode).toBe(400);
    expect(ru.json()).toMatchObject({
      error: 'validation',
      fields: { courseId: 'Учитель Иванова И. И. в это время уже ведёт урок: Математика, 5А.' },
    });
    expect(ru.json().message).toContain('«Курс»');
    const en = await deputy.send('POST', '/api/timetable/slots', body, { 'accept-language': 'en' });
    expect(en.json().message).toContain('«Course»');
    expect(en.json().fields).toEqual({
      courseId: 'Teacher Иванова И. И. already teaches at this time: Математика, 5А.',
    });
    const bad = await admin.send('POST', '/api/timetable/slots', { ...body, weekday: 7, from: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['from', 'weekday']);
    expect(bad.json().message).toContain('«День недели»');
    expect(await slotCount()).toBe(before);
  });

  it('401 without a session, 403 for a teacher changing it, 404 for another school', async () => {
    const anon = await app.inject({ method: 'GET', url: `/api/timetable/classes/${s.classes.c5.classId}` });
    expect(anon.statusCode).toBe(401);
    const before = await slotCount();
    const forbidden = await teacher.send('POST', '/api/timetable/slots', {
      courseId: s.courses.russian5,
      weekday: 2,
      lessonNumber: 1,
      from,
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().message).toBeTruthy();
    const gen = await teacher.send('POST', '/api/timetable/lessons', {
      classId: s.classes.c5.classId,
      from,
      to: from,
    });
    expect(gen.statusCode).toBe(403);
    expect(await slotCount()).toBe(before);
    const other = await timetableSchool(database.db);
    const stranger = await signIn(app, other.people.admin.login);
    expect((await stranger.get(`/api/timetable/classes/${s.classes.c5.classId}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/timetable/classes/${s.classes.c5.classId}/changes`)).statusCode).toBe(
      404,
    );
    expect((await admin.get('/api/timetable/classes/999999999')).statusCode).toBe(404);
    const parent = await signIn(app, s.people.parent.login);
    expect((await parent.get(`/api/timetable/classes/${s.classes.c5.classId}`)).statusCode).toBe(404);
  });

  it('generates lessons, records a substitution and lists it', async () => {
    const gen = await admin.send('POST', '/api/timetable/lessons', {
      classId: s.classes.c5.classId,
      from,
      to: '2026-09-30',
    });
    expect(gen.statusCode).toBe(200);
    expect(gen.json()).toMatchObject({ created: 4, removed: 0, conflicts: [] });
    const wrongOrder = await admin.send('POST', '/api/timetable/lessons', { from: '2026-09-30', to: from });
    expect(wrongOrder.json().fields).toEqual({ to: 'Дата окончания раньше даты начала.' });
    const busy = await admin.send('POST', '/api/timetable/changes', {
      kind: 'substitute',
      courseId: s.courses.math5,
      date: '2026-09-07',
      lessonNumber: 1,
    });
    expect(busy.statusCode).toBe(400);
    expect(Object.keys(busy.json().fields)).toEqual(['substituteTeacherId']);
    const res = await admin.send('POST', '/api/timetable/changes', {
      kind: 'substitute',
      courseId: s.courses.math5,
      date: '2026-09-07',
      lessonNumber: 1,
      substituteTeacherId: s.people.orlova.id,
      reason: 'Болезнь',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().report.updated).toBe(1);
    const list = await teacher.get(`/api/timetable/classes/${s.classes.c5.classId}/changes`);
    expect(list.json().changes).toMatchObject([
      {
        kind: 'substitute',
        date: '2026-09-07',
        substitute: 'Орлова И. И.',
        subject: 'Математика',
        reason: 'Болезнь',
      },
    ]);
    const changeId = res.json().id as number;
    expect((await teacher.send('POST', `/api/timetable/changes/${changeId}/remove`)).statusCode).toBe(403);
    expect((await admin.send('POST', '/api/timetable/changes/999999999/remove')).statusCode).toBe(404);
    const removed = await admin.send('POST', `/api/timetable/changes/${changeId}/remove`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().updated).toBe(1);
    expect(
      (await teacher.get(`/api/timetable/classes/${s.classes.c5.classId}/changes`)).json().changes,
    ).toEqual([]);
    const teachers = await admin.get('/api/timetable/teachers');
    expect(teachers.json().teachers.map((t: { name: string }) => t.name)).toContain('Орлова И. И.');
  });

  it('moves a slot from a date and closes it', async () => {
    const week = await admin.get(`/api/timetable/classes/${s.classes.c5.classId}?on=2026-09-07`);
    const slotId = week.json().slots[0].id as number;
    const moved = await admin.send('PATCH', `/api/timetable/slots/${slotId}`, {
      courseId: s.courses.math5,
      weekday: 2,
      lessonNumber: 2,
      from: '2026-10-01',
    });
    expect(moved.statusCode).toBe(200);
    const viaPost = await admin.send('POST', `/api/timetable/slots/${moved.json().id}`, {
      courseId: s.courses.math5,
      weekday: 2,
      lessonNumber: 2,
      room: '21',
      from: '2026-10-15',
    });
    expect(viaPost.statusCode).toBe(200);
    const oct = await admin.get(`/api/timetable/classes/${s.classes.c5.classId}?on=2026-10-20`);
    expect(oct.json().slots.map((x: { room: string }) => x.room)).toEqual(['21']);
    const closed = await admin.send('POST', `/api/timetable/slots/${viaPost.json().id}/close`, {
      from: '2026-11-01',
    });
    expect(closed.statusCode).toBe(200);
    const nov = await admin.get(`/api/timetable/classes/${s.classes.c5.classId}?on=2026-11-02`);
    expect(nov.json().slots).toEqual([]);
    expect((await admin.send('POST', '/api/timetable/slots/999999999/close', { from })).statusCode).toBe(404);
  });
});
