import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { messagesSchool, signInAll } from './messages.test-helpers.ts';

describe.each(engines())(
  'a dialog needs the relationship to its student, not only membership, on $name',
  (engine) => {
    let database: Database;
    let app: FastifyInstance;
    let s: Awaited<ReturnType<typeof messagesSchool>>;
    let c: Awaited<ReturnType<typeof signInAll>>;
    let threadId = 0;
    let fileId = 0;

    beforeAll(async () => {
      database = await engine.open();
      app = await testApp(database);
      s = await messagesSchool(database.db);
      c = await signInAll(app, s);
      await database.db
        .updateTable('persons')
        .set({ email: 'former-parent@example.test' })
        .where('id', '=', s.people.parent1.id)
        .execute();
      const upload = await c.parent1.send(
        'POST',
        '/api/messages/files?name=note.txt',
        Buffer.from('справка'),
        {
          'content-type': 'application/octet-stream',
        },
      );
      expect(upload.statusCode).toBe(201);
      fileId = upload.json().id;
      const res = await c.parent1.send('POST', '/api/messages/threads', {
        studentId: s.people.student1.id,
        to: [s.people.classT.id, s.people.mathT.id],
        subject: 'Справка',
        body: 'Прикладываю справку.',
        fileIds: [fileId],
      });
      expect(res.statusCode).toBe(201);
      threadId = res.json().thread.id;
      await c.classT.send('POST', `/api/messages/threads/${threadId}/messages`, {
        body: 'Получила.',
        fileIds: [],
      });
    });
    afterAll(async () => {
      await app.close();
      await database.close();
    });

    const open = async (client: typeof c.parent1) => ({
      page: (await client.get(`/api/messages/threads/${threadId}`)).statusCode,
      read: (await client.send('POST', `/api/messages/threads/${threadId}/read`)).statusCode,
      file: (await client.get(`/api/messages/files/${fileId}`)).statusCode,
      listed: ((await client.get('/api/messages/threads')).json().threads as { id: number }[]).some(
        (t) => t.id === threadId,
      ),
    });

    it('every member reaches the dialog while the relationships hold', async () => {
      for (const client of [c.parent1, c.classT, c.mathT])
        expect(await open(client)).toEqual({ page: 200, read: 200, file: 200, listed: true });
    });

    it('a parent whose guardianship was archived loses the dialog, its files, replies and notices', async () => {
      await database.db
        .updateTable('guardianships')
        .set({ archivedAt: new Date().toISOString() })
        .where('guardianId', '=', s.people.parent1.id)
        .execute();
      await c.classT.send('POST', `/api/messages/threads/${threadId}/messages`, {
        body: 'Ещё вопрос.',
        fileIds: [],
      });
      expect((await c.parent1.get('/api/messages/unread')).json().unread).toBe(0);
      expect(await open(c.parent1)).toEqual({ page: 404, read: 404, file: 404, listed: false });
      const reply = await c.parent1.send('POST', `/api/messages/threads/${threadId}/messages`, {
        body: 'Я всё ещё здесь',
        fileIds: [],
      });
      expect(reply.statusCode).toBe(404);
      const letters = await database.db
        .selectFrom('outbox')
        .select('body')
        .where('personId', '=', s.people.parent1.id)
        .where('kind', '=', 'message')
        .execute();
      expect(letters.some((l) => l.body.includes('Ещё вопрос'))).toBe(false);
    });

    it('a teacher who no longer teaches the student loses it; the class teacher keeps it until replaced', async () => {
      await database.db
        .updateTable('courses')
        .set({ archivedAt: new Date().toISOString() })
        .where('teacherId', '=', s.people.mathT.id)
        .execute();
      expect(await open(c.mathT)).toEqual({ page: 404, read: 404, file: 404, listed: false });
      expect(await open(c.classT)).toEqual({ page: 200, read: 200, file: 200, listed: true });
      await database.db
        .updateTable('classes')
        .set({ classTeacherId: s.people.otherClassT.id })
        .where('id', '=', s.c5.classId)
        .execute();
      expect(await open(c.classT)).toEqual({ page: 404, read: 404, file: 404, listed: false });
      expect(
        (
          await c.classT.send('POST', `/api/messages/threads/${threadId}/messages`, {
            body: 'x',
            fileIds: [],
          })
        ).statusCode,
      ).toBe(404);
    });

    it('the leadership of the school keeps every dialog of the school', async () => {
      const deputyPage = await c.deputy.get(`/api/messages/threads/${threadId}`);
      // The deputy is not a member: membership is still required.
      expect(deputyPage.statusCode).toBe(404);
    });
  },
);
