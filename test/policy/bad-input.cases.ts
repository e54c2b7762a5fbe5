import type { Kysely } from 'kysely';
import { maxLessonFileBytes } from '../../src/contract/lessons.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { columns, templateHeader } from '../../src/server/imports/columns.ts';
import { csvLine } from '../../src/server/imports/template.ts';

/**
 * The cases of the bad-input walk (bad-input.test.ts), generated from each route's OpenAPI schema:
 * bad path parameters, query strings, whole bodies, one bad field at a time, wrong ranges, files.
 */

/** An OpenAPI (3.0) schema as the document gives it; only what the generator reads. */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
}
export interface Operation {
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

/** Ids of the school's things by the field names that refer to them. */
export type Ids = Record<string, number>;
/** More ids a field may be given by field name: another school's (`foreign`), archived ones. */
export type Others = Record<string, Record<string, number>>;

/** One request to make: a JSON body, or raw bytes with their content type. */
export interface Case {
  label: string;
  url: string;
  json?: unknown;
  raw?: { payload: string | Buffer; type: string };
  /** One field of a body the route accepts made bad: worth sending only where the caller may write. */
  field?: true;
}

export const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const long = 'я'.repeat(10_000);
const badIds = ['0', '-1', '99999999', '2147483648', 'abc', '1.5', 'x'.repeat(3000), '%00'];
const badDates = ['2026-02-30', '31.12.2026', '', '2026-13-01', '99999-01-01', 20260101, null];
/** Dates of the right form far from any school year: they reach the use cases. */
const farDates = ['0001-01-01', '9999-12-31', '1900-02-28'];
/** Ranges an object may hold, with values that reach the use cases: reversed, and too wide. */
const ranges: [string, string, string, string][] = [
  ['startsOn', 'endsOn', '2027-05-31', '2026-09-01'],
  ['startsOn', 'endsOn', '1950-01-01', '2050-12-31'],
  ['from', 'to', '2027-05-31', '2026-09-01'],
  ['from', 'to', '1950-01-01', '2050-12-31'],
  ['startsAt', 'endsAt', '09:15', '08:30'],
  ['startsAt', 'endsAt', '00:00', '23:59'],
];

/** An object's ranges set wrong, one at a time. */
function wrongRanges(schema: Schema, base: object): [string, object][] {
  const props = schema.properties ?? {};
  return ranges
    .filter(([a, b]) => props[a] && props[b])
    .map(([a, b, from, to]) => [`${a}..${b}=${from}..${to}`, { ...base, [a]: from, [b]: to }]);
}
const badStrings = [
  12345,
  '',
  long,
  'a\u0000b',
  'звонок\u0007',
  { nested: { deep: [1] } },
  ['a'],
  null,
  true,
];
const badNumbers = ['abc', '7', -1, 0, 1.5, 2147483648, 1e300, null, { n: 1 }, [1]];
const badArrays = [[], 'abc', [null], [[1]], Array.from({ length: 600 }, () => 1)];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
export const cyrillic = /[А-Яа-яЁё]/;
/** English text: a Latin word (a Russian name or letter may stand inside it). */
export const latin = /[A-Za-z]{3}/;

const isDate = (s: Schema) =>
  s.format === 'date' || Boolean(s.pattern?.includes('02-29') || s.pattern?.includes('\\d{2}-\\d{2}'));
const typeOf = (s: Schema): string | undefined =>
  s.enum ? 'enum' : s.anyOf ? typeOf(s.anyOf.find((o) => o.type !== 'null') ?? {}) : s.type;

/** A value the schema would accept, with real ids of the school where the field names one. */
export function plausible(s: Schema, name: string, ids: Ids): unknown {
  if (s.enum) return s.enum[0];
  if (s.anyOf) return plausible(s.anyOf.find((o) => o.type !== 'null') ?? {}, name, ids);
  if (s.allOf) return plausible({ ...s, allOf: undefined, pattern: s.allOf.at(-1)?.pattern }, name, ids);
  const id = ids[name] ?? ids[name.replace(/s$/, '')];
  switch (s.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v, k, ids)]),
      );
    case 'array':
      return Array.from({ length: Math.max(s.minItems ?? 1, 1) }, () => plausible(s.items ?? {}, name, ids));
    case 'integer':
    case 'number':
      return id ?? Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? 1);
    case 'boolean':
      return false;
    case 'string':
      return text(s, name);
    default:
      return id ?? 1;
  }
}

