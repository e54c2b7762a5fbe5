import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { messagesSchool, signInAll } from './messages.test-helpers.ts';

describe.each(engines())('teacher ↔ parent dialogs on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof messagesSchool>>;
  let c: Awaited<ReturnType<typeof signInAll>>;
  let threadId = 0;

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

  const names = (list: { name: string; role: string; studentId: number }[]) =>
    list.map((x) => `${x.studentId}:${x.name}:${x.role}`);

  it('contacts: a parent gets the class teacher and the course teachers with accounts of their own child only', async () => {
    const res = await c.parent1.get('/api/messages/contacts');
    expect(res.statusCode).toBe(200);
    const st = s.people.student1.id;
    expect(names(res.json().contacts)).toEqual([
      `${st}:Классова Анна:Классный руководитель`,
      `${st}:Математикова Анна:Математика`,
    ]);
    expect(res.json().contacts[0].student).toBe('Алексеева Анна');
    expect((await c.parent1.get(`/api/messages/contacts?studentId=${s.people.student3.id}`)).statusCode).toBe(
      404,
    );
    expect((await c.parent1.get('/api/messages/contacts?studentId=999999')).statusCode).toBe(404);
  });

  it('contacts: teachers get the parents of the students they teach or lead; the deputy of the school', async () => {
    const ids = async (client: typeof c.classT, q = '') =>
      ((await client.get(`/api/messages/contacts${q}`)).json().contacts as { personId: number }[]).map(
        (x) => x.personId,
      );
    const { parent1, parent2, parent3 } = s.people;
    expect(await ids(c.classT)).toEqual([parent1.id, parent2.id]);
    expect(await ids(c.mathT)).toEqual([parent1.id, parent2.id]);
    expect(await ids(c.otherClassT)).toEqual([parent3.id]);
    expect(await ids(c.randomT)).toEqual([]);
    expect(await ids(c.deputy)).toEqual([parent1.id, parent2.id, parent3.id]);
    expect(await ids(c.deputy, `?studentId=${s.people.student3.id}`)).toEqual([parent3.id]);
    expect((await c.classT.get(`/api/messages/contacts?studentId=${s.people.student3.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await c.foreignT.get(`/api/messages/contacts?studentId=${s.people.student1.id}`)).statusCode,
    ).toBe(404);
  });

  it('a parent writes to the class teacher: members, first message, audit without a diary version bump', async () => {
    const before = await database.db
      .selectFrom('dataVersions')
      .select('version')
      .where('schoolId', '=', s.schoolId)
      .executeTakeFirst();
    const res = await c.parent1.send('POST', '/api/messages/threads', {
      studentId: s.people.student1.id,
      to: [s.people.classT.id],
      subject: '  Пропуск в пятницу ',
      body: '  Алексеева будет на соревнованиях. ',
    });
    expect(res.statusCode).toBe(201);
    const page = res.json();
    threadId = page.thread.id;
    expect(page.thread).toMatchObject({
      kind: 'dialog',
      subject: 'Пропуск в пятницу',
      student: 'Алексеева Анна',
      className: '5А',
      with: ['Классова Анна'],
      unread: 0,
    });
    expect(page.members.map((m: { name: string }) => m.name)).toEqual(['Алексеев Анна', 'Классова Анна']);
    expect(page.messages).toHaveLength(1);
    expect(page.messages[0]).toMatchObject({
      body: 'Алексеева будет на соревнованиях.',
      mine: true,
      readBy: 0,
      recipients: 1,
    });
    expect(page.canReply).toBe(true);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entity', '=', 'thread')
      .where('entityId', '=', String(threadId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['messages.thread.create']);
    const after = await database.db
      .selectFrom('dataVersions')
      .select('version')
      .where('schoolId', '=', s.schoolId)
      .executeTakeFirst();
    expect(after?.version).toBe(before?.version);
  });

  it('unread counts and read receipts change as each side reads; the teacher replies', async () => {
    expect((await c.classT.get('/api/messages/unread')).json()).toEqual({ unread: 1 });
    const list = (await c.classT.get('/api/messages/threads')).json().threads;
    expect(list[0]).toMatchObject({ id: threadId, unread: 1, with: ['Алексеев Анна'] });
    expect((await c.parent1.get(`/api/messages/threads/${threadId}`)).json().messages[0].readBy).toBe(0);

    const read = await c.classT.send('POST', `/api/messages/threads/${threadId}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ unread: 0 });
    expect((await c.parent1.get(`/api/messages/threads/${threadId}`)).json().messages[0].readBy).toBe(1);

    const answer = await c.classT.send('POST', `/api/messages/threads/${threadId}/messages`, {
      body: 'Хорошо, спасибо.',
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.json().messages.map((m: { mine: boolean }) => m.mine)).toEqual([false, true]);
    expect((await c.parent1.get('/api/messages/unread')).json()).toEqual({ unread: 1 });
    const mine = (await c.parent1.get(`/api/messages/threads?studentId=${s.people.student1.id}`)).json();
    expect(mine.threads.map((t: { id: number; unread: number }) => [t.id, t.unread])).toEqual([
      [threadId, 1],
    ]);
    expect(mine.threads[0].lastMessage).toBe('Хорошо, спасибо.');
    expect((await c.classT.get(`/api/messages/threads/${threadId}`)).json().messages[1].readBy).toBe(0);
    await c.parent1.send('POST', `/api/messages/threads/${threadId}/read`);
    expect((await c.parent1.get('/api/messages/unread')).json()).toEqual({ unread: 0 });
    expect((await c.classT.get(`/api/messages/threads/${threadId}`)).json().messages[1].readBy).toBe(1);
  });

  it('a parent of another family cannot list, open, read, reply to or filter by the dialog', async () => {
    const theirs = (await c.parent2.get('/api/messages/threads')).json().threads;
    expect(theirs.map((t: { id: number }) => t.id)).not.toContain(threadId);
    expect((await c.parent2.get(`/api/messages/threads/${threadId}`)).statusCode).toBe(404);
    expect((await c.parent2.send('POST', `/api/messages/threads/${threadId}/read`)).statusCode).toBe(404);
    const reply = await c.parent2.send('POST', `/api/messages/threads/${threadId}/messages`, {
      body: 'Я тоже',
    });
    expect(reply.statusCode).toBe(404);
    expect((await c.parent2.get(`/api/messages/threads?studentId=${s.people.student1.id}`)).statusCode).toBe(
      404,
    );
    expect((await c.mathT.get(`/api/messages/threads/${threadId}`)).statusCode).toBe(404);
    expect((await c.student1.get(`/api/messages/threads/${threadId}`)).statusCode).toBe(404);
  });

  it('contact rules: a random teacher or one without an account is refused on «Кому»; another child is 404', async () => {
    const body = { studentId: s.people.student1.id, subject: 'Вопрос', body: 'Здравствуйте' };
    for (const to of [
      [s.people.randomT.id],
      [s.people.noAccountT.id],
      [s.people.classT.id, s.people.parent2.id],
    ]) {
      const res = await c.parent1.send('POST', '/api/messages/threads', { ...body, to });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('«Кому»');
      expect(Object.keys(res.json().fields)).toEqual(['to']);
    }
    const other = await c.parent1.send('POST', '/api/messages/threads', {
      ...body,
      studentId: s.people.student3.id,
      to: [s.people.otherClassT.id],
    });
    expect(other.statusCode).toBe(404);
    const teacher = await c.classT.send('POST', '/api/messages/threads', {
      ...body,
      to: [s.people.parent3.id],
    });
    expect(teacher.statusCode).toBe(400);
    const ok = await c.classT.send('POST', '/api/messages/threads', { ...body, to: [s.people.parent1.id] });
    expect(ok.statusCode).toBe(201);
    const count = await database.db
      .selectFrom('threads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('schoolId', '=', s.schoolId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('a student cannot start a dialog (403) and has no contacts', async () => {
    const res = await c.student1.send('POST', '/api/messages/threads', {
      studentId: s.people.student1.id,
      to: [s.people.classT.id],
      subject: 'Вопрос',
      body: 'Здравствуйте',
    });
    expect(res.statusCode).toBe(403);
    expect((await c.student1.get('/api/messages/contacts')).json()).toEqual({ contacts: [] });
  });

  it('401 without a session; 400 names the bad fields in Russian and English', async () => {
    for (const url of ['/api/messages/threads', '/api/messages/unread', '/api/messages/contacts'])
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const res = await c.parent1.send('POST', '/api/messages/threads', {
      studentId: s.people.student1.id,
      to: [],
      subject: 'Тема',
      body: '   ',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields).sort()).toEqual(['body', 'to']);
    expect(res.json().message).toBe('Проверьте поля: «Кому», «Текст».');
    const en = await c.parent1.send(
      'POST',
      '/api/messages/threads',
      { studentId: s.people.student1.id, to: [s.people.classT.id], subject: '', body: 'x' },
      { 'accept-language': 'en' },
    );
    expect(en.json().message).toBe('Please check the fields: «Subject».');
    // Bad elements of a list are named once, as the list.
    const elements = await c.parent1.send('POST', '/api/messages/threads', {
      studentId: s.people.student1.id,
      to: [s.people.classT.id, 'x', -1],
      subject: 'Тема',
      body: 'Текст',
    });
    expect(Object.keys(elements.json().fields).sort()).toEqual(['to.1', 'to.2']);
    expect(elements.json().message).toBe('Проверьте поля: «Кому».');
    expect((await c.parent1.get('/api/messages/threads/abc')).statusCode).toBe(400);
    const nul = await c.classT.send('POST', `/api/messages/threads/${threadId}/messages`, {
      body: 'a\u0000b',
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().fields).toEqual({ body: 'Содержит недопустимые управляющие символы.' });
    const lines = await c.classT.send('POST', `/api/messages/threads/${threadId}/messages`, {
      body: 'Первая строка\n\tвторая ',
    });
    expect(lines.statusCode).toBe(201);
    expect(lines.json().messages.at(-1).body).toBe('Первая строка\n\tвторая');
  });
});
