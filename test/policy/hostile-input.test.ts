import { Writable } from 'node:stream';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { readConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import { type Client, signIn } from '../app.ts';
import { engines, freshDatabase } from '../databases.ts';
import type { Operation } from './bad-input.cases.ts';
import { type Attempt, attempts, type Worlds } from './hostile-input.arbitraries.ts';
import { storedTexts } from './hostile-input.stored.ts';
import { type Actor, buildWorld, callerOf, callers, changed, digester } from './hostile-input.world.ts';

/**
 * Property-based walk of every API route with hostile input generated from its OpenAPI schema
 * (hostile-input.arbitraries.ts), each route called by someone who may call it. The standard: never
 * a 5xx; a refusal is `{error, message}`; after a refusal no table of the database has changed
 * (rows, largest id, versions). Valid text that is a script or SQL is stored byte for byte
 * (hostile-input.stored.ts). Fixed seed (`FUZZ_SEED` overrides), few runs per route (`FUZZ_RUNS`).
 */

const seed = Number(process.env.FUZZ_SEED ?? 20_261_129);
const runs = (engine: string) => Number(process.env.FUZZ_RUNS ?? (engine === 'sqlite' ? 20 : 12));
/** What takes things away runs last, so that it does not take away what the other routes need. */
const last = /\/(archive|delete|disable|unlink|withdraw|departure|remove|close|revoke|cancel)$/;

describe.each(engines())('hostile input on every route on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let doc: { paths: Record<string, Record<string, Operation>> };
  let worlds: Worlds;
  let digest: () => Promise<Record<string, string>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  const clients = new Map<Actor, Client>();
  const stacks = new Map<string, string>();

  beforeAll(async () => {
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
    // Without the rate limits, which would answer most runs of the login and the exports 429.
    const limits = { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', EXPORT_RATE_LIMIT_PER_MINUTE: '100000' };
    const env = { LOG_LEVEL: 'error', WEB_DIR: 'test/no-web', ...limits };
    app = await buildApp(database, readConfig(env), { logStream });
    await app.ready();
    doc = app.swagger() as typeof doc;
    world = await buildWorld(database.db);
    const theirs = await buildWorld(database.db);
    worlds = { ids: world.ids, foreign: theirs.ids };
    for (const actor of Object.keys(world.logins) as Actor[])
      clients.set(actor, await signIn(app, world.logins[actor]));
    digest = await digester(database.db);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** Sends one attempt as a client. */
  const send = (client: Client, method: string, a: Attempt) =>
    app.inject({
      method: method as 'POST',
      url: a.url,
      ...(a.body !== undefined && { payload: a.body }),
      headers: {
        cookie: client.cookie,
        ...(method !== 'GET' && { 'x-csrf-token': client.csrf }),
        ...(a.body !== undefined && { 'content-type': 'application/json' }),
      },
    });

  /** What is wrong with an answer: a 5xx (with its stack's head), or a refusal without the error shape. */
  const judge = (res: LightMyRequestResponse): string | null => {
    if (res.statusCode >= 500) {
      const id = (res.json() as { requestId?: string }).requestId ?? '';
      return `${res.statusCode}: ${(stacks.get(id) ?? res.body).split('\n').slice(0, 4).join(' | ')}`;
    }
    if (res.statusCode < 400) return null;
    const body = res.json() as { error?: unknown; message?: unknown };
    if (
      typeof body.error !== 'string' ||
      typeof body.message !== 'string' ||
      !/[А-Яа-яЁё]/.test(body.message)
    )
      return `${res.statusCode} without the error shape: ${res.body.slice(0, 200)}`;
    return null;
  };

  // First, while the school is whole: the walk's accepted requests archive and unlink things.
  it('stores valid hostile text byte for byte and changes nothing else', async () => {
    const problems: string[] = [];
    const accepted = new Map<string, number>();
    for (const target of await storedTexts(database.db, clients, world)) {
      accepted.set(target.label, 0);
      const property = fc.asyncProperty(target.text, async (text) => {
        const before = await digest();
        const previous = await target.stored();
        const res = await target.send(text);
        const problem = judge(res);
        if (problem) throw new Error(`${target.label} → ${problem}`);
        const all = changed(before, await digest());
        const tables = all.filter((t) => !target.tables.includes(t));
        if (tables.length) throw new Error(`${target.label} → ${res.statusCode}, changed ${tables}`);
        if (res.statusCode >= 400) return;
        // The digest sees a stored change (its audit event at least): the walk's «nothing changed» can fail.
        if (previous !== text && !all.includes('audit_events'))
          throw new Error(`${target.label}: the digest saw no audit event`);
        const stored = await target.stored();
        if (stored !== text) throw new Error(`${target.label}: stored ${JSON.stringify(stored)}`);
        accepted.set(target.label, accepted.get(target.label)! + 1);
      });
      const result = await fc.check(property, { numRuns: runs(engine.name), seed, endOnFailure: true });
      if (result.failed) problems.push(`${target.label} (seed ${seed}): ${String(result.errorInstance)}`);
    }
    expect(problems).toEqual([]);
    // Each field took the payloads at least once: the byte-for-byte check was made.
    expect([...accepted].filter(([, n]) => n === 0)).toEqual([]);
  }, 120_000);

  // The administrator last: their routes archive, unlink and switch off what the others need.
  const actors = [...new Set<Actor>([...callers.map(([a]) => a), 'administrator'])];
  for (const actor of actors) {
    it(`answers hostile input from the ${actor} without a 5xx, changing nothing it refuses`, async () => {
      const client = clients.get(actor)!;
      const routes = app
        .apiRoutes()
        .filter((r) => callerOf(r.url) === actor && r.url !== '/api/auth/logout')
        .sort((a, b) => Number(last.test(a.url)) - Number(last.test(b.url)));
      const problems: string[] = [];
      let sent = 0;
      let snapshot: Record<string, string> | undefined;
      for (const { method, url } of routes) {
        const op = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] ?? {};
        const property = fc.asyncProperty(attempts(url, method, op, worlds), async (a) => {
          snapshot ??= await digest();
          const res = await send(client, method, a);
          sent++;
          const problem = judge(res);
          if (problem) throw new Error(`${method} ${a.url.slice(0, 120)} [${a.label}] → ${problem}`);
          if (res.statusCode < 400) {
            snapshot = undefined;
            return;
          }
          const after = await digest();
          const tables = changed(snapshot, after);
          snapshot = after;
          if (tables.length)
            throw new Error(`${method} ${url} [${a.label}] → ${res.statusCode}, yet changed ${tables}`);
        });
        const result = await fc.check(property, { numRuns: runs(engine.name), seed, endOnFailure: true });
        if (result.failed)
          problems.push(
            `${method} ${url} (seed ${seed}, path ${result.counterexamplePath}): ${String(result.errorInstance)}`,
          );
      }
      expect(sent).toBeGreaterThan((routes.length * runs(engine.name)) / 2);
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
