import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../app.ts';
import { engines } from '../databases.ts';
import { type Operation, requestFor, stageOf } from './route-walk.requests.ts';
import { type Actor, actors, cellOf, readPolicyTable, rowFor } from './route-walk.table.ts';
import { seedWorlds, type Worlds } from './route-walk.world.ts';

/**
 * Walks every route of the API document as every demo role, as a teacher and a parent of the same
 * school without the relationship, and without a session, on the demo school's subject objects
 * (the demo student, their class, the demo teacher's course in it, its lesson, the parent's thread…)
 * with valid bodies, and checks each answer against the policy table of docs/SECURITY.md: `✓` is any
 * status but 401/403/404 (and never a 5xx). Each actor walks its own copy of the seeded database,
 * so what one actor archives, switches off or logs out does not change another's answers. A route
 * without a row fails the walk, and so does a row naming no route.
 */

/** Only the reads on PostgreSQL unless ROUTE_WALK_WRITES is set: the writes' rules are the same SQL. */
const pgWrites = process.env.ROUTE_WALK_WRITES === '1';

describe.each(engines())('every route × every actor against the policy table on $name', (engine) => {
  let worlds: Worlds;
  const { rows, problems } = readPolicyTable();
  /** What each actor got, by route: the table's terms (a 5xx is its status). */
  const seen = new Map<string, Partial<Record<Actor, string>>>();
  /** Routes without a row whose request the walk cannot build yet, and why. */
  const unbuilt = new Map<string, string>();
  let routes: { method: string; url: string }[] = [];
  let doc: { paths: Record<string, Record<string, Operation>> };
  const writesToo = engine.name === 'sqlite' || pgWrites;

  beforeAll(async () => {
    worlds = await seedWorlds(engine);
  }, 300_000);

  afterAll(async () => {
    await worlds?.close();
  });

  /** The app over the actor's own copy of the world, and the actor's session (none: anonymous). */
  async function appFor(actor: Actor): Promise<{ app: FastifyInstance; login?: string }> {
    const database = await worlds.copy();
    const app = await testApp(database, { LOGIN_RATE_LIMIT_PER_MINUTE: '100000' });
    await app.ready();
    const { world } = worlds;
    const logins: Record<Exclude<Actor, 'anonymous'>, string> = {
      ...world.demo.logins,
      'other teacher': world.otherTeacher,
      'other parent': world.otherParent,
    };
    return { app, login: actor === 'anonymous' ? undefined : logins[actor] };
  }

  for (const actor of actors) {
    it(`answers ${actor} as the table says on every route`, async () => {
      const { app, login } = await appFor(actor);
      let password = 'demo';
      let client = login && (await signIn(app, login, password));
      try {
        doc = app.swagger() as typeof doc;
        routes = app
          .apiRoutes()
          .filter((r) => writesToo || r.method === 'GET')
          .sort((a, b) => stageOf(a.method, a.url) - stageOf(b.method, b.url));
        const wrong: string[] = [];
        for (const { method, url } of routes) {
          const key = `${method} ${url}`;
          const op = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] ?? {};
          let req: ReturnType<typeof requestFor>;
          try {
            req = requestFor(worlds.world, method, url, op);
          } catch (error) {
            // A route without a row is reported by the coverage test below, with what to add.
            if (rows.has(key)) wrong.push(`${key}: ${(error as Error).message}`);
            else unbuilt.set(key, (error as Error).message);
            continue;
          }
          const headers: Record<string, string> = client
            ? { cookie: client.cookie, ...(method !== 'GET' && { 'x-csrf-token': client.csrf }) }
            : {};
          const payload = req.raw?.payload ?? (req.json === undefined ? undefined : JSON.stringify(req.json));
          const type = req.raw?.type ?? (req.json === undefined ? undefined : 'application/json');
          const res = await app.inject({
            method: method as 'POST',
            url: req.url,
            ...(payload !== undefined && { payload }),
            headers: { ...headers, ...(type && { 'content-type': type }) },
          });
          const got = cellOf(res.statusCode);
          // A new login replaces the session and a password change ends it: sign in again.
          if (client && login && res.statusCode === 200 && /\/(login|change-password)$/.test(url)) {
            if (url.endsWith('change-password')) password = (req.json as { newPassword: string }).newPassword;
            client = await signIn(app, login, password);
          }
          seen.set(key, { ...seen.get(key), [actor]: got });
          const expected = rows.get(key)?.[actor];
          if (expected && expected !== got) {
            const why = res.statusCode >= 400 ? ` ${res.body.slice(0, 160)}` : '';
            wrong.push(`${key} as ${actor}: expected ${expected}, got ${res.statusCode}${why}`);
          }
        }
        expect(
          wrong.join('\n'),
          'answers that disagree with docs/SECURITY.md «Policy table: route × role»',
        ).toBe('');
      } finally {
        await app.close();
      }
    }, 120_000);
  }

  it('has a row for every route and a route for every row', () => {
    expect(problems).toEqual([]);
    const keys = new Set(routes.map((r) => `${r.method} ${r.url}`));
    const missing = [...keys].filter((k) => !rows.has(k));
    const hint =
      'Add these rows to docs/SECURITY.md «Policy table: route × role» (the cells are what the walk ' +
      'saw: check each against the rules before pasting):\n' +
      missing.map((k) => rowFor(k, seen.get(k))).join('\n') +
      [...unbuilt.values()].map((why) => `\n${why}`).join('');
    expect(missing, hint).toEqual([]);
    if (!writesToo) return;
    const stale = [...rows.keys()].filter((k) => !keys.has(k));
    expect(stale, 'rows of the policy table that name no route of the API document').toEqual([]);
  });
});
