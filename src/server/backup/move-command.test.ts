import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemoSchool } from '../seed/seed-demo-school.ts';
import { moveToPostgresCommand } from './move-command.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'otmetka-move-'));
const file = join(dir, 'school.db');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrate-to-postgres refuses', () => {
  it('a PostgreSQL source, a missing or non-PostgreSQL target, a missing SQLite file', async () => {
    const fromPg = await moveToPostgresCommand('postgres://x@127.0.0.1/a', 'postgres://x@127.0.0.1/b');
    expect(fromPg).toMatchObject({ ok: false, text: expect.stringMatching(/только из SQLite/) });
    const noTarget = await moveToPostgresCommand(file, undefined);
    expect(noTarget).toMatchObject({ ok: false, text: expect.stringMatching(/--to postgres:\/\//) });
    const sqliteTarget = await moveToPostgresCommand(file, join(dir, 'other.db'));
    expect(sqliteTarget.ok).toBe(false);
    const missing = await moveToPostgresCommand(join(dir, 'absent.db'), 'postgres://x@127.0.0.1/b');
    expect(missing).toMatchObject({ ok: false, text: expect.stringMatching(/не найден/) });
  });
});

describe.skipIf(!pgUrl)('migrate-to-postgres of the demo school', () => {
  const admin = () => openDatabase(pgUrl!, { poolSize: 1 });
  const names = [`otmetka_move_${process.pid}_${Date.now()}`, `otmetka_move_${process.pid}_${Date.now()}_x`];
  const urlOf = (name: string) => Object.assign(new URL(pgUrl!), { pathname: `/${name}` }).toString();
  let source: Database;

  beforeAll(async () => {
    source = openDatabase(file);
    await migrateToLatest(source);
    await seedDemoSchool(source.db);
    const a = admin();
    for (const name of names) await sql.raw(`create database ${name}`).execute(a.db);
    await a.close();
  }, 120_000);
  afterAll(async () => {
    await source?.close();
    const a = admin();
    for (const name of names) await sql.raw(`drop database if exists ${name} with (force)`).execute(a.db);
    await a.close();
  });

  it('copies every table; row counts and checksums match; a second run is refused', async () => {
    const result = await moveToPostgresCommand(file, urlOf(names[0]!));
    expect(result.text).toMatch(/^marks\s+\d+\s+совпадает$/m);
    expect(result.text).toMatch(/Все таблицы совпадают/);
    expect(result.ok).toBe(true);
    const target = openDatabase(urlOf(names[0]!), { poolSize: 1 });
    try {
      for (const table of ['marks', 'attendance', 'lessons', 'persons'] as const) {
        const count = (database: Database) =>
          database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
            .then((row) => Number(row.n));
        const [want, got] = [await count(source), await count(target)];
        expect(want).toBeGreaterThan(500);
        expect(got).toBe(want);
      }
      const mark = await target.db.selectFrom('marks').selectAll().orderBy('id').executeTakeFirstOrThrow();
      expect(
        await source.db.selectFrom('marks').selectAll().where('id', '=', mark.id).executeTakeFirst(),
      ).toEqual(mark);
    } finally {
      await target.close();
    }
    const again = await moveToPostgresCommand(file, urlOf(names[0]!));
    expect(again).toMatchObject({ ok: false, text: expect.stringMatching(/уже есть данные/) });
  }, 120_000);

  it('refuses a database holding tables of something else', async () => {
    const other = openDatabase(urlOf(names[1]!), { poolSize: 1 });
    await sql.raw('create table accounting (id integer)').execute(other.db);
    await other.close();
    const result = await moveToPostgresCommand(file, urlOf(names[1]!));
    expect(result).toMatchObject({ ok: false, text: expect.stringMatching(/чужие таблицы \(accounting\)/) });
  });
});
