import fc from 'fast-check';
import { type Ids, type Operation, paramFor, plausible, type Schema } from './bad-input.cases.ts';

/**
 * What the hostile-input walk (hostile-input.test.ts) sends, as fast-check arbitraries generated
 * from a route's OpenAPI schema: wrong types, missing and extra fields, huge strings and bodies,
 * numbers out of range, ids of another school, SQL, path tricks, control characters and scripts.
 */

/** Scripts that must stay text wherever they are shown; the sentinel is what the e2e test watches. */
export const scriptPayloads = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<img src=x onerror="window.__pwned=1">',
  'javascript:alert(1)',
  '[ссылка](javascript:alert(1))',
  '\'"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
];
/** SQL that must reach the database as data, if at all. */
export const sqlPayloads = [
  '1 OR 1=1',
  "'; drop table marks; --",
  "' OR '1'='1",
  '1; select pg_sleep(5)',
  "1' union select password_hash from accounts --",
];
/** Paths, NUL, unicode controls, RTL override, odd numbers written as text. */
export const oddPayloads = [
  '../../../etc/passwd',
  '..%2F..%2F',
  'a\u0000b',
  '\u202eгдо\u202c',
  '\u200b\u200d\ufeff',
  'звонок\u0007\u001b[31m',
  '𝕏😀\ud800',
  'NaN',
  'Infinity',
  '-1',
  '1e999',
  '0x7fffffff',
  '2147483648',
  '9007199254740993',
];
export const hostileTexts = [...scriptPayloads, ...sqlPayloads, ...oddPayloads];

const kb100 = 'я'.repeat(50 * 1024);
const mb1 = 'x'.repeat(1024 * 1024);

/** A hostile string: a known payload, one inside ordinary text, random unicode, or a huge one. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...hostileTexts) },
  { weight: 2, arbitrary: fc.tuple(fc.string(), fc.constantFrom(...hostileTexts)).map(([a, b]) => a + b) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(kb100, mb1) },
);

/** Numbers no field takes: out of range, negative, fractional, beyond 32 and 53 bits. */
const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1.5, 2 ** 31, 2 ** 32, 2 ** 53 + 2, -(2 ** 31) - 1, 1e308, -1e308),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value of the wrong kind for any field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom([], {}, [null], [[1]], { $gt: '' }, { id: 1 }),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Percent-encodes every byte of the UTF-8 text (a lone surrogate becomes U+FFFD, as a browser sends it). */
const encode = (t: string) => [...Buffer.from(t)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** A path parameter: hostile text, a number out of range, or another school's id. */
function pathValue(foreign: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(foreign),
    fc.constantFrom('0', '-1', '2147483648', '99999999999999999999', '1.5', 'NaN', '1e3', '0x10'),
    fc.constantFrom(...hostileTexts.filter((t) => t.length < 200)).map(encode),
    fc.string({ unit: 'binary', maxLength: 20 }).map(encode),
  );
}

/** One request: its URL and, for writes, its JSON text (`undefined` sends no body). */
export interface Attempt {
  label: string;
  url: string;
  body?: string;
}

/** The school's ids and another school's, as the walk fills parameters and fields from them. */
export interface Worlds {
  ids: Ids;
  foreign: Ids;
}

type Mutation =
  | { kind: 'path'; name: string; value: string }
  | { kind: 'query'; name: string; value: string }
  | { kind: 'field'; name: string; value: unknown }
  | { kind: 'foreign'; name: string }
  | { kind: 'drop'; name: string }
  | { kind: 'extra'; extra: Record<string, unknown> }
  | { kind: 'whole'; body: string };

/** Whole bodies that are not the object a route expects. */
const wholeBodies = fc.oneof(
  fc.constantFrom('[]', 'null', '"строка"', '42', '{"a":', '', '{"__proto__":{"admin":true}}'),
  fc.constant(`{"text":"${mb1}"}`),
  fc.constant(JSON.stringify(Array.from({ length: 20_000 }, (_, i) => i))),
  fc.json({ maxDepth: 3 }),
);

const show = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 40);
const isId = (name: string, s: Schema) => /Id$|^id$/.test(name) && (s.type === 'integer' || !s.type);

/**
 * Requests for one route: the good request (path ids of the school, a plausible body) broken in one
 * to three ways at once.
 */
export function attempts(url: string, method: string, op: Operation, w: Worlds): fc.Arbitrary<Attempt> {
  const names = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const query = (op.parameters ?? []).filter((p) => p.in === 'query');
  const schema = op.requestBody?.content['application/json']?.schema;
  const props = Object.entries(schema?.properties ?? {});
  const withBody = method !== 'GET';
  const options: fc.Arbitrary<Mutation>[] = [];
  for (const name of names)
    options.push(pathValue(paramFor(url, name, w.foreign)).map((value) => ({ kind: 'path', name, value })));
  for (const p of query)
    options.push(
      fc
        .oneof(
          hostileString.filter((s) => s.length < 5000),
          hostileNumber.map(String),
        )
        .map((v) => ({ kind: 'query', name: p.name, value: encode(v) })),
    );
  if (withBody) {
    options.push(wholeBodies.map((body) => ({ kind: 'whole', body })));
    options.push(
      fc
        .dictionary(fc.string({ maxLength: 12 }), wrongValue, { minKeys: 1, maxKeys: 3 })
        .map((extra) => ({ kind: 'extra', extra })),
    );
  }
  for (const [name, s] of props) {
    options.push(wrongValue.map((value) => ({ kind: 'field', name, value })));
    options.push(fc.constant({ kind: 'drop', name }));
    if (isId(name, s) && w.foreign[name] !== undefined) options.push(fc.constant({ kind: 'foreign', name }));
  }
  const base = schema ? (plausible(schema, 'body', w.ids) as Record<string, unknown>) : {};
  const mutations =
    options.length === 0
      ? fc.constant([] as Mutation[])
      : fc.array(fc.oneof(...options), { minLength: 1, maxLength: 3 });
  return mutations.map((list) => build(url, names, list, base, withBody, w));
}

function build(
  url: string,
  names: string[],
  list: Mutation[],
  base: Record<string, unknown>,
  withBody: boolean,
  w: Worlds,
): Attempt {
  const path = new Map(names.map((n) => [n, paramFor(url, n, w.ids)]));
  const params: string[] = [];
  let body: Record<string, unknown> = { ...base };
  let whole: string | undefined;
  for (const m of list) {
    if (m.kind === 'path') path.set(m.name, m.value);
    else if (m.kind === 'query') params.push(`${m.name}=${m.value}`);
    else if (m.kind === 'field') body[m.name] = m.value;
    else if (m.kind === 'foreign') body[m.name] = w.foreign[m.name];
    else if (m.kind === 'drop') delete body[m.name];
    else if (m.kind === 'extra') body = { ...body, ...m.extra };
    else whole = m.body;
  }
  const label = list
    .map((m) =>
      m.kind === 'whole'
        ? `body=${m.body.slice(0, 30)}`
        : m.kind === 'extra'
          ? `extra ${show(m.extra)}`
          : m.kind === 'drop' || m.kind === 'foreign'
            ? `${m.kind} ${m.name}`
            : `${m.kind} ${m.name}=${show(m.value)}`,
    )
    .join('; ');
  const filled = url.replace(/:(\w+)/g, (_, n: string) => path.get(n)!);
  return {
    label,
    url: params.length ? `${filled}?${params.join('&')}` : filled,
    ...(withBody && { body: whole ?? JSON.stringify(body) }),
  };
}
