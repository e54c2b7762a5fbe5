import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { type Client, signIn, testApp } from '../app.ts';
import { engines } from '../databases.ts';
import { buildClass, buildCourse, buildPerson, buildSchool, enroll, linkGuardian } from '../factories.ts';

/** The Monday of the current week, as the diary counts weeks. */
function thisMonday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** A well-formed body for each family write of the diary, so that the refusal is the policy's. */
const diaryBodies: Record<string, () => unknown> = {
  'POST /api/diary/:studentId/acknowledge': () => ({ weekStart: thisMonday() }),
  'POST /api/diary/:studentId/absence-notices': () => {
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    return { fromDate: day, toDate: day, reason: 'illness' };
  },
};

/**
 * Walks every diary route of one student as a parent of another family, as another student and
 * as a parent of a child in another school: each answers 404, whatever it is, and nothing is
 * stored. Then checks that one family's conversation (its list, page, replies and attachments)
 * is invisible to another family.
 */
describe.each(engines())('families see only their own on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const c: Record<string, Client> = {};
  let childB = 0;
  let childA = 0;
  let noticeB = 0;
  let threadB = 0;
  let fileB = 0;
  let schools: number[] = [];

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    const db = database.db;
    const { schoolId, yearId } = await buildSchool(db);
    const teacher = await buildPerson(db, { schoolId, roles: ['teacher'] });
    const { groupId } = await buildClass(db, { schoolId, yearId, classTeacherId: teacher.id });
    await buildCourse(db, { schoolId, yearId, groupId, teacherId: teacher.id });
    const family = async (school: number, group: number) => {
      const student = await buildPerson(db, { schoolId: school, roles: ['student'] });
      const parent = await buildPerson(db, { schoolId: school, roles: ['parent'] });
      await enroll(db, { schoolId: school, groupId: group, studentId: student.id });
      await linkGuardian(db, { schoolId: school, guardianId: parent.id, studentId: student.id });
      return { student, parent };
    };
    const a = await family(schoolId, groupId);
    const b = await family(schoolId, groupId);
    const other = await buildSchool(db);
    const otherClass = await buildClass(db, { schoolId: other.schoolId, yearId: other.yearId });
    const far = await family(other.schoolId, otherClass.groupId);
    schools = [schoolId, other.schoolId];
    childA = a.student.id;
    childB = b.student.id;
    c.parentA = await signIn(app, a.parent.login);
    c.studentA = await signIn(app, a.student.login);
    c.parentFar = await signIn(app, far.parent.login);
    c.parentB = await signIn(app, b.parent.login);
    c.teacher = await signIn(app, teacher.login);

    // Family B's own things: a notice, a conversation with the class teacher, an attachment.
    const notice = await c.parentB.send(
      'POST',
      `/api/diary/${childB}/absence-notices`,
      diaryBodies['POST /api/diary/:studentId/absence-notices']!(),
    );
    expect([200, 201]).toContain(notice.statusCode);
    noticeB = notice.json().id;
    const file = await c.parentB.send(
      'POST',
      '/api/messages/files?name=spravka.txt',
      Buffer.from('справка'),
      {
        'content-type': 'application/octet-stream',
      },
    );
    expect([200, 201]).toContain(file.statusCode);
    fileB = file.json().id;
    const thread = await c.parentB.send('POST', '/api/messages/threads', {
      studentId: childB,
      to: [teacher.id],
      subject: 'Семейное',
      body: 'Личное сообщение семьи Б.',
      fileIds: [fileB],
    });
    expect([200, 201]).toContain(thread.statusCode);
    threadB = thread.json().thread?.id ?? thread.json().id;
    expect(threadB).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  // The two schools' events only: other test files write to the same database meanwhile.
  const auditCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('schoolId', 'in', schools)
          .executeTakeFirstOrThrow()
      ).n,
    );

  const diaryRoutes = () => app.apiRoutes().filter((r) => r.url.startsWith('/api/diary/:studentId'));

  for (const who of ['parentA', 'studentA', 'parentFar'] as const) {
    it(`answers ${who} 404 on every diary route of another family's child, and stores nothing`, async () => {
      const routes = diaryRoutes();
      expect(routes.length).toBeGreaterThanOrEqual(8);
      const before = await auditCount();
      const answered: string[] = [];
      for (const route of routes) {
        const key = `${route.method} ${route.url}`;
        const url = route.url
          .replace(':studentId', String(childB))
          .replace(':noticeId', String(noticeB))
          .replace(':fileId', '1');
        const res =
          route.method === 'GET'
            ? await c[who]!.get(url)
            : await c[who]!.send(route.method as 'POST', url, diaryBodies[key]?.() ?? {});
        if (res.statusCode !== 404) answered.push(`${key} → ${res.statusCode}`);
      }
      expect(answered).toEqual([]);
      expect(await auditCount()).toBe(before);
    });
  }

  it('lets a parent and a student read their own diary week (the walk above is not refusing everything)', async () => {
    expect((await c.parentA!.get(`/api/diary/${childA}/week`)).statusCode).toBe(200);
    expect((await c.studentA!.get(`/api/diary/${childA}/week`)).statusCode).toBe(200);
    expect((await c.parentB!.get(`/api/diary/${childB}/week`)).statusCode).toBe(200);
  });

  it('refuses the diary to staff: it is the families’ view (403)', async () => {
    expect((await c.teacher!.get(`/api/diary/${childB}/week`)).statusCode).toBe(403);
  });

  it("never shows one family's conversation to another family", async () => {
    for (const who of ['parentA', 'studentA', 'parentFar'] as const) {
      const client = c[who]!;
      const list = await client.get('/api/messages/threads');
      expect(list.statusCode).toBe(200);
      expect(list.json().threads.map((t: { id: number }) => t.id)).not.toContain(threadB);
      expect(JSON.stringify(list.json())).not.toContain('Семейное');
      expect((await client.get(`/api/messages/threads/${threadB}`)).statusCode, who).toBe(404);
      expect((await client.send('POST', `/api/messages/threads/${threadB}/read`)).statusCode, who).toBe(404);
      const reply = await client.send('POST', `/api/messages/threads/${threadB}/messages`, { body: 'чужое' });
      expect(reply.statusCode, who).toBe(404);
      expect((await client.get(`/api/messages/files/${fileB}`)).statusCode, who).toBe(404);
    }
    const asParentA = await c.parentA!.get(`/api/messages/threads?studentId=${childB}`);
    expect(asParentA.statusCode).toBe(404);
    const intrude = await c.parentA!.send('POST', '/api/messages/threads', {
      studentId: childB,
      to: [1],
      subject: 'Чужой ребёнок',
      body: 'Текст',
    });
    expect(intrude.statusCode).toBe(404);
    // The family itself still sees its conversation and its file.
    expect((await c.parentB!.get(`/api/messages/threads/${threadB}`)).statusCode).toBe(200);
    expect((await c.parentB!.get(`/api/messages/files/${fileB}`)).statusCode).toBe(200);
  });
});
