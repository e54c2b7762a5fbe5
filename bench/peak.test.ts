import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/database.ts';
import { seedDistrict } from '../src/server/seed/seed-district.ts';
import { engines, freshDatabase } from '../test/databases.ts';
import { runEveningPeak } from './peak.ts';

const postgres = engines().find((engine) => engine.name === 'postgres');

// A smoke test of the harness on a tiny district: never how fast, only that both kinds of
// requests ran on both processes without a failure and every save the teachers made is a mark.
describe.skipIf(!postgres)('the evening peak (two server processes on PostgreSQL)', () => {
  let database: Database;

  beforeAll(async () => {
    database = await freshDatabase(postgres!);
    await seedDistrict(database.db, { schools: 1 });
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  /** Live marks per course, as the journal shows them. */
  async function marksByCourse(): Promise<Map<number, number>> {
    const rows = await database.db
      .selectFrom('marks')
      .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
      .select((eb) => ['lessons.courseId', eb.fn.countAll().as('n')])
      .where('marks.deletedAt', 'is', null)
      .groupBy('lessons.courseId')
      .execute();
    return new Map(rows.map((r) => [r.courseId, Number(r.n)]));
  }

  it('reads diaries and saves marks through both processes, and every save is a mark', {
    timeout: 120_000,
  }, async () => {
    const before = await marksByCourse();
    const lines: string[] = [];
    const result = await runEveningPeak({
      databaseUrl: database.url,
      parents: 20,
      teachers: 2,
      thinkSeconds: 1,
      saveEverySeconds: 0.5,
      warmupSeconds: 1,
      durationSeconds: 3,
      print: (line) => lines.push(line),
    });
    const log = lines.join('\n');
    const [diary, saves] = result.rows;
    expect(diary?.name).toMatch(/^diary week \(parents\)/);
    expect(saves?.name).toMatch(/^teacher saves a mark/);
    expect(diary!.requests, log).toBeGreaterThan(0);
    expect(saves!.requests, log).toBeGreaterThan(0);
    expect(result.errors + result.warmupErrors, log).toBe(0);
    expect(diary!.p95).toBeGreaterThan(0);
    expect(result.requests).toBe(diary!.requests + saves!.requests);
    expect(result.rssMbMax).toHaveLength(2);
    for (const mb of result.rssMbMax) expect(mb).toBeGreaterThan(20);

    // Every save answered 200 inserted one mark in its teacher's course, and nothing else changed.
    expect(new Set(result.courseIds).size).toBe(2);
    expect(result.savedTotal).toBeGreaterThanOrEqual(Math.max(1, saves!.statuses['200'] ?? 0));
    const after = await marksByCourse();
    const grown = (courseId: number) => (after.get(courseId) ?? 0) - (before.get(courseId) ?? 0);
    expect(result.courseIds.reduce((n, id) => n + grown(id), 0)).toBe(result.savedTotal);
    expect([...after.keys()].filter((id) => !result.courseIds.includes(id) && grown(id) !== 0)).toEqual([]);
  });
});
