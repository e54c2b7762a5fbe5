import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { controlSchool } from './control.test-helpers.ts';

describe.each(engines())('absences and their reasons on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof controlSchool>>;
  let deputy: Client;
  let director: Client;
  let classT: Client;
  let otherT: Client;
  let mathT: Client;
  let parent: Client;
  let reasonsUrl: string;
  const row = (id: number) =>
    database.db
      .selectFrom('attendance')
      .select(['reason', 'version', 'updatedBy', 'updatedAt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const reasonEvents = () =>
    database.db
      .selectFrom('auditEvents')
      .select(['entityId', 'before', 'after', 'actorId'])
      .where('schoolId', '=', s.schoolId)
      .where('action', '=', 'journal.attendance.reason')
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await controlSchool(database.db);
    deputy = await signIn(app, s.people.deputy.login);
    director = await signIn(app, s.people.director.login);
    classT = await signIn(app, s.people.classT.login);
    otherT = await signIn(app, s.people.otherT.login);
    mathT = await signIn(app, s.people.mathT.login);
    parent = await signIn(app, s.people.parent.login);
    reasonsUrl = `/api/journal/classes/${s.c5.classId}/absence-reasons`;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists the class’s absences by date and lesson, only while each student was in the class', async () => {
    const res = await classT.get(
      `/api/journal/classes/${s.c5.classId}/absences?from=2026-09-01&to=2026-10-31`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().absences).toEqual([
      {
        lessonId: s.lessons.math0914,
        studentId: s.students.alekseeva.id,
        student: 'Алексеева Мария',
        date: '2026-09-14',
        lessonNumber: 1,
        subject: 'Математика',
        value: 'absent',
        reason: null,
      },
      expect.objectContaining({ lessonId: s.lessons.rus0914, lessonNumber: 2, subject: 'Русский язык' }),
      expect.objectContaining({ lessonId: s.lessons.math1005, value: 'late' }),
      // Жуков had left on 15 October: his absence on the 20th is not the class's.
      expect.objectContaining({ lessonId: s.lessons.math1020, student: 'Ёлкина Вера' }),
    ]);
    const director5 = await director.get(
      `/api/journal/classes/${s.c5.classId}/absences?from=2026-11-16&to=2026-11-17`,
    );
    expect(
      director5.json().absences.map((a: { student: string; reason: string }) => [a.student, a.reason]),
    ).toEqual([
      ['Алексеева Мария', 'unexcused'],
      ['Новиков Иван', null],
    ]);
    expect((await deputy.get(`/api/journal/classes/${s.c5.classId}/absences`)).statusCode).toBe(200);
  });

  it('list: 400 when the range ends before it starts, 404 for other teachers and parents, 401 without a session', async () => {
    const url = `/api/journal/classes/${s.c5.classId}/absences`;
    const bad = await classT.get(`${url}?from=2026-10-02&to=2026-10-01`);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['to']);
    expect((await classT.get(`${url}?from=2026-02-30`)).statusCode).toBe(400);
    for (const who of [otherT, mathT, parent]) expect((await who.get(url)).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('the class teacher sets a reason for a day: each absence gets it, a new version and its own audit event', async () => {
    const res = await classT.send('POST', reasonsUrl, {
      studentId: s.students.alekseeva.id,
      from: '2026-09-14',
      to: '2026-09-14',
      reason: 'illness',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: 2 });
    for (const id of [s.attendance.aMath0914, s.attendance.aRus0914])
      expect(await row(id)).toMatchObject({ reason: 'illness', version: 2, updatedBy: s.people.classT.id });
    // Lateness takes no reason; the next quarter's absence is outside the dates.
    expect(await row(s.attendance.aMath1005)).toMatchObject({ reason: null, version: 1 });
    expect(await row(s.attendance.aMath1116)).toMatchObject({ reason: 'unexcused', version: 1 });
    const events = await reasonEvents();
    expect(events.map((e) => Number(e.entityId)).sort()).toEqual(
      [s.attendance.aMath0914, s.attendance.aRus0914].sort(),
    );
    expect(JSON.parse(events[0]!.before!)).toMatchObject({ reason: null });
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ reason: 'illness', version: 2 });
    expect(events[0]!.actorId).toBe(s.people.classT.id);
    const same = await classT.send('POST', reasonsUrl, {
      studentId: s.students.alekseeva.id,
      from: '2026-09-01',
      to: '2026-09-30',
      reason: 'illness',
    });
    expect(same.json()).toEqual({ updated: 0 });
  });

  it('one lesson only when a lesson is given', async () => {
    const res = await classT.send('POST', reasonsUrl, {
      studentId: s.students.alekseeva.id,
      from: '2026-09-14',
      to: '2026-09-14',
      lessonId: s.lessons.rus0914,
      reason: 'excused',
    });
    expect(res.json()).toEqual({ updated: 1 });
    expect(await row(s.attendance.aRus0914)).toMatchObject({ reason: 'excused', version: 3 });
    expect(await row(s.attendance.aMath0914)).toMatchObject({ reason: 'illness', version: 2 });
  });

  it('400: a student not in the class on those days, a range ending before it starts — named, in English too', async () => {
    const before = (await reasonEvents()).length;
    const other = await classT.send('POST', reasonsUrl, {
      studentId: s.students.other.id,
      from: '2026-09-14',
      to: '2026-09-14',
      reason: 'illness',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().fields).toEqual({ studentId: 'Этот ученик не учился в классе в эти дни.' });
    expect(other.json().message).toContain('«Ученик»');
    const gone = await classT.send('POST', reasonsUrl, {
      studentId: s.students.zhukov.id,
      from: '2026-10-20',
      to: '2026-10-20',
      reason: 'illness',
    });
    expect(gone.statusCode).toBe(400);
    const order = await classT.send(
      'POST',
      reasonsUrl,
      { studentId: s.students.alekseeva.id, from: '2026-09-15', to: '2026-09-14', reason: 'illness' },
      { 'accept-language': 'en' },
    );
    expect(order.statusCode).toBe(400);
    expect(order.json().fields).toEqual({ to: 'The end date is before the start date.' });
    expect(order.json().message).toContain('«To»');
    const junk = await classT.send('POST', reasonsUrl, {
      studentId: 0,
      from: 'x',
      to: '2026-09-14',
      reason: 'flu',
    });
    expect(junk.statusCode).toBe(400);
    expect(Object.keys(junk.json().fields).sort()).toEqual(['from', 'reason', 'studentId']);
    expect((await reasonEvents()).length).toBe(before);
  });

  it('policy: a class teacher writes only reasons for absences, and only in the own class', async () => {
    const body = {
      studentId: s.students.alekseeva.id,
      from: '2026-09-14',
      to: '2026-09-14',
      reason: 'unexcused',
    };
    // A subject teacher of the class, another class teacher, the deputy, the director: 403.
    for (const who of [mathT, otherT, deputy, director])
      expect((await who.send('POST', reasonsUrl, body)).statusCode).toBe(403);
    expect((await parent.send('POST', reasonsUrl, body)).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: reasonsUrl, payload: body })).statusCode).toBe(401);
    // Another class teacher may set reasons in her own class, not in 5А.
    const own = await otherT.send('POST', `/api/journal/classes/${s.c6.classId}/absence-reasons`, {
      studentId: s.students.other.id,
      from: '2026-09-14',
      to: '2026-09-14',
      reason: 'illness',
    });
    expect(own.json()).toEqual({ updated: 1 });
    const cross = await classT.send('POST', `/api/journal/classes/${s.c6.classId}/absence-reasons`, {
      studentId: s.students.other.id,
      from: '2026-09-14',
      to: '2026-09-14',
      reason: 'unexcused',
    });
    expect(cross.statusCode).toBe(403);
    expect(await row(s.attendance.aMath0914)).toMatchObject({ reason: 'illness' });
    expect(await row(s.attendance.oArt0914)).toMatchObject({ reason: 'illness' });
  });

  it('policy: after closing, nobody writes reasons without reopening', async () => {
    const close = await deputy.send(
      'POST',
      `/api/journal/periods/${s.periods.q1}/classes/${s.c5.classId}/close`,
    );
    expect(close.statusCode).toBe(200);
    const body = {
      studentId: s.students.alekseeva.id,
      from: '2026-09-01',
      to: '2026-11-30',
      reason: 'excused',
    };
    const refused = await classT.send('POST', reasonsUrl, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('conflict');
    expect(await row(s.attendance.aMath0914)).toMatchObject({ reason: 'illness', version: 2 });
    expect(await row(s.attendance.aMath1116)).toMatchObject({ reason: 'unexcused', version: 1 });
    // The next quarter is open.
    const q2 = await classT.send('POST', reasonsUrl, { ...body, from: '2026-11-05' });
    expect(q2.json()).toEqual({ updated: 1 });
    const reopen = await deputy.send(
      'POST',
      `/api/journal/periods/${s.periods.q1}/classes/${s.c5.classId}/reopen`,
      {
        reason: 'Справка принесена поздно',
      },
    );
    expect(reopen.statusCode).toBe(200);
    // The Russian lesson was already excused and the November absence just got it: one row changes.
    const after = await classT.send('POST', reasonsUrl, body);
    expect(after.json()).toEqual({ updated: 1 });
    expect(await row(s.attendance.aMath0914)).toMatchObject({ reason: 'excused', version: 3 });
  });
});
