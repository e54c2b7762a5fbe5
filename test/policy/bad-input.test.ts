import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { readConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { type Client, signIn } from '../app.ts';
import { engines, freshDatabase } from '../databases.ts';
import {
  buildClass,
  buildCourse,
  buildDistrict,
  buildPerson,
  buildSchool,
  enroll,
  linkGuardian,
} from '../factories.ts';
import {
  type Case,
  casesOf,
  cyrillic,
  type Ids,
  importCsv,
  journalWorld,
  latin,
  type Operation,
  type Others,
  paramFor,
  plausible,
  type World,
  writes,
} from './bad-input.cases.ts';

/**
 * Walks every API route with bad input — path parameters, query strings, whole bodies, one bad field
 * at a time, wrong ranges, ids of another school or archived things, raw files — as the
 * administrator, a class teacher and (on the district's routes) the district's official, then sends
 * each write route's good request twice in a row and three times at once. The standard: never a
 * 5xx; every refusal is `{error, message, fields?}` in Russian (English with `Accept-Language: en`);
 * after a refusal the school's rows (audit events first) are as they were.
 */

/**
 * Known 5xx outside this test's reach to fix (modules still being written, shared files), left out
 * until fixed: the lead empties this list. `route` is `METHOD /url` (or `*` for every route); `input`
 * matches the labels of the cases left out. Empty now: what the walk found outside its modules (a
 * long path parameter, a timetable change of an archived course, student records, slots and
 * lessons sent at once) has been fixed in errors.ts, timetable and people.
 */
const pendingFixes: { route: string; input: RegExp; reason: string }[] = [];
const pending = (route: string, label: string) =>
  pendingFixes.some((p) => (p.route === '*' || p.route === route) && p.input.test(label));

/** A school with an administrator, a class teacher's class, two students with a parent, a course. */
async function buildWorld(db: Kysely<DB>) {
  const districtId = await buildDistrict(db);
  const official = await buildPerson(db, { schoolId: null, districtId, roles: ['district'] });
  const { schoolId, yearId } = await buildSchool(db, { districtId });
  const admin = await buildPerson(db, { schoolId, roles: ['admin'] });
  const deputy = await buildPerson(db, { schoolId, roles: ['deputy'] });
  const director = await buildPerson(db, { schoolId, roles: ['director'] });
  const teacher = await buildPerson(db, { schoolId, roles: ['teacher'] });
  // Staff edits land on a colleague: the plausible body makes them an administrator.
  const colleague = await buildPerson(db, { schoolId, roles: ['teacher'] });
  const { classId, groupId } = await buildClass(db, { schoolId, yearId, classTeacherId: teacher.id });
  const courseId = await buildCourse(db, { schoolId, yearId, groupId, teacherId: teacher.id });
  const { subjectId } = await db
    .selectFrom('courses')
    .select('subjectId')
    .where('id', '=', courseId)
    .executeTakeFirstOrThrow();
  const parent = await buildPerson(db, { schoolId, roles: ['parent'] });
  const students = [];
  for (const name of ['Андреев', 'Борисов']) {
    const student = await buildPerson(db, { schoolId, roles: ['student'], lastName: name });
    await enroll(db, { schoolId, groupId, studentId: student.id });
    await linkGuardian(db, { schoolId, guardianId: parent.id, studentId: student.id });
    students.push(student.id);
  }
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('personId', '=', students[1]!)
    .executeTakeFirstOrThrow();
  const archived = await db
    .insertInto('courses')
    .values({ schoolId, academicYearId: yearId, subjectId, groupId, teacherId: teacher.id, hoursPerWeek: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('courses')
    .set({ archivedAt: new Date().toISOString() })
    .where('id', '=', archived.id)
    .execute();
  const teacherIds = { teacherId: teacher.id, classTeacherId: teacher.id, substituteTeacherId: teacher.id };
  const journal = await journalWorld(db, { schoolId, yearId, courseId, teacherId: teacher.id });
  const ids: Ids = {
    ...journal,
    ...{ schoolId, yearId, classId, groupId, toGroupId: groupId, courseId, subjectId, ...teacherIds },
    ...{
      studentId: students[0]!,
      personId: students[0]!,
      guardianId: parent.id,
      accountId: account.id,
      staffId: colleague.id,
    },
  };
  return { admin, deputy, director, teacher, official, parent, ids, archivedCourseId: archived.id };
}

describe.each(engines())('bad input never gives a 5xx on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let doc: { paths: Record<string, Record<string, Operation>> };
  let world: World;
  const clients = new Map<string, Client>();
  const stacks = new Map<string, string>();

  beforeAll(async () => {
    // A database of its own: the walk counts the school's rows after every refusal, and other test
    // files fill the shared database with large schools meanwhile.
    database = await freshDatabase(engine);
    const logStream = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) {
          const entry = JSON.parse(line) as { requestId?: string; err?: { stack?: string } };
          if (entry.requestId && entry.err?.stack) stacks.set(entry.requestId, entry.err.stack);
        }
        done();
      },
    });
    const env = {
      LOG_LEVEL: 'error',
      WEB_DIR: 'test/no-web',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      EXPORT_RATE_LIMIT_PER_MINUTE: '100000',
    };
    app = await buildApp(database, readConfig(env), { logStream });
    await app.ready();
    doc = app.swagger() as typeof doc;
    const mine = await buildWorld(database.db);
    const theirs = await buildWorld(database.db);
    const others: Others = Object.fromEntries(
      Object.entries(theirs.ids).map(([k, v]) => [k, { foreign: v }]),
    );
    others.courseId!.archived = mine.archivedCourseId;
    world = { ids: mine.ids, foreign: theirs.ids, others };
    clients.set('administrator', await signIn(app, mine.admin.login));
    clients.set('class teacher', await signIn(app, mine.teacher.login));
    clients.set('deputy', await signIn(app, mine.deputy.login));
    clients.set('director', await signIn(app, mine.director.login));
    clients.set('district official', await signIn(app, mine.official.login));
    clients.set('parent', await signIn(app, mine.parent.login));
    clients.set('their administrator', await signIn(app, theirs.admin.login));
    clients.set('their official', await signIn(app, theirs.official.login));
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const tables = [
    'audit_events',
    'persons',
    'role_assignments',
    'guardianships',
    'consents',
    'classes',
    'groups',
    'group_memberships',
    'subjects',
    'courses',
    'calendar_entries',
    'bell_schedules',
    'academic_years',
    'periods',
    'work_kinds',
    'timetable_slots',
    'timetable_changes',
    'lessons',
    'marks',
    'attendance',
    'period_marks',
    'period_closures',
    'plan_items',
    'lesson_files',
    'week_acknowledgements',
    'absence_notices',
    'outbox',
    'remarks',
    'calendar_feeds',
    'mail_settings',
    'threads',
    'thread_members',
    'messages',
    'message_files',
  ];
  /** Rows of the school in the tables use cases write to: a refusal must leave them as they were. */
  const stored = async () => {
    const schoolId = world.ids.schoolId;
    const counts = tables.map(
      (t) => sql`(select count(*) from ${sql.table(t)} where school_id = ${schoolId})`,
    );
    const { rows } = await sql<{ c: string }>`select concat_ws(',', ${sql.join(counts)}) as c`.execute(
      database.db,
    );
    return rows[0]!.c;
  };

  /** The school's rows as last counted; forgotten after anything that may have stored. */
  let snapshot: string | undefined;
  /** The status of the last case sent (the worst of copies sent at once). */
  let lastStatus = 0;

  /**
   * Sends a case (`atOnce` copies of it in parallel) and returns how it broke the standard, if it
   * did. Copies sent at once are not counted for what they stored: one of them may land.
   */
  async function check(client: Client, method: string, route: string, c: Case, n: number, atOnce = 1) {
    const en = n % 4 === 0;
    if (writes.has(method) && atOnce === 1 && snapshot === undefined) snapshot = await stored();
    const before = writes.has(method) && atOnce === 1 ? snapshot : undefined;
    const json = method === 'GET' ? undefined : { payload: JSON.stringify(c.json), type: 'application/json' };
    const sent = c.raw ?? json;
    const request = () =>
      app.inject({
        method: method as 'POST',
        url: c.url,
        ...(sent && { payload: sent.payload }),
        headers: {
          cookie: client.cookie,
          ...(method !== 'GET' && { 'x-csrf-token': client.csrf }),
          ...(sent && { 'content-type': sent.type }),
          ...(en && { 'accept-language': 'en' }),
        },
      });
    const all = await Promise.all(Array.from({ length: atOnce }, request));
    const res = all.find((r) => r.statusCode >= 500) ?? all.find((r) => r.statusCode >= 400) ?? all[0]!;
    lastStatus = res.statusCode;
    const where = `${method} ${route} [${c.label}]${en ? ' en' : ''} → ${res.statusCode}`;
    let leak: string | null = null;
    if (before !== undefined && res.statusCode >= 400 && res.statusCode < 500) {
      snapshot = await stored();
      if (snapshot !== before) leak = `${where}: stored something on a refusal`;
    } else snapshot = undefined;
    return judge(res, where, en, c) ?? leak;
  }

  /**
   * What is wrong with an answer: a 5xx (with the head of its stack), a PDF that is none, a bad error
   * body, a field named by its key rather than its label, one bad field answered without naming it.
   */
  function judge(res: LightMyRequestResponse, where: string, en: boolean, c: Case): string | null {
    const head = (text: string) =>
      text
        .split('\n')
        .slice(0, 4)
        .map((l) => l.trim().slice(0, 160))
        .join(' | ');
    if (res.statusCode >= 500) {
      const id = (res.json() as { requestId?: string }).requestId ?? '';
      return `${where}: ${head(stacks.get(id) ?? res.body)}`;
    }
    const pdf = res.headers['content-type'] === 'application/pdf';
    if (pdf && !res.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-'))) return `${where}: not a PDF`;
    if (res.statusCode < 400) return null;
    const body = res.json() as { error?: unknown; message?: unknown; fields?: Record<string, unknown> };
    const message = typeof body.message === 'string' ? body.message : '';
    const fields = Object.values(body.fields ?? {});
    const fieldsOk = fields.every((v) => typeof v === 'string' && (en ? latin.test(v) : cyrillic.test(v)));
    const langOk = en ? latin.test(message) && !message.startsWith('Проверьте') : cyrillic.test(message);
    // A sentence put together from parts: one full stop at a time, no «{name}» left unfilled.
    const tidy = !/\.\.|\.;|\{\w+\}/.test(message);
    if (typeof body.error !== 'string' || !message || !fieldsOk || !langOk || !tidy)
      return `${where}: error body ${res.body.slice(0, 200)}`;
    if (body.error !== 'validation') return null;
    const key = rawKey(message, body.fields ?? {}, en);
    if (key !== undefined) return `${where}: names the field «${key}» by its key: ${message}`;
    if (c.field && fields.length === 0) return `${where}: names no field: ${res.body.slice(0, 200)}`;
    return null;
  }

  /**
   * A field a validation message names by its key rather than its label: in Russian any Latin name in
   * «…», in English a key of `fields` or a name shaped like one (`markedGrades`, `personIds.1`). Only
   * an unknown field may be named as sent: that key is the client's own.
   */
  function rawKey(message: string, fields: Record<string, unknown>, en: boolean): string | undefined {
    const unknown = en ? 'Unknown field.' : 'Неизвестное поле.';
    const keyLike = en ? /^[a-z]+([A-Z]\w*|\.\w+)+$/ : /^[A-Za-z][\w.]*$/;
    return [...message.matchAll(/«([^»]*)»/g)]
      .map((m) => m[1]!)
      .find((name) => fields[name] !== unknown && (keyLike.test(name) || Object.hasOwn(fields, name)));
  }

  // The district's official only where the district reaches: the others refuse them up front.
  const walks: [string, RegExp][] = [
    ['administrator', /./],
    ['class teacher', /./],
    ['district official', /^\/api\/(district|structure$)/],
    // The deputy reads the school's reports and writes remarks, which the administrator may not.
    ['deputy', /^\/api\/(reports|remarks)/],
    // Only the director edits the regulation: the administrator's bad sections stop at 403.
    ['director', /^\/api\/regulation/],
    // A parent reaches what only a guardian may write: the diary, notifications, messages.
    ['parent', /^\/api\/(diary|notifications|messages|calendar)/],
  ];
  for (const [who, routes] of walks) {
    it(`answers the ${who} on every route without a 5xx, in their language, storing nothing refused`, async () => {
      const client = clients.get(who)!;
      const problems: string[] = [];
      const goods = goodRequests(world.ids);
      let n = 0;
      for (const { method, url } of app.apiRoutes().filter((r) => routes.test(r.url))) {
        const key = `${method} ${url}`;
        // Logging out ends the session every other case needs; it takes no input to break.
        if (key === 'POST /api/auth/logout') continue;
        const op = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] ?? {};
        // Bad fields of a body the caller may not send at all prove nothing the administrator's do not.
        const good = goods.find((g) => g.method === method && g.url === url);
        let mayWrite = true;
        if (who !== 'administrator' && good) {
          const problem = await check(client, method, url, good.c, n++);
          if (problem) problems.push(problem);
          mayWrite = lastStatus !== 403;
        }
        for (const c of casesOf(method, url, op, world)) {
          if (pending(key, c.label) || (c.field && !mayWrite)) continue;
          const problem = await check(client, method, url, c, n++);
          if (problem) problems.push(problem);
        }
      }
      expect(n).toBeGreaterThan(
        who === 'director'
          ? 20
          : who === 'district official' || who === 'parent'
            ? 50
            : who === 'deputy'
              ? 300
              : 2000,
      );
      expect(problems).toEqual([]);
      // Thousands of requests per role: generous, for a busy CI machine.
    }, 300_000);
  }

  // Last, as it changes the school: a good request sent twice (a duplicate, an archived thing).
  /** Every write route's good request: a good body (or file) on the ids of `ids`. */
  const goodRequests = (ids: Ids) => {
    const goodFile = importCsv({ kind: 'phone', values: ['+7 900 123-45-67'] });
    // What takes things away (archive, delete, switch off, departure) goes last.
    const last = /\/(archive|delete|disable|unlink|withdraw|departure)$/;
    const routes = app.apiRoutes().sort((a, b) => Number(last.test(a.url)) - Number(last.test(b.url)));
    return routes.flatMap(({ method, url }) => {
      if (!writes.has(method) || url === '/api/auth/logout') return [];
      const op = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] ?? {};
      const schema = op.requestBody?.content['application/json']?.schema;
      const good = url.replace(/:(\w+)/g, (_, name: string) => paramFor(url, name, ids));
      const c: Case = url.includes('/imports/')
        ? { label: 'a good file', url: good, raw: { payload: goodFile, type: 'text/csv' } }
        : { label: 'a good body', url: good, json: schema ? plausible(schema, 'body', ids) : {} };
      return [{ method, url, c }];
    });
  };

  it('answers a good request sent twice without a 5xx, and stores nothing it refuses', async () => {
    const client = clients.get('administrator')!;
    const problems: string[] = [];
    let n = 0;
    for (const { method, url, c } of goodRequests(world.ids)) {
      for (const time of ['once', 'twice']) {
        if (pending(`${method} ${url}`, `${c.label} ${time}`)) continue;
        const problem = await check(client, method, url, { ...c, label: `${c.label} ${time}` }, n++);
        if (problem) problems.push(problem);
      }
    }
    expect(n).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  // On the other school, untouched so far: a double click or a retry sends the same thing at once.
  it('answers a good request sent three times at once without a 5xx', async () => {
    const problems: string[] = [];
    let n = 0;
    for (const { method, url, c } of goodRequests(world.foreign)) {
      if (pending(`${method} ${url}`, `${c.label} at once`)) continue;
      const client = clients.get(url.startsWith('/api/district') ? 'their official' : 'their administrator')!;
      const problem = await check(client, method, url, { ...c, label: `${c.label} at once` }, n++, 3);
      if (problem) problems.push(problem);
    }
    expect(n).toBeGreaterThan(25);
    expect(problems).toEqual([]);
  });
});