let logins = 0;
function text(s: Schema, name: string): string {
  const p = s.pattern ?? '';
  if (isDate(s)) return '2026-10-05';
  if (p.includes('2[0-3]')) return '08:30';
  if (p.includes('\\/')) return '2027/2028';
  if (p.includes('[А-ЯЁ]')) return 'Б';
  if (p.includes('+0-9')) return '+7 900 123-45-67';
  if (s.format === 'email') return 'parent@example.org';
  if (name === 'login') return `badinput${process.pid}x${++logins}`;
  // A journal cell's or period mark's value: a mark the grammar takes.
  if (name === 'value') return '5';
  if (/password/i.test(name)) return 'не-тот-пароль-123';
  return `Тест${'т'.repeat(Math.max(0, (s.minLength ?? 0) - 4))}`.slice(0, s.maxLength ?? 100);
}

/** A bad value for a field: where it goes, the value, and how the case is named. */
type Bad = [path: string, value: unknown, what: string];

/**
 * Bad values for a field of this schema, one at a time; arrays of objects get their first item's.
 * A field naming an id also gets the ids of another school and of archived things (`others`), and a
 * list of ids gets them after a good one (the good one must not be half-done).
 */
function badValues(s: Schema, name: string, ids: Ids, others: Others): Bad[] {
  const type = typeOf(s);
  const show = (v: unknown) => JSON.stringify(v)?.slice(0, 30) ?? 'undefined';
  const tag = (values: unknown[]): Bad[] => values.map((v) => [name, v, show(v)]);
  const known = Object.entries(others[name] ?? others[name.replace(/s$/, '')] ?? {});
  const named: Bad[] = known.map(([what, id]) => [name, id, what]);
  if (type === 'array') {
    const item = s.items ?? {};
    const base = plausible(s, name, ids) as unknown[];
    const inner: Bad[] =
      typeOf(item) === 'object'
        ? Object.entries(item.properties ?? {}).flatMap(([k, v]) =>
            badValues(v, k, ids, others).map(
              ([, bad, what]): Bad => [`${name}[0].${k}`, [{ ...(base[0] as object), [k]: bad }], what],
            ),
          )
        : badValues(item, name, ids, others).map(([, bad, what]): Bad => [`${name}[0]`, [bad], what]);
    const after: Bad[] = named.map(([, id, what]) => [name, [...base, id], `good, then ${what}`]);
    after.push([name, [...base, ...base], 'a good one twice']);
    for (const [what, wrong] of wrongRanges(item, base[0] as object))
      after.push([`${name}[0]`, [wrong], what]);
    return [...tag(badArrays), ...inner, ...after];
  }
  if (type === 'object') return tag([[], 'abc', null, { unknown: 1 }]);
  if (type === 'enum') return tag(['нет-такого', 0, null, ['a']]);
  if (type === 'boolean') return tag(['true', 1, null]);
  if (type === 'string') return tag(isDate(s) ? [...badDates, ...farDates] : badStrings);
  if (type === 'integer' || type === 'number') return [...tag(badNumbers), ...named];
  return [...tag([...badNumbers, { id: 1 }]), ...named];
}

/**
 * Bad query strings for a route's query parameters (plus an unknown and a repeated one); a route
 * taking `from` and `to` also gets them reversed and far apart, and each id another school's.
 */
