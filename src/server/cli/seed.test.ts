import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';

const run = promisify(execFile);
const otmetka = (url: string, args: string[]) =>
  run('node', ['bin/otmetka.js', ...args], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
    maxBuffer: 1 << 24,
  });
const sqliteFile = () => join(mkdtempSync(join(tmpdir(), 'otmetka-seed-')), 'seed.db');

// One full school (≈1,000 students, ≈300,000 marks) through the real command, on SQLite; the
// whole year on PostgreSQL, with schools written at once, is seed-year.test.ts.
describe('otmetka seed', () => {
  it('fills one school’s whole year, draws the progress bar, prints the counts, and the audit check passes', async () => {
    const url = sqliteFile();
    const seeded = await otmetka(url, ['seed', '--schools', '1']);
    expect(seeded.stderr).toContain('100% СОШ № 1: журнал: история изменений');
    expect(seeded.stderr.split('\n').filter((l) => /^\d+% /.test(l)).length).toBeGreaterThanOrEqual(5);
    const counts =
      /Готово за [\d.]+ с \(журнал за весь учебный год\): школ 1, учеников ([\d\s]+), .*отметок ([\d\s]+),.*событий истории ([\d\s]+)\./u.exec(
        seeded.stdout,
      );
    const number = (text: string | undefined) => Number((text ?? '').replace(/\s/gu, ''));
    expect(number(counts?.[1])).toBeGreaterThan(800);
    expect(number(counts?.[2])).toBeGreaterThan(250_000);
    expect(number(counts?.[3])).toBeGreaterThan(number(counts?.[2]));

    const database = openDatabase(url);
    try {
      const year = await database.db
        .selectFrom('academicYears')
        .select(['startsOn', 'endsOn'])
        .executeTakeFirstOrThrow();
      const month = `${String(year.endsOn).slice(0, 4)}-05`;
      const lastMonth = await database.db
        .selectFrom('marks')
        .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('lessons.date', '>=', `${month}-01`)
        .executeTakeFirstOrThrow();
      expect(Number(lastMonth.n)).toBeGreaterThan(10_000);
    } finally {
      await database.close();
    }
    const verified = await otmetka(url, ['audit', 'verify']);
    expect(verified.stdout).toContain('История изменений не нарушена.');
  }, 300_000);

  it('refuses a bad --until or --schools in Russian, writing nothing', async () => {
    const url = sqliteFile();
    await expect(otmetka(url, ['seed', '--schools', '1', '--until', 'завтра'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--until: today или year-end'),
    });
    await expect(otmetka(url, ['seed', '--schools', '0'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--schools: целое число от 1 до 1000'),
    });
  }, 60_000);
});
