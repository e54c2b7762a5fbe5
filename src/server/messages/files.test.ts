import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/app.ts';
import { testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { maxMessageFileBytes, maxMessageFiles } from '../../contract/messages.ts';
import type { Database } from '../db/database.ts';
import { messagesSchool, signInAll } from './messages.test-helpers.ts';

describe.each(engines())('message attachments on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof messagesSchool>>;
  let c: Awaited<ReturnType<typeof signInAll>>;

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

  const upload = (client: Client, name: string, bytes: Buffer, headers: Record<string, string> = {}) =>
    client.send('POST', `/api/messages/files?name=${encodeURIComponent(name)}`, bytes, {
      'content-type': 'application/octet-stream',
      ...headers,
    });
  const dialog = (fileIds: number[], client = c.parent1) =>
    client.send('POST', '/api/messages/threads', {
      studentId: s.people.student1.id,
      to: [s.people.classT.id],
      subject: 'Справка',
      body: 'Прикладываю справку.',
      fileIds,
    });

  it('a file is uploaded, seen only by its uploader until sent, then by the members of the thread', async () => {
    const res = await upload(c.parent1, 'справка.pdf', Buffer.from('%PDF-1.4 справка'), {
      'content-type': 'application/pdf',
    });
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ name: 'справка.pdf', mime: 'application/pdf' });
    expect((await c.parent1.get(`/api/messages/files/${file.id}`)).statusCode).toBe(200);
    expect((await c.classT.get(`/api/messages/files/${file.id}`)).statusCode).toBe(404);

    const sent = await dialog([file.id]);
    expect(sent.statusCode).toBe(201);
    expect(sent.json().messages[0].files).toEqual([file]);
    const down = await c.classT.get(`/api/messages/files/${file.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.body).toBe('%PDF-1.4 справка');
    expect(down.headers['content-disposition']).toContain(
      "filename*=UTF-8''%D1%81%D0%BF%D1%80%D0%B0%D0%B2%D0%BA%D0%B0.pdf",
    );
    expect(down.headers['content-disposition']).toMatch(/^attachment;/);
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    for (const other of [c.parent2, c.mathT, c.student1])
      expect((await other.get(`/api/messages/files/${file.id}`)).statusCode).toBe(404);
    expect((await c.parent1.get('/api/messages/files/999999')).statusCode).toBe(404);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entity', '=', 'messageFile')
      .where('entityId', '=', String(file.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['messages.file.upload']);

    const again = await dialog([file.id]);
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toBe('Проверьте поля: «Вложения».');
  });

  it('only one’s own unsent files attach, at most five; a failed send attaches nothing', async () => {
    const theirs = (await upload(c.parent2, 'a.txt', Buffer.from('a'))).json();
    const mine = (await upload(c.parent1, 'b.txt', Buffer.from('b'))).json();
    const refused = await dialog([mine.id, theirs.id]);
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json().fields)).toEqual(['fileIds']);
    const row = await database.db
      .selectFrom('messageFiles')
      .select('messageId')
      .where('id', '=', mine.id)
      .executeTakeFirstOrThrow();
    expect(row.messageId).toBeNull();
    const many = await dialog(Array.from({ length: maxMessageFiles + 1 }, () => mine.id));
    expect(many.statusCode).toBe(400);
    expect(Object.keys(many.json().fields)).toEqual(['fileIds']);
    const ok = await dialog([mine.id, mine.id]);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().messages[0].files.map((f: { id: number }) => f.id)).toEqual([mine.id]);
  });

  it('a file over 5 MB is 413 with the limit; an empty one or no name is 400; without a session 401', async () => {
    const big = await upload(c.parent1, 'big.bin', Buffer.alloc(maxMessageFileBytes + 1, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toContain('5 МБ');
    const fits = await upload(c.parent1, 'fits.bin', Buffer.alloc(maxMessageFileBytes, 1));
    expect(fits.statusCode).toBe(201);
    expect((await upload(c.parent1, 'empty.txt', Buffer.alloc(0))).statusCode).toBe(400);
    const noName = await c.parent1.send('POST', '/api/messages/files', Buffer.from('x'), {
      'content-type': 'application/octet-stream',
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().message).toBe('Проверьте поля: «Имя файла».');
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/messages/files?name=a.txt',
      payload: Buffer.from('a'),
      headers: { 'content-type': 'text/plain' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
