import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { resultsSchool } from '../../src/server/reports/results.test-helpers.ts';
import { type Client, signIn, testApp } from '../app.ts';
import { engines } from '../databases.ts';
import { buildDistrict, buildPerson } from '../factories.ts';
import { readable } from './readable.ts';

/**
 * The district sees figures, never a student: walks every GET route under `/api/district/` the
 * OpenAPI document lists (with each school's id where the path takes one, and every export in
 * XLSX and PDF) as the district's inspector, over a school whose students have known last names
 * and ids: no answer holds any of those names, nor any student id in a `studentId` field. The
 * same school's own results report (as its deputy) does name them, so the check can fail.
 */
describe.each(engines())('the district sees no student names on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof resultsSchool>>;
  let inspector: Client;
  let deputy: Client;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    const districtId = await buildDistrict(database.db);
    s = await resultsSchool(database.db, districtId);
    inspector = await signIn(
      app,
      (await buildPerson(database.db, { schoolId: null, districtId, roles: ['district'] })).login,
    );
    deputy = await signIn(app, s.people.deputy.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  async function districtUrls(): Promise<string[]> {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const paths = Object.entries(doc.paths)
      .filter(([path, methods]) => 'get' in methods && path.startsWith('/api/district/'))
      .map(([path]) => path.replace('{id}', String(s.schoolId)));
    const queries = ['', '?periodNumber=1', '?wholeYear=true', '?year=2026&periodNumber=2'];
    return paths.flatMap((path) => {
      if (!path.startsWith('/api/district/reports')) return [path];
      if (!path.endsWith('/export')) return queries.map((q) => `${path}${q}`);
      return ['xlsx', 'pdf'].flatMap((format) =>
        queries.map((q) => `${path}${q === '' ? '?' : `${q}&`}format=${format}`),
      );
    });
  }

  const lastNames = () => s.names;
  const studentIds = () => Object.values(s.st);

  it('walks every district route and finds no student’s name or id', async () => {
    const urls = await districtUrls();
    expect(urls).toContain('/api/district/reports?periodNumber=1');
    expect(urls).toContain('/api/district/reports/export?periodNumber=1&format=pdf');
    expect(urls).toContain(`/api/district/schools/${s.schoolId}`);
    for (const url of urls) {
      const res = await inspector.get(url);
      expect(res.statusCode, url).toBe(200);
      const text = await readable(res);
      for (const name of lastNames()) expect(text, `${url} names ${name}`).not.toContain(name);
      if (String(res.headers['content-type']).includes('json')) {
        const ids = [...res.body.matchAll(/"studentId":(\d+)/g)].map((m) => Number(m[1]));
        expect(
          ids.filter((id) => studentIds().includes(id)),
          url,
        ).toEqual([]);
      }
    }
    const district = await readable(await inspector.get('/api/district/reports?periodNumber=1'));
    expect(district).toContain('"successPct":60');
  });

  it('the school’s own results report does name them (the check above can fail)', async () => {
    const own = await readable(await deputy.get(`/api/reports/results?periodId=${s.periods.q1}`));
    expect(lastNames().filter((n) => own.includes(n)).length).toBeGreaterThan(3);
    const pdf = await readable(
      await deputy.get(`/api/reports/results/export?format=pdf&periodId=${s.periods.q1}`),
    );
    expect(pdf).toContain('Антонова');
  });
});
