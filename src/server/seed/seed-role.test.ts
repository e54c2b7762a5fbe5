import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDistrict } from './seed-district.ts';

const postgres = engines().find((e) => e.name === 'postgres');

// Operators run Otmetka as a role that is not a superuser (docs/OPERATIONS.md): the seed's bulk
// loading must not set what only a superuser may (it failed with «permission denied to set
// parameter session_replication_role»).
describe.runIf(postgres)('seedDistrict as a PostgreSQL role that is not a superuser', () => {
  it('seeds a school, with the foreign keys checked', async () => {
    const admin = openDatabase(postgres!.url(), { poolSize: 1 });
    const name = `otmetka_plain_${process.pid}_${Date.now()}`;
    await sql.raw(`create role ${name} login password 'plain'`).execute(admin.db);
    await sql.raw(`create database ${name} owner ${name}`).execute(admin.db);
    const url = new URL(postgres!.url());
    url.username = name;
    url.password = 'plain';
    url.pathname = `/${name}`;
    const database = openDatabase(url.toString(), { poolSize: 2 });
    try {
      const { rows } = await sql<{
        su: boolean;
      }>`select rolsuper as su from pg_roles where rolname = current_user`.execute(database.db);
      expect(rows[0]?.su).toBe(false);
      await migrateToLatest(database);
      const district = await seedDistrict(database.db, {
        schools: 1,
        classesPerGrade: 1,
        parallel: 1,
        today: new Date('2026-09-20T12:00:00Z'),
      });
      const marks = await database.db
        .selectFrom('marks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('schoolId', '=', district.schoolIds[0]!)
        .executeTakeFirstOrThrow();
      expect(Number(marks.n)).toBeGreaterThan(0);
    } finally {
      await database.close();
      await sql.raw(`drop database if exists ${name}`).execute(admin.db);
      await sql.raw(`drop role if exists ${name}`).execute(admin.db);
      await admin.close();
    }
  }, 120_000);
});
