import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { type Client, signIn, testApp } from '../app.ts';
import { engines } from '../databases.ts';
import { buildClass, buildCourse, buildPerson, buildSchool, enroll, linkGuardian } from '../factories.ts';

/**
 * Walks every API route as a parent and as a student and checks that none of the school's
 * administration (structure, people, credentials, imports, timetable, settings, district) answers
 * them. Routes made for families are listed here with the reason; a new route is covered at once.
 */
const familyRoutes = new Set([
  'POST /api/auth/login',
  // The second step of a login (401 without the pending cookie of a first step).
  'POST /api/auth/login/code',
  'POST /api/auth/logout',
  'POST /api/auth/change-password',
  'GET /api/me',
  'GET /api/health',
  'GET /api/ready',
  'GET /api/setup',
  'POST /api/setup',
  'GET /api/openapi.json',
  // The child's own card (names and contacts): the diary's header; issue #5 builds on it.
  'GET /api/students/:id',
  // The diary of their own child (or their own): scoped to it, see src/server/diary/*.test.ts.
  'GET /api/diary/:studentId/week',
  'GET /api/diary/:studentId/marks',
  'GET /api/diary/:studentId/files/:fileId',
  'POST /api/diary/:studentId/acknowledge',
  'GET /api/diary/:studentId/absence-notices',
  'POST /api/diary/:studentId/absence-notices',
  'POST /api/diary/:studentId/absence-notices/:noticeId/cancel',
  'GET /api/diary/:studentId/calendar',
  'POST /api/diary/:studentId/calendar',
  'POST /api/diary/:studentId/calendar/revoke',
  // The secret calendar address: no session at all, the token is the key.
  'GET /api/calendar/:token',
  // Their own conversations with the child's teachers (announcements are refused: not listed).
  'GET /api/messages/contacts',
  'GET /api/messages/threads',
  'POST /api/messages/threads',
  'GET /api/messages/threads/:id',
  'POST /api/messages/threads/:id/read',
  'POST /api/messages/threads/:id/messages',
  'POST /api/messages/files',
  'GET /api/messages/files/:id',
  'GET /api/messages/unread',
  // A parent's copy of their own and their children's data (152-ФЗ); no id, 403 to students.
  'GET /api/privacy/my-data',
  // Their own notification preferences and Telegram link.
  'GET /api/notifications/settings',
  'PUT /api/notifications/settings',
  'POST /api/notifications/telegram/code',
  'POST /api/notifications/telegram/unlink',
  // Their own sessions and login history (the «Безопасность» page): scoped to their account.
  'GET /api/me/sessions',
  'POST /api/me/sessions/:id/end',
  'POST /api/me/sessions/end-others',
  'GET /api/me/sign-ins',
  // Help and support (#12): the school's contacts, and their own problem reports.
  'GET /api/support/contacts',
  'POST /api/support/problems',
  'GET /api/support/my-problems',
]);

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe.each(engines())('families reach no administration on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const clients = new Map<string, Client>();
  let params: Record<string, number> = {};
  let school = 0;
  let family: number[] = [];

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    const db = database.db;
    const { schoolId, yearId } = await buildSchool(db);
    const teacher = await buildPerson(db, { schoolId, roles: ['teacher'] });
    const { classId, groupId } = await buildClass(db, { schoolId, yearId, classTeacherId: teacher.id });
    const courseId = await buildCourse(db, { schoolId, yearId, groupId, teacherId: teacher.id });
    const student = await buildPerson(db, { schoolId, roles: ['student'] });
    const parent = await buildPerson(db, { schoolId, roles: ['parent'] });
    await enroll(db, { schoolId, groupId, studentId: student.id });
    await linkGuardian(db, { schoolId, guardianId: parent.id, studentId: student.id });
    school = schoolId;
    family = [parent.id, student.id];
    clients.set('parent', await signIn(app, parent.login));
    clients.set('student', await signIn(app, student.login));
    // Every id parameter points at the family's own school, class and child: the closest they get.
    params = {
      id: classId,
      classId,
      studentId: student.id,
      personId: parent.id,
      schoolId,
      yearId,
      courseId,
      groupId,
    };
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  // Reads whose query is required get a well-formed one about the family's own child and course.
  const requiredQuery: Record<string, () => string> = {
    '/api/journal/history': () =>
      `?kind=periodMark&studentId=${params.studentId}&courseId=${params.courseId}&periodId=1`,
    '/api/reports/:report/export': () => '?format=xlsx',
    '/api/district/reports/export': () => '?format=xlsx',
    '/api/exchange/oneroster': () => `?yearId=${params.yearId}`,
    '/api/students/:studentId/report-card': () => `?yearId=${params.yearId}`,
    '/api/students/:studentId/extract': () => '?from=2026-09-01&to=2026-12-31',
    '/api/exchange/oneroster/preview': () => `?yearId=${params.yearId}`,
    '/api/exchange/oneroster/import': () => `?yearId=${params.yearId}`,
  };
  const fill = (url: string) =>
    url.replace(/:(\w+)/g, (_, name: string) =>
      // A real report, so that the refusal is the policy's and not an unknown name's.
      name === 'report' ? 'keeping' : String(params[name] ?? params.id),
    ) + (requiredQuery[url]?.() ?? '');

  // The events of the school and of the family's own accounts: other test files write to the same
  // database meanwhile.
  const auditCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll().as('n'))
          .where((eb) => eb.or([eb('schoolId', '=', school), eb('actorId', 'in', family)]))
          .executeTakeFirstOrThrow()
      ).n,
    );

  for (const who of ['parent', 'student']) {
    it(`answers a ${who} with a refusal on every administrative route, and stores nothing`, async () => {
      const client = clients.get(who)!;
      const routes = app.apiRoutes().filter((r) => !familyRoutes.has(`${r.method} ${r.url}`));
      expect(routes.length).toBeGreaterThan(0);
      const before = await auditCount();
      const reached: string[] = [];
      for (const route of routes) {
        const url = fill(route.url);
        const res = writeMethods.has(route.method)
          ? await client.send(route.method as 'POST', url, {})
          : await client.get(url);
        // A write may be refused for its empty body before the policy runs (400); a read never.
        const refused = writeMethods.has(route.method) ? [400, 403, 404, 415] : [403, 404];
        if (!refused.includes(res.statusCode))
          reached.push(`${route.method} ${route.url} → ${res.statusCode}`);
      }
      expect(reached).toEqual([]);
      expect(await auditCount()).toBe(before);
    });
  }
});
