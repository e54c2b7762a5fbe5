import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, linkGuardian } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { messagesSchool, signInAll } from './messages.test-helpers.ts';

describe.each(engines())('announcements on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof messagesSchool>>;
  let c: Awaited<ReturnType<typeof signInAll>>;
  let classThread = 0;
  let schoolThread = 0;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await messagesSchool(database.db);
    c = await signInAll(app, s);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const memberIds = async (threadId: number) =>
    (
      await database.db
        .selectFrom('threadMembers')
        .select('personId')
        .where('threadId', '=', threadId)
        .orderBy('personId')
        .execute()
    ).map((m) => m.personId);
  const listed = async (client: typeof c.parent1, q = '') =>
    ((await client.get(`/api/messages/threads${q}`)).json().threads as { id: number }[]).map((t) => t.id);

  it('the class teacher announces to the class: its parents only receive it', async () => {
    const res = await c.classT.send('POST', '/api/messages/announcements', {
      classId: s.c5.classId,
      subject: 'Родительское собрание',
      body: 'В четверг в 18:00.',
    });
    expect(res.statusCode).toBe(201);
    const page = res.json();
    classThread = page.thread.id;
    expect(page.thread).toMatchObject({ kind: 'class', className: '5А', with: ['Классова Анна'] });
    expect(page.messages[0]).toMatchObject({ readBy: 0, recipients: 2 });
    const { classT, parent1, parent2 } = s.people;
    expect(await memberIds(classThread)).toEqual([classT.id, parent1.id, parent2.id].sort((a, b) => a - b));
    expect(await listed(c.parent1)).toContain(classThread);
    expect(await listed(c.parent1, `?studentId=${s.people.student1.id}`)).toContain(classThread);
    expect(await listed(c.parent3)).not.toContain(classThread);
    expect(await listed(c.student1)).not.toContain(classThread);
    expect((await c.parent3.get(`/api/messages/threads/${classThread}`)).statusCode).toBe(404);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entity', '=', 'thread')
      .where('entityId', '=', String(classThread))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['messages.announce']);
  });

  it('recipients cannot reply and do not see each other; the author adds a follow-up', async () => {
    const page = (await c.parent1.get(`/api/messages/threads/${classThread}`)).json();
    expect(page.canReply).toBe(false);
    expect(page.members.map((m: { name: string }) => m.name)).toEqual(['Алексеев Анна', 'Классова Анна']);
    const refused = await c.parent1.send('POST', `/api/messages/threads/${classThread}/messages`, {
      body: 'Приду',
    });
    expect(refused.statusCode).toBe(403);
    await c.parent1.send('POST', `/api/messages/threads/${classThread}/read`);
    const more = await c.classT.send('POST', `/api/messages/threads/${classThread}/messages`, {
      body: 'Кабинет 12.',
    });
    expect(more.statusCode).toBe(201);
    expect(more.json().canReply).toBe(true);
    expect(more.json().messages[0]).toMatchObject({ readBy: 1, recipients: 2 });
    expect((await c.parent2.get('/api/messages/unread')).json()).toEqual({ unread: 2 });
    expect((await c.parent1.get('/api/messages/unread')).json()).toEqual({ unread: 1 });
  });

  it('only the class teacher of the class announces to it: others 403, another school 404', async () => {
    const body = { classId: s.c5.classId, subject: 'Тема', body: 'Текст' };
    expect((await c.otherClassT.send('POST', '/api/messages/announcements', body)).statusCode).toBe(403);
    expect((await c.mathT.send('POST', '/api/messages/announcements', body)).statusCode).toBe(403);
    expect((await c.deputy.send('POST', '/api/messages/announcements', body)).statusCode).toBe(403);
    expect((await c.parent1.send('POST', '/api/messages/announcements', body)).statusCode).toBe(404);
    expect((await c.foreignT.send('POST', '/api/messages/announcements', body)).statusCode).toBe(404);
    const missing = await c.classT.send('POST', '/api/messages/announcements', { ...body, classId: 999999 });
    expect(missing.statusCode).toBe(404);
    const school = await c.classT.send('POST', '/api/messages/announcements', {
      subject: 'Тема',
      body: 'Текст',
    });
    expect(school.statusCode).toBe(403);
    expect((await c.student1.send('POST', '/api/messages/announcements', body)).statusCode).toBe(404);
  });

  it('the deputy announces to the school, students too: every parent and student receives it once', async () => {
    // A parent of two children (in two classes) is one member.
    const both = await buildPerson(database.db, {
      schoolId: s.schoolId,
      roles: ['parent'],
      lastName: 'Двоих',
    });
    for (const child of [s.people.student1, s.people.student3])
      await linkGuardian(database.db, { schoolId: s.schoolId, guardianId: both.id, studentId: child.id });
    const res = await c.deputy.send('POST', '/api/messages/announcements', {
      subject: 'Каникулы',
      body: 'С 28 декабря.',
      toStudents: true,
    });
    expect(res.statusCode).toBe(201);
    schoolThread = res.json().thread.id;
    expect(res.json().thread).toMatchObject({ kind: 'school', className: null, with: ['Завучева Анна'] });
    const p = s.people;
    const expected = [p.deputy, p.parent1, p.parent2, p.parent3, both, p.student1, p.student2, p.student3]
      .map((x) => x.id)
      .sort((a, b) => a - b);
    expect(await memberIds(schoolThread)).toEqual(expected);
    expect(await listed(c.student1)).toEqual([schoolThread]);
    expect(await listed(c.student1, `?studentId=${p.student1.id}`)).toEqual([schoolThread]);
    expect((await c.student1.get(`/api/messages/threads?studentId=${p.student2.id}`)).statusCode).toBe(404);
    expect(await listed(c.parent3, `?studentId=${p.student3.id}`)).toEqual([schoolThread]);
    expect(await listed(c.parent1, `?studentId=${p.student1.id}`)).toEqual([schoolThread, classThread]);
    expect((await c.classT.get(`/api/messages/threads/${schoolThread}`)).statusCode).toBe(404);
  });

  it('without toStudents a school announcement reaches parents only; bad input names the field', async () => {
    const res = await c.deputy.send('POST', '/api/messages/announcements', {
      subject: 'Оплата',
      body: 'Питание.',
    });
    expect(res.statusCode).toBe(201);
    expect(await listed(c.student1)).toEqual([schoolThread]);
    expect(await listed(c.parent1)).toContain(res.json().thread.id);
    const bad = await c.deputy.send('POST', '/api/messages/announcements', {
      classId: 'x',
      subject: 'a',
      body: 'b',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('Проверьте поля: «Класс».');
    expect((await app.inject({ method: 'POST', url: '/api/messages/announcements' })).statusCode).toBe(401);
  });
});
