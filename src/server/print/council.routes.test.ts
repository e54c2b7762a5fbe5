import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { summaryFixture } from './summary-fixture.test-helpers.ts';

/** Council decisions (issue #7): the class teacher and the leadership record them, audited; readers print. */
describe.each(engines())('council decisions on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let f: Awaited<ReturnType<typeof summaryFixture>>;
  let url: string;

  beforeAll(async () => {
    database = await engine.open();
    f = await summaryFixture(database.db);
    app = await testApp(database);
    url = `/api/classes/${f.c5.classId}/council-decisions`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('lists the class in Russian order with decisions, those who left included', async () => {
    const res = await (await signIn(app, f.people.classT.login)).get(url);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.canRecord).toBe(true);
    expect(body.className).toBe('5А');
    expect(body.students.map((s: { name: string }) => s.name)).toEqual([
      'Абрамов Пётр',
      'Борисов Илья',
      'Яковлева Анна',
    ]);
    expect(body.students[0].decision).toMatchObject({ decision: 'переведён в 6 класс', protocol: '7' });
    expect(body.students[2].leftOn).toBe('2027-01-15');
  });

  it('records a decision with its date and minutes, audited with before and after', async () => {
    const client = await signIn(app, f.people.classT.login);
    const res = await client.send('PUT', `${url}/${f.students.borisov}`, {
      decision: 'переведён(а) условно',
      decidedOn: '2027-05-29',
      protocol: '8',
    });
    expect(res.statusCode).toBe(200);
    const borisov = res
      .json()
      .students.find((s: { studentId: number }) => s.studentId === f.students.borisov);
    expect(borisov.decision).toMatchObject({
      decision: 'переведён(а) условно',
      decidedOn: '2027-05-29',
      protocol: '8',
    });
    const changed = await client.send('PUT', `${url}/${f.students.borisov}`, { decision: 'выпущен(а)' });
    expect(changed.statusCode).toBe(200);
    const events = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'before', 'after', 'actorId'])
      .where('schoolId', '=', f.s.schoolId)
      .where('action', '=', 'council.decide')
      .orderBy('id')
      .execute();
    expect(events).toHaveLength(2);
    expect(JSON.parse(events[1]!.before!)).toMatchObject({ decision: 'переведён(а) условно', protocol: '8' });
    expect(JSON.parse(events[1]!.after!)).toMatchObject({ decision: 'выпущен(а)', protocol: null });
    expect(events[1]!.actorId).toBe(f.people.classT.id);
  });

  it('lets the deputy remove a decision, audited', async () => {
    const client = await signIn(app, f.people.deputy.login);
    const res = await client.send('DELETE', `${url}/${f.students.borisov}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().students[1].decision).toBeNull();
    const again = await client.send('DELETE', `${url}/${f.students.borisov}`);
    expect(again.statusCode).toBe(404);
    const removed = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('schoolId', '=', f.s.schoolId)
      .where('action', '=', 'council.remove')
      .execute();
    expect(removed).toHaveLength(1);
  });

  it('lets a subject teacher read but not record', async () => {
    const client = await signIn(app, f.people.mathT.login);
    const res = await client.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.json().canRecord).toBe(false);
    const put = await client.send('PUT', `${url}/${f.students.abramov}`, { decision: 'выпущен(а)' });
    expect(put.statusCode).toBe(403);
  });

  it('refuses bad input naming the field, unknown students, other schools and strangers', async () => {
    const client = await signIn(app, f.people.classT.login);
    const bad = await client.send('PUT', `${url}/${f.students.abramov}`, {
      decision: '',
      decidedOn: '2027-13-40',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Решение педсовета');
    const en = await client.send(
      'PUT',
      `${url}/${f.students.abramov}`,
      { decision: '' },
      { 'accept-language': 'en' },
    );
    expect(en.json().message).toContain('Council decision');
    const notHere = await client.send('PUT', `${url}/${f.people.mathT.id}`, { decision: 'выпущен(а)' });
    expect(notHere.statusCode).toBe(404);
    const other = await signIn(app, f.people.otherDirector.login);
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});