function queryCases(op: Operation, url: string, world: World): Case[] {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query');
  if (params.length === 0) return [];
  const cases: Case[] = [
    { label: 'unknown query', url: `${url}?zzz=1` },
    { label: 'repeated query', url: `${url}?${params[0]!.name}=1&${params[0]!.name}=2` },
  ];
  const names = new Set(params.map((p) => p.name));
  // A route's required enum (an export's `format`) goes with every case below, else they stop at it.
  const format = names.has('format') ? 'format=xlsx&' : '';
  if (names.has('from') && names.has('to'))
    for (const [from, to] of [
      ['2027-05-31', '2026-09-01'],
      ['0001-01-01', '9999-12-31'],
      ['2026-10-05', '2026-10-05'],
      ['1900-01-01', '1900-01-02'],
    ])
      cases.push({ label: `query from..to=${from}..${to}`, url: `${url}?${format}from=${from}&to=${to}` });
  for (const p of params)
    if (p.schema.type === 'integer' && world.foreign[p.name] !== undefined)
      cases.push({
        label: `query ${p.name}=foreign`,
        url: `${url}?${format}${p.name}=${world.foreign[p.name]}`,
      });
  for (const p of params) {
    const s = p.schema;
    const values = isDate(s)
      ? ['2026-02-30', '31.12.2026', '', 'abc', '2026-1-1']
      : s.type === 'integer'
        ? ['abc', '-1', '0', '1.5', '2147483648', '99999999', '']
        : ['pdf', '', 'я'.repeat(300), 'a%00b', '%D0'];
    for (const v of values)
      cases.push({ label: `query ${p.name}=${v.slice(0, 20)}`, url: `${url}?${p.name}=${v}` });
  }
  return cases;
}

/** Whole-body cases every write route gets, whatever it expects. */
function bodyCases(url: string, base: unknown): Case[] {
  const json = (label: string, value: unknown): Case => ({ label, url, json: value });
  const raw = (label: string, payload: string | Buffer, type: string): Case => ({
    label,
    url,
    raw: { payload, type },
  });
  const object = base && typeof base === 'object' ? base : {};
  return [
    json('{}', {}),
    json('[]', []),
    raw('null', 'null', 'application/json'),
    json('a string', 'строка'),
    json('a number', 42),
    json('unknown field', { ...object, unknownField: 'x' }),
    json('nested objects', { ...object, deep: { deeper: { deepest: [{}] } } }),
    raw('invalid JSON', '{"a": ', 'application/json'),
    raw('empty JSON', '', 'application/json'),
    raw('__proto__', '{"__proto__": {"admin": true}}', 'application/json'),
    raw('text/plain', 'hello', 'text/plain'),
    raw('form', 'a=1&b=2', 'application/x-www-form-urlencoded'),
    raw('xml', '<a/>', 'application/xml'),
    raw('garbage bytes', garbage, 'application/octet-stream'),
    raw('garbage as PDF', garbage, 'application/pdf'),
    raw('garbage as JSON', garbage, 'application/json'),
  ];
}

/** A CSV of the template's columns with one bad cell per row, the rest plausible. */
export function importCsv(bad: { kind: string; values: string[] }): string {
  const plain: Record<string, string> = {
    text: 'Тест',
    date: '01.09.2015',
    sex: 'м',
    phone: '+7 900 123-45-67',
    email: 'a@example.org',
    relation: 'мать',
  };
  const rows = bad.values.map((value, i) => {
    let replaced = false;
    return csvLine(
      columns.map((c) => {
        if (c.key === 'fileNumber') return `Д-${i}`;
        if (!replaced && c.kind === bad.kind && c.key !== 'lastName') {
          replaced = true;
          return value;
        }
        return plain[c.kind] ?? 'Тест';
      }),
    );
  });
  return [csvLine(columns.map(templateHeader)), ...rows].join('\r\n');
}

