import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import { type EmptyDatabase, emptyDatabase, runCli } from '../../../test/processes.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

describe.each(engines())('otmetka audit verify on $name', (engine) => {
  let empty: EmptyDatabase;
  let schoolId: number;
  let other: number;

  beforeAll(async () => {
    empty = await emptyDatabase(engine);
    const database = openDatabase(empty.url);
    await migrateToLatest(database);
    ({ schoolId } = await buildSchool(database.db));
    ({ schoolId: other } = await buildSchool(database.db));
    await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    await database.close();
  });
  afterAll(async () => {
    await empty?.drop();
  });

  it('says the history is intact and exits 0, then finds an edited event and exits 1', async () => {
    const env = { DATABASE_URL: empty.url };
    const intact = await runCli(['audit', 'verify'], env);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain(`Школа ${schoolId}: цепочка не нарушена`);
    expect(intact.stdout).toContain('История изменений не нарушена.');
    expect(intact.stdout).toMatch(/Конец цепочки: событие № \d+, хэш [0-9a-f]{64}/);

    const database = openDatabase(empty.url);
    const db = database.db;
    const pg = database.engine === 'postgres';
    const { rows } = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_events'`
      .execute(db)
      .catch(() => ({ rows: [] as { name: string; sql: string }[] }));
    if (pg) await sql`alter table audit_events disable trigger user`.execute(db);
    for (const t of rows) await sql.raw(`drop trigger ${t.name}`).execute(db);
    await db
      .updateTable('auditEvents')
      .set({ ip: '203.0.113.9' })
      .where('schoolId', '=', schoolId)
      .where('seq', '=', 2)
      .execute();
    if (pg) await sql`alter table audit_events enable trigger user`.execute(db);
    for (const t of rows) await sql.raw(t.sql).execute(db);
    await database.close();

    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`Школа ${schoolId}: найдено нарушений: 1`);
    expect(broken.stdout).toContain('событие изменено после записи: событие № 2');
    expect(broken.stdout).toContain(`Школа ${other}: цепочка не нарушена`);
    const alone = await runCli(['audit', 'verify', '--school', String(other)], env);
    expect(alone.code).toBe(0);
    expect(alone.stdout).not.toContain(`Школа ${schoolId}`);
    const bad = await runCli(['audit', 'verify', '--school', 'x'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--school');
  });
});
