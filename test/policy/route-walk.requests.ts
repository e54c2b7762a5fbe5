import { randomUUID } from 'node:crypto';
import type { Schema } from './bad-input.cases.ts';
import type { World } from './route-walk.world.ts';

/**
 * The requests of the route walk (route-walk.test.ts): each route on the world's subject objects,
 * with a valid body generated from its OpenAPI schema (ids by property name, the subject lesson's
 * date), so that every refusal comes from the policy, not from validation.
 */

/** An operation of the OpenAPI document: what the generator reads. */
export interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

/** One request: the URL with its parameters and query, and a JSON body or raw bytes. */
export interface Request {
  url: string;
  json?: unknown;
  raw?: { payload: string | Buffer; type: string };
}

/** Which subject object a route's `:id` names, by the route's prefix (first match wins). */
const idOf: [RegExp, string][] = [
  [/^\/api\/(structure\/|timetable\/|credentials\/|journal\/|diary\/)?classes\//, 'classId'],
  [/^\/api\/students\//, 'studentId'],
  [/^\/api\/structure\/subjects\//, 'subjectId'],
  [/^\/api\/(structure|journal)\/courses\//, 'courseId'],
  [/^\/api\/groups\//, 'groupId'],
  [/^\/api\/staff\//, 'staffId'],
  [/^\/api\/work-kinds\//, 'workKindId'],
  [/^\/api\/calendar\/entries\//, 'entryId'],
  [/^\/api\/calendar\/bells\//, 'bellId'],
  // The accounts' routes name the person whose account it is.
  [/^\/api\/credentials\/accounts\//, 'studentId'],
  [/^\/api\/timetable\/slots\//, 'slotId'],
  [/^\/api\/timetable\/changes\//, 'changeId'],
  [/^\/api\/district\/schools\//, 'schoolId'],
  [/^\/api\/journal\/lessons\//, 'lessonId'],
  [/^\/api\/journal\/files\//, 'fileId'],
  [/^\/api\/journal\/plan-items\//, 'planItemId'],
  [/^\/api\/remarks\//, 'remarkId'],
  [/^\/api\/print-jobs\//, 'printJobId'],
  [/^\/api\/backups\/runs\//, 'runId'],
  [/^\/api\/messages\/threads\//, 'threadId'],
  [/^\/api\/messages\/files\//, 'messageFileId'],
  [/^\/api\/support\/problems\//, 'problemId'],
  [/^\/api\/regulation\/versions\//, 'regulationVersionId'],
];

/** The value of a path parameter on the world's subject objects. */
function param(world: World, url: string, name: string): string {
  const { ids } = world;
  if (name === 'scheme') return 'quarters';
  if (name === 'report') return 'results';
  if (name === 'token') return world.token;
  // One's own sessions go by an opaque id; the walk names none of the actor's: 404 to everyone.
  if (name === 'id' && url.startsWith('/api/me/sessions/')) return 'walkNoSuchSession';
  if (name === 'id') {
    const key = idOf.find(([re]) => re.test(url))?.[1];
    if (!key)
      throw new Error(
        `${url}: which object does :id name? Add it to idOf in test/policy/route-walk.requests.ts (and the object to route-walk.world.ts)`,
      );
    return String(ids[key]);
  }
  const id = ids[name];
  if (id === undefined) throw new Error(`route-walk: no subject object for :${name} of ${url}`);
  return String(id);
}

/** The Monday of a date's week. */
function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

const isDate = (s: Schema) => s.format === 'date' || Boolean(s.pattern?.includes('\\d{2}-\\d{2}'));
let serial = 0;

/** A string the schema accepts, by its pattern, format and the property's name. */
function text(world: World, s: Schema, name: string): string {
  const p = s.pattern ?? '';
  const today = new Date().toISOString().slice(0, 10);
  if (name === 'weekStart') return mondayOf(today);
  if (['fromDate', 'toDate', 'departedOn', 'givenOn', 'withdrawnOn', 'arrivedOn'].includes(name))
    return today;
  if (isDate(s)) return world.date;
  if (p.includes('2[0-3]')) return '08:30';
  if (p.includes('\\/')) return '2040/2041';
  if (p.includes('[А-ЯЁ]')) return 'Я';
  if (p.includes('+0-9')) return '+7 900 123-45-67';
  if (s.format === 'email') return 'walk@example.org';
  if (name === 'login') return `walk${process.pid}x${++serial}`;
  if (name === 'value') return '5';
  // A one-time code of an authenticator app: six digits.
  if (name === 'code') return '123456';
  if (name === 'currentPassword') return 'demo';
  if (/password/i.test(name)) return 'walk-new-password-1';
  return `Обход${'о'.repeat(Math.max(0, (s.minLength ?? 0) - 5))}`.slice(0, s.maxLength ?? 100);
}

/** A value the schema accepts, with the subject objects' ids where the property names one. */
export function valid(world: World, s: Schema, name: string): unknown {
  if (s.enum) return s.enum[0];
  if (s.anyOf) return valid(world, s.anyOf.find((o) => o.type !== 'null') ?? {}, name);
  if (s.allOf) return valid(world, { ...s, allOf: undefined, pattern: s.allOf.at(-1)?.pattern }, name);
  const id = world.ids[name] ?? world.ids[name.replace(/s$/, '')];
  switch (s.type) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, valid(world, v, k)]));
    case 'array':
      return Array.from({ length: Math.max(s.minItems ?? 1, 1) }, () => valid(world, s.items ?? {}, name));
    case 'integer':
    case 'number':
      return id ?? Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? 1);
    case 'boolean':
      return false;
    case 'string':
      return text(world, s, name);
    default:
      return id ?? 1;
  }
}

/** Bodies generation cannot get right: whom a message goes to, who logs in, a staff member's roles. */
function overrides(world: World, key: string): Record<string, unknown> {
  const { ids, demo } = world;
  switch (key) {
    case 'POST /api/auth/unlock':
      return { password: 'demo' };
    case 'POST /api/auth/login':
      // The district's official: the one account no other actor's walk switches off.
      return { login: demo.logins.district, password: 'demo' };
    case 'POST /api/messages/threads':
      return { to: [ids.teacherId], fileIds: [] };
    case 'POST /api/messages/threads/:id/messages':
    case 'POST /api/messages/announcements':
      return { fileIds: [] };
    case 'POST /api/settings':
      return { timeZone: 'Europe/Moscow' };
    case 'POST /api/staff':
    case 'POST /api/staff/:id':
      return { roles: ['teacher'] };
    case 'POST /api/credentials/issue':
      return { personIds: [ids.studentId] };
    case 'POST /api/print-jobs':
      return { kind: 'classJournal', courseIds: [ids.courseId] };
    case 'POST /api/timetable/changes':
      return { kind: 'cancel' };
    // A device id and a change id are UUIDs; the change only confirms attendance (changes nothing else).
    case 'POST /api/journal/sync/checkpoint':
      return { deviceId: randomUUID() };
    case 'POST /api/journal/sync':
      return {
        deviceId: randomUUID(),
        changes: [
          {
            id: randomUUID(),
            seq: 1,
            madeAt: new Date().toISOString(),
            checkpointId: 1,
            kind: 'attendanceTaken',
            lessonId: ids.lessonId,
          },
        ],
      };
    default:
      return {};
  }
}

/** Optional query parameters a route needs to name its object (a journal cell, a period). */
function queries(world: World): Record<string, string> {
  const { ids } = world;
  return {
    'GET /api/journal/history': `lessonId=${ids.lessonId}`,
    // The district names the school it reads (403 without); the school's staff may name their own.
    'GET /api/structure': `schoolId=${ids.schoolId}`,
    'GET /api/students/:studentId/extract': `periodId=${ids.periodId}`,
  };
}

const zip = Buffer.from('PK\u0005\u0006'.padEnd(22, '\u0000'), 'latin1');

/** The request a route is walked with. */
export function requestFor(world: World, method: string, url: string, op: Operation): Request {
  const path = url.replace(/:(\w+)/g, (_, name: string) => param(world, url, name));
  const query = (op.parameters ?? [])
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => {
      const value =
        p.name === 'name'
          ? 'walk.txt'
          : p.name === 'format'
            ? 'xlsx'
            : p.name === 'kind'
              ? 'attendance'
              : String(valid(world, p.schema, p.name));
      return `${p.name}=${encodeURIComponent(value)}`;
    });
  const extra = queries(world)[`${method} ${url}`];
  if (extra) query.push(extra);
  const full = query.length ? `${path}?${query.join('&')}` : path;
  if (method === 'GET') return { url: full };
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (schema) {
    const body = { ...(valid(world, schema, 'body') as object), ...overrides(world, `${method} ${url}`) };
    return { url: full, json: body };
  }
  // Routes whose body is the file itself.
  if (/\/(oneroster\/\w+|archive\/verify)$/.test(url))
    return { url: full, raw: { payload: zip, type: 'application/zip' } };
  if (/\/(imports\/students(\/preview)?|plan\/import)$/.test(url))
    return { url: full, raw: { payload: 'a;b\r\n', type: 'text/csv' } };
  if (/\/files$/.test(url)) return { url: full, raw: { payload: 'текст', type: 'text/plain' } };
  return { url: full, json: {} };
}

/**
 * The order routes are walked in, so that what takes things away comes after everything that needs
 * them: reads, writes, then removals, archiving, a student's departure, and last what ends or
 * replaces the session (a new login, the password change, logout).
 */
export function stageOf(method: string, url: string): number {
  const stages: RegExp[] = [
    /^GET /,
    /^(?!.*\/(remove|delete|cancel|revoke|close|reopen|withdraw|unlink|disable|enable|archive|departure)$)(POST|PUT|PATCH) /,
    /\/(remove|delete|cancel|revoke|close|reopen|withdraw|disable|enable)$|^DELETE /,
    /^POST \/api\/(work-kinds|staff)\/:id\/archive$|\/unlink$/,
    /^POST \/api\/structure\/(subjects|courses)\/:id\/archive$/,
    /^POST \/api\/structure\/classes\/:id\/archive$/,
    /\/departure$/,
    /^POST \/api\/auth\/lock$/,
    /^POST \/api\/auth\/unlock$/,
    /^POST \/api\/auth\/login$/,
    /change-password$/,
    /logout$/,
  ];
  const key = `${method} ${url}`;
  const last = stages.length - 1;
  for (let i = last; i >= 0; i--) if (stages[i]!.test(key)) return i;
  return 1;
}