/** Files a student import may be sent: empty, garbage, the wrong type, broken cells, too big. */
function fileCases(url: string): Case[] {
  const file = (label: string, payload: string | Buffer, type: string, query = ''): Case => ({
    label,
    url: `${url}${query}`,
    raw: { payload, type },
  });
  const dates = importCsv({
    kind: 'date',
    values: ['2026-02-30', '31.02.2026', '00.00.0000', '1.1', '', '45000.5'],
  });
  const goodThenBad = importCsv({ kind: 'phone', values: ['+7 900 123-45-67', 'телефон'] });
  return [
    file('empty csv', '', 'text/csv'),
    file('empty xlsx', Buffer.alloc(0), xlsxType),
    file('garbage', garbage, 'application/octet-stream'),
    file('garbage as xlsx', garbage, xlsxType, '?format=xlsx'),
    file('broken zip', Buffer.concat([Buffer.from('PK\u0003\u0004'), garbage]), xlsxType),
    file('csv as xlsx', dates, 'text/csv', '?format=xlsx'),
    file('header only', importCsv({ kind: 'text', values: [] }), 'text/csv'),
    file('bad dates', dates, 'text/csv'),
    file('a good row, then a bad one', goodThenBad, 'text/csv'),
    file('bad text', importCsv({ kind: 'text', values: [long, 'a\u0000b', 'a\u0007b', '"'] }), 'text/csv'),
    file(
      'bad phone, sex, relation',
      importCsv({ kind: 'phone', values: ['abc', '+'.repeat(40)] }),
      'text/csv',
    ),
    file('bad sex', importCsv({ kind: 'sex', values: ['x', long] }), 'application/csv'),
    file('bad relation', importCsv({ kind: 'relation', values: ['кот', ''] }), 'text/csv'),
    file(
      'windows-1251 bytes',
      Buffer.from([0xd4, 0xe0, 0xec, 0xe8, 0xeb, 0xe8, 0xff, 0x3b, 0x0a]),
      'text/csv',
    ),
    file('json', '{"a": 1}', 'application/json'),
    file('text/plain', 'a;b', 'text/plain'),
    file('image', garbage, 'image/png'),
    file('too large', Buffer.alloc(5 * 1024 * 1024 + 10, 0x41), 'text/csv'),
    file('filename with NUL', dates, 'text/csv', `?filename=${encodeURIComponent('../../a\u0000.csv')}`),
    file('long filename', dates, 'text/csv', `?filename=${'я'.repeat(300)}`),
    file('unknown format', dates, 'text/csv', '?format=pdf'),
  ];
}

/** Raw uploads a lesson's homework files route may be sent: empty, garbage, nameless, too big. */
function uploadCases(url: string): Case[] {
  const file = (label: string, payload: string | Buffer, type: string, query: string): Case => ({
    label,
    url: `${url}${query}`,
    raw: { payload, type },
  });
  return [
    file('no name', 'текст', 'text/plain', ''),
    file('empty name', 'текст', 'text/plain', '?name='),
    file('empty file', Buffer.alloc(0), 'application/octet-stream', '?name=empty.bin'),
    file('garbage', garbage, 'application/octet-stream', '?name=a.bin'),
    file('garbage as PDF', garbage, 'application/pdf', '?name=a.pdf'),
    file('name with NUL', 'текст', 'text/plain', `?name=${encodeURIComponent('../../a\u0000.txt')}`),
    file('long name', 'текст', 'text/plain', `?name=${'я'.repeat(300)}`),
    file('unknown query', 'текст', 'text/plain', '?name=a.txt&zzz=1'),
    file(
      'too large',
      Buffer.alloc(maxLessonFileBytes + 10, 0x41),
      'application/octet-stream',
      '?name=big.bin',
    ),
  ];
}

/** Every way to break a route, generated from its schema. */
export function casesOf(method: string, url: string, op: Operation, world: World): Case[] {
  const names = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const fill = (bad?: [string, string]) =>
    url.replace(/:(\w+)/g, (_, n: string) => (bad && bad[0] === n ? bad[1] : paramFor(url, n, world.ids)));
  const good = fill();
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const base = bodySchema ? plausible(bodySchema, 'body', world.ids) : {};
  const cases: Case[] = names.flatMap((n) =>
    [...badIds.map((v) => [v, v.slice(0, 20)]), [paramFor(url, n, world.foreign), 'foreign']].map(
      ([v, what]) => ({ label: `:${n}=${what}`, url: fill([n, v!]), json: base }),
    ),
  );
  cases.push(...queryCases(op, good, world));
  if (!writes.has(method)) return cases;
  if (url.includes('/imports/') || url.endsWith('/plan/import')) return [...cases, ...fileCases(good)];
  if (url.endsWith('/lessons/:id/files')) return [...cases, ...uploadCases(good)];
  // A route without a body is tried on nothing real: an archive or a switch-off must not land.
  cases.push(...bodyCases(bodySchema ? good : url.replace(/:\w+/g, '99999999'), base));
  const props = bodySchema?.properties ?? {};
  if (bodySchema)
    for (const [label, json] of wrongRanges(bodySchema, base as object))
      cases.push({ label, url: good, json, field: true });
  for (const [field, schema] of Object.entries(props)) {
    for (const [path, bad, what] of badValues(schema, field, world.ids, world.others)) {
      cases.push({
        label: `${path}=${what}`,
        url: good,
        json: { ...(base as object), [field]: bad },
        field: true,
      });
    }
  }
  return cases;
}

