import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { addDays } from '../../domain/school-days.ts';
import { today } from '../access/relationships.queries.ts';
import type { Database } from '../db/database.ts';
import { diarySchool } from './diary.test-helpers.ts';

describe.each(engines())('diary absence notices and calendar on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof diarySchool>>;
  let parent: Client;
  let student: Client;
  let ivanova: Client;
  let petrov: Client;
  let base: string;
  const on = today();

  const lessonOn = async (date: string, n: number, extra: { topic?: string; homework?: string } = {}) =>
    (
      await database.db
        .insertInto('lessons')
        .values({
          schoolId: s.schoolId,
          courseId: s.courses.math5,
          teacherId: s.people.ivanova.id,
          date,
          lessonNumber: n,
          ...extra,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const absent = (lessonId: number) =>
    ivanova.send('POST', '/api/journal/attendance', {
      lessonId,
      studentId: s.diary.grigoriev.id,
      value: 'absent',
      version: null,
    });
  const reasonOf = async (lessonId: number) =>
    await database.db
      .selectFrom('attendance')
      .select(['reason', 'version'])
      .where('lessonId', '=', lessonId)
      .where('studentId', '=', s.diary.grigoriev.id)
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await diarySchool(database.db);
    parent = await signIn(app, s.people.parent.login);
    student = await signIn(app, s.diary.grigoriev.login);
    ivanova = await signIn(app, s.people.ivanova.login);
    petrov = await signIn(app, s.people.petrov.login);
    base = `/api/diary/${s.diary.grigoriev.id}`;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('refuses bad dates, naming the field', async () => {
    const post = (body: object) =>
      parent.send('POST', `${base}/absence-notices`, { reason: 'illness', ...body });
    const order = await post({ fromDate: addDays(on, 3), toDate: addDays(on, 1) });
    expect(order.statusCode).toBe(400);
    expect(order.json().message).toContain('«По какой день»');
    const long = await post({ fromDate: on, toDate: addDays(on, 30) });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields.toDate).toContain('30');
    const old = await post({ fromDate: addDays(on, -15), toDate: on });
    expect(old.json().fields.fromDate).toContain('14');
    const far = await post({ fromDate: addDays(on, 85), toDate: addDays(on, 91) });
    expect(far.json().fields.toDate).toContain('90');
    const reason = await post({ fromDate: on, toDate: on, reason: 'unexcused' });
    expect(reason.statusCode).toBe(400);
    expect(reason.json().message).toContain('«Причина»');
    expect(
      (await student.send('POST', `${base}/absence-notices`, { fromDate: on, toDate: on, reason: 'illness' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await ivanova.send('POST', `${base}/absence-notices`, { fromDate: on, toDate: on, reason: 'illness' }))
        .statusCode,
    ).toBe(403);
    const stranger = await signIn(app, s.diary.stranger.login);
    expect(
      (
        await stranger.send('POST', `${base}/absence-notices`, {
          fromDate: on,
          toDate: on,
          reason: 'illness',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('fills the reason of recorded absences, and a later absence takes it through the journal', async () => {
    const before = await lessonOn(addDays(on, -2), 6);
    const later = await lessonOn(addDays(on, -1), 6);
    const outside = await lessonOn(addDays(on, -4), 6);
    for (const id of [before, outside]) expect((await absent(id)).statusCode).toBe(200);
    expect((await reasonOf(before)).reason).toBeNull();
    const created = await parent.send('POST', `${base}/absence-notices`, {
      fromDate: addDays(on, -3),
      toDate: addDays(on, 2),
      reason: 'illness',
      comment: '  Простуда  ',
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({
      reason: 'illness',
      comment: 'Простуда',
      cancelledAt: null,
      studentId: s.diary.grigoriev.id,
    });
    expect(await reasonOf(before)).toEqual({ reason: 'illness', version: 2 });
    expect((await reasonOf(outside)).reason).toBeNull();
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('action', 'in', ['journal.attendance.reason', 'diary.notice.create'])
      .where('schoolId', '=', s.schoolId)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['diary.notice.create', 'journal.attendance.reason']);
    expect((await absent(later)).statusCode).toBe(200);
    expect((await reasonOf(later)).reason).toBe('illness');

    const mine = await student.get(`${base}/absence-notices`);
    expect(mine.json().notices).toHaveLength(1);
    const cls = await petrov.get(`/api/diary/classes/${s.classes.c5.classId}/absence-notices`);
    expect(cls.statusCode).toBe(200);
    expect(cls.json().notices.map((n: { id: number }) => n.id)).toEqual([created.json().id]);

    const cancel = await parent.send('POST', `${base}/absence-notices/${created.json().id}/cancel`);
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().cancelledAt).not.toBeNull();
    expect(
      (await petrov.get(`/api/diary/classes/${s.classes.c5.classId}/absence-notices`)).json().notices,
    ).toHaveLength(1);
    const next = await lessonOn(on, 7);
    expect((await absent(next)).statusCode).toBe(200);
    expect((await reasonOf(next)).reason).toBeNull();
    expect((await parent.send('POST', `${base}/absence-notices/999999/cancel`)).statusCode).toBe(404);
  });

  it('refuses to cancel a notice whose days have passed', async () => {
    const made = await parent.send('POST', `${base}/absence-notices`, {
      fromDate: addDays(on, -5),
      toDate: addDays(on, -4),
      reason: 'excused',
    });
    expect(made.statusCode).toBe(200);
    const cancel = await parent.send('POST', `${base}/absence-notices/${made.json().id}/cancel`);
    expect(cancel.statusCode).toBe(409);
  });

  it('creates, serves and revokes a secret calendar address', async () => {
    expect((await parent.get(`${base}/calendar`)).json()).toEqual({
      url: null,
      active: false,
      createdAt: null,
    });
    await lessonOn(on, 8, { topic: 'Дроби, часть 1', homework: '№ 12; № 13' });
    const made = await parent.send('POST', `${base}/calendar`);
    expect(made.statusCode).toBe(200);
    const url = made.json().url as string;
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    const path = new URL(url).pathname;
    const feed = await app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.body).toContain('BEGIN:VCALENDAR\r\n');
    expect(feed.body).toContain('SUMMARY:Математика: Дроби\\, часть 1\r\n');
    expect(feed.body).toContain('DESCRIPTION:№ 12\\; № 13\r\n');
    expect((await parent.get(`${base}/calendar`)).json()).toMatchObject({ url: null, active: true });
    const stored = await database.db.selectFrom('calendarFeeds').select('tokenHash').execute();
    expect(stored.map((f) => f.tokenHash)).not.toContain(path.split('/').pop());

    const again = await student.send('POST', `${base}/calendar`);
    expect(again.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const second = new URL(again.json().url as string).pathname;
    expect((await app.inject({ method: 'GET', url: second })).statusCode).toBe(200);
    expect((await parent.send('POST', `${base}/calendar/revoke`)).json().active).toBe(false);
    expect((await app.inject({ method: 'GET', url: second })).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: '/api/calendar/unknown-token-unknown-token' })).statusCode,
    ).toBe(404);
    expect((await ivanova.send('POST', `${base}/calendar`)).statusCode).toBe(403);
    const stranger = await signIn(app, s.diary.stranger.login);
    expect((await stranger.get(`${base}/calendar`)).statusCode).toBe(404);
  });
});
