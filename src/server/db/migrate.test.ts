import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { emptyDatabase, runCli } from '../../../test/processes.ts';
import { type Database, openDatabase } from './database.ts';
import { DatabaseTooNewError, migrateToLatest } from './migrate.ts';

/** The migrations shipped in the source tree, by file name. */
const shipped = readdirSync(new URL('./migrations/', import.meta.url))
  .filter((f) => /^\d{4}-.+\.ts$/.test(f))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

async function applied(database: Database): Promise<string[]> {
  const rows = await database.db
    .selectFrom('kyselyMigration' as never)
    .select('name' as never)
    .orderBy('name' as never)
    .execute();
  return rows.map((r) => (r as { name: string }).name);
}

async function tables(database: Database): Promise<string[]> {
  const list = await database.db.introspection.getTables();
  return list.map((t) => `${t.name}(${t.columns.map((c) => c.name).join(',')})`).sort();
}

const futureMessage =
  'База данных обновлена более новой версией Отметки (миграция 9999-from-the-future); эта версия её не знает. Обновите Отметку.';

describe.each(engines())('migrations on $name', (engine) => {
  it('four `otmetka migrate` started together all succeed and apply each migration once', async () => {
    const target = await emptyDatabase(engine);
    const reference = await emptyDatabase(engine);
    try {
      const runs = await Promise.all(
        [1, 2, 3, 4].map(() => runCli(['migrate'], { DATABASE_URL: target.url })),
      );
      for (const run of runs) {
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('Схема базы данных обновлена.\n');
      }
      const database = openDatabase(target.url, { poolSize: 1 });
      const alone = openDatabase(reference.url, { poolSize: 1 });
      try {
        expect(await applied(database)).toEqual(shipped);
        await migrateToLatest(alone);
        expect(await tables(database)).toEqual(await tables(alone));
      } finally {
        await database.close();
        await alone.close();
      }
    } finally {
      await target.drop();
      await reference.drop();
    }
  }, 120_000);

  it('two handles migrating one database at once: one applies everything, the other nothing', async () => {
    const target = await emptyDatabase(engine);
    const first = openDatabase(target.url, { poolSize: 2 });
    const second = openDatabase(target.url, { poolSize: 2 });
    try {
      const results = await Promise.all([migrateToLatest(first), migrateToLatest(second)]);
      expect(results.map((r) => r.length).sort()).toEqual([0, shipped.length]);
      expect(await applied(first)).toEqual(shipped);
      expect(await migrateToLatest(second)).toEqual([]);
    } finally {
      await first.close();
      await second.close();
      await target.drop();
    }
  });

  it('a database migrated by a newer Otmetka is refused by `migrate` and `serve`, and left as it was', async () => {
    const target = await emptyDatabase(engine);
    const database = openDatabase(target.url, { poolSize: 1 });
    try {
      await migrateToLatest(database);
      await database.db
        .insertInto('kyselyMigration' as never)
        .values({ name: '9999-from-the-future', timestamp: new Date().toISOString() } as never)
        .execute();
      const before = await tables(database);

      const error = await migrateToLatest(database).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseTooNewError);
      expect((error as Error).message).toBe(futureMessage);

      // The commands refuse through the same code on both engines: each costs a CLI start (≈4 s of
      // CPU), so they are run on SQLite only.
      const commands = engine.name === 'sqlite' ? ['migrate', 'serve'] : [];
      const runs = await Promise.all(commands.map((c) => runCli([c], { DATABASE_URL: target.url })));
      for (const [i, run] of runs.entries()) {
        const command = commands[i];
        expect(run.code, command).toBe(1);
        expect(run.stderr, command).toContain(`Ошибка: ${futureMessage}`);
        expect(run.stderr, command).not.toContain('corrupted migrations');
      }
      expect(await applied(database)).toEqual([...shipped, '9999-from-the-future']);
      expect(await tables(database)).toEqual(before);
    } finally {
      await database.close();
      await target.drop();
    }
  }, 120_000);
});