/** The id a route parameter takes when it is not the one being broken. */
export function paramFor(url: string, name: string, ids: Ids): string {
  if (name === 'scheme') return 'quarters';
  // The generic export route is walked on a real report: an unknown one stops at 404.
  if (name === 'report') return 'results';
  if (['yearId', 'guardianId', 'periodId', 'classId'].includes(name)) return String(ids[name] ?? 99999999);
  const byPrefix: [RegExp, string][] = [
    [/^\/api\/journal\/courses/, 'courseId'],
    [/^\/api\/journal\/lessons/, 'lessonId'],
    [/^\/api\/journal\/files/, 'fileId'],
    [/^\/api\/journal\/plan-items/, 'planItemId'],
    [/^\/api\/students/, 'studentId'],
    [/^\/api\/staff/, 'staffId'],
    [/^\/api\/structure\/subjects/, 'subjectId'],
    [/^\/api\/structure\/courses/, 'courseId'],
    [/^\/api\/groups/, 'groupId'],
    [/^\/api\/credentials\/accounts/, 'accountId'],
    [/^\/api\/district\/schools/, 'schoolId'],
    [/^\/api\/diary\/classes/, 'classId'],
    [/^\/api\/diary/, 'studentId'],
    [/^\/api\/remarks/, 'remarkId'],
    [/classes/, 'classId'],
  ];
  const key = byPrefix.find(([re]) => re.test(url))?.[1];
  return String((key && ids[key]) ?? 99999999);
}

/** The school under test, another school's ids and the archived things. */
export interface World {
  ids: Ids;
  foreign: Ids;
  others: Others;
}

/**
 * The journal's things in a world's school, so that the journal's routes are walked on real rows:
 * grade 5 on quarters with the first quarter and the year, a lesson of the course on the date good
 * bodies carry (2026-10-05), a КТП topic, a homework file of the lesson and a remark on it.
 */
export async function journalWorld(
  db: Kysely<DB>,
  o: { schoolId: number; yearId: number; courseId: number; teacherId: number },
): Promise<Ids> {
  const { schoolId, yearId: academicYearId } = o;
  await db
    .insertInto('gradeSchemes')
    .values({ schoolId, academicYearId, grade: 5, scheme: 'quarters' })
    .execute();
  const period = (kind: 'term' | 'year', name: string, endsOn: string) =>
    db
      .insertInto('periods')
      .values({
        schoolId,
        academicYearId,
        scheme: kind === 'term' ? 'quarters' : 'year',
        kind,
        number: 1,
        name,
        startsOn: '2026-09-01',
        endsOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const quarter = await period('term', '1 четверть', '2026-10-25');
  await period('year', 'Год', '2027-05-31');
  const lesson = await db
    .insertInto('lessons')
    .values({ schoolId, courseId: o.courseId, teacherId: o.teacherId, date: '2026-10-05', lessonNumber: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const item = await db
    .insertInto('planItems')
    .values({ schoolId, courseId: o.courseId, position: 1, topic: 'Сложение' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const file = await db
    .insertInto('lessonFiles')
    .values({
      schoolId,
      lessonId: lesson.id,
      name: 'задание.txt',
      mime: 'text/plain',
      size: 5,
      content: Buffer.from('текст'),
      createdBy: o.teacherId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const kind = await db
    .selectFrom('workKinds')
    .select('id')
    .where('schoolId', '=', schoolId)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  // A remark on the lesson: the remarks' routes are walked on a real one.
  const remark = await db
    .insertInto('remarks')
    .values({
      schoolId,
      courseId: o.courseId,
      lessonId: lesson.id,
      authorId: o.teacherId,
      text: 'Нет домашнего задания',
      createdAt: '2026-10-06T09:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    remarkId: remark.id,
    periodId: quarter.id,
    lessonId: lesson.id,
    planItemId: item.id,
    fileId: file.id,
    workKindId: kind.id,
    fromCourseId: o.courseId,
  };
}
