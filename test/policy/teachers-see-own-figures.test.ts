import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlSchool } from '../../src/server/control/control.test-helpers.ts';
import type { Database } from '../../src/server/db/database.ts';
import { reportDefinitions } from '../../src/server/reports/registry.ts';
import { type Client, signIn, testApp } from '../app.ts';
import { engines } from '../databases.ts';
import { readable } from './readable.ts';

/** The school's own report routes (GET, no path parameters), as the OpenAPI document lists them. */
async function reportRoutes(app: FastifyInstance): Promise<string[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths)
    .filter(([path, methods]) => 'get' in methods && !path.includes('{'))
    .map(([path]) => path)
    .filter((path) => path.startsWith('/api/reports/') || path === '/api/remarks');
}

/**
 * «Мои показатели»: a teacher who leads no class sees the figures of their own courses only. Walks
 * every report route of the API (and every report's XLSX and PDF export) as Русакова, who teaches
 * Russian in 5А: no answer names another teacher, another teacher's subject or a student of a class
 * she does not teach; asking for another teacher's figures or journal is refused. The same walk as
 * the deputy does show the other teachers, so the check can fail.
 */
describe.each(engines())('teachers see their own figures only on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof controlSchool>>;
  let teacher: Client;
  let deputy: Client;
  let routes: string[];
  /** What must never reach Русакова: other teachers, their subjects, a student of 6Б. */
  const foreign = [/Математикова/, /Другова/, /Математика/, /ИЗО/, /Другов(?!а)/];

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await controlSchool(database.db);
    await database.db
      .insertInto('remarks')
      .values({
        schoolId: s.schoolId,
        courseId: s.courses.math5,
        authorId: s.people.deputy.id,
        text: 'Замечание Математиковой: нет домашнего задания',
      })
      .execute();
    teacher = await signIn(app, s.people.rusT.login);
    deputy = await signIn(app, s.people.deputy.login);
    routes = await reportRoutes(app);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('finds the report routes and reports to export', () => {
    expect(routes).toContain('/api/reports/filters');
    expect(routes.length).toBeGreaterThan(3);
    expect(reportDefinitions.length).toBeGreaterThan(3);
  });

  it('answers every report route for the teacher, naming nobody else', async () => {
    let ownSeen = false;
    for (const route of routes) {
      const res = await teacher.get(route);
      expect(res.statusCode, `${route}: ${res.body}`).toBe(200);
      for (const pattern of foreign) expect(res.body, route).not.toMatch(pattern);
      if (/Русакова|Русский язык/.test(res.body)) ownSeen = true;
    }
    expect(ownSeen).toBe(true);
  });

  it('exports every report for the teacher as XLSX and PDF without anyone else in them', async () => {
    for (const def of reportDefinitions) {
      for (const format of ['xlsx', 'pdf']) {
        const url = `/api/reports/${def.name}/export?format=${format}`;
        const res = await teacher.get(url);
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
        const text = await readable(res);
        for (const pattern of foreign) expect(text, url).not.toMatch(pattern);
      }
    }
  });

  it('refuses another teacher’s figures and journal (403) on every report route', async () => {
    for (const route of routes.filter((r) => r !== '/api/reports/filters' && r !== '/api/remarks')) {
      const byTeacher = await teacher.get(`${route}?teacherId=${s.people.mathT.id}`);
      expect(byTeacher.statusCode, route).toBe(403);
      const byCourse = await teacher.get(`${route}?courseId=${s.courses.math5}`);
      expect(byCourse.statusCode, route).toBe(403);
    }
  });

  it('shows the deputy the whole school, other teachers included', async () => {
    const seen = new Set<string>();
    for (const route of routes) {
      const res = await deputy.get(route);
      expect(res.statusCode, `${route}: ${res.body}`).toBe(200);
      for (const name of ['Математикова', 'Русакова']) if (res.body.includes(name)) seen.add(name);
    }
    expect([...seen].sort()).toEqual(['Математикова', 'Русакова']);
  });
});
