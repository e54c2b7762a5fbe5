import { type Kysely, sql } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { emptyDatabase } from '../../../test/processes.ts';
import { systemCtx } from '../access/actor.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import * as initial from '../db/migrations/0001-initial.ts';
import * as schoolRecords from '../db/migrations/0002-school-records.ts';
import * as journal from '../db/migrations/0003-journal.ts';
import * as diary from '../db/migrations/0004-diary.ts';
import * as reports from '../db/migrations/0005-reports.ts';
import * as reportIndexes from '../db/migrations/0006-report-indexes.ts';
import * as paper from '../db/migrations/0007-paper.ts';
import * as backups from '../db/migrations/0008-backups.ts';
import type { DB } from '../db/schema.ts';
import { eventHash, genesisHash } from './chain.ts';
import { recordAudit } from './record-audit.ts';

/** The migrations before the audit chain, as a database upgraded from that version had them. */
const beforeChain = {
  '0001-initial': initial,
  '0002-school-records': schoolRecords,
  '0003-journal': journal,
  '0004-diary': diary,
  '0005-reports': reports,
  '0006-report-indexes': reportIndexes,
  '0007-paper': paper,
  '0008-backups': backups,
};

describe.each(engines())('migration 0009 on $name', (engine) => {
  it('chains the events written before it, per school in id order, and the chains go on from their heads', async () => {
    const target = await emptyDatabase(engine);
    const database = openDatabase(target.url, { poolSize: 2 });
    try {
      const migrations: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(beforeChain))
        migrations[name] = { up: (db) => m.up(db, database.engine) };
      const old = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
      expect((await old.migrateToLatest()).error).toBeUndefined();

      const raw = database.db.withoutPlugins();
      const schools: number[] = [];
      for (const name of ['Школа 1', 'Школа 2']) {
        const { rows } = await sql<{ id: number }>`
          insert into schools (name, short_name, settings) values (${name}, ${name}, '{}') returning id`.execute(
          raw,
        );
        schools.push(Number(rows[0]!.id));
      }
      const [a, b] = schools as [number, number];
      const written = [a, b, null, a, a, b, null, a, b, a];
      for (const [i, schoolId] of written.entries())
        await sql`insert into audit_events (school_id, at, actor_kind, action, entity, entity_id, before, after, ip, request_id)
          values (${schoolId}, ${`2026-10-0${1 + (i % 9)}T08:0${i % 10}:00.000Z`}, 'system', ${`test.${i}`}, 'test',
            ${String(i)}, ${i % 2 ? null : '{"value":"4"}'}, ${`{"n":${i}}`}, ${i % 3 ? '10.0.0.1' : null}, null)`.execute(
          raw,
        );

      expect(await migrateToLatest(database)).toContain('0009-audit-chain');

      const db = database.db;
      for (const schoolId of [a, b, null]) {
        const events = await chainOf(db, schoolId);
        expect(events.map((e) => e.action)).toEqual(
          written.flatMap((s, i) => (s === schoolId ? [`test.${i}`] : [])),
        );
        let prev = genesisHash;
        for (const [i, e] of events.entries()) {
          expect(e.seq).toBe(i + 1);
          expect(e.prevHash).toBe(prev);
          expect(e.hash).toBe(eventHash(prev, e));
          prev = e.hash;
        }
        const head = await db
          .selectFrom('auditHeads')
          .select(['seq', 'hash'])
          .where('chainKey', '=', schoolId ?? 0)
          .executeTakeFirstOrThrow();
        expect(head).toEqual({ seq: events.length, hash: prev });
      }

      const last = (await chainOf(db, a)).at(-1)!;
      await db.transaction().execute((trx) =>
        recordAudit(trx, systemCtx(db), {
          schoolId: a,
          action: 'account.after',
          entity: 'test',
          entityId: 1,
        }),
      );
      const next = (await chainOf(db, a)).at(-1)!;
      expect(next).toMatchObject({ action: 'account.after', seq: last.seq + 1, prevHash: last.hash });
      await expect(sql`delete from audit_events where id = ${last.id}`.execute(raw)).rejects.toThrow(
        /append-only/,
      );
    } finally {
      await database.close();
      await target.drop();
    }
  }, 60_000);
});

async function chainOf(db: Kysely<DB>, schoolId: number | null) {
  return db
    .selectFrom('auditEvents')
    .selectAll()
    .where('schoolId', schoolId === null ? 'is' : '=', schoolId)
    .orderBy('seq')
    .execute();
}
