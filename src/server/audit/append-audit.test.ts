import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases.ts';
import { buildSchool } from '../../../test/factories.ts';
import { systemCtx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { journalSchool, recent } from '../journal/journal.test-helpers.ts';
import { saveMark } from '../journal/save-mark.ts';
import { eventHash, genesisHash } from './chain.ts';
import { recordAudit, recordAudits } from './record-audit.ts';

/** Walks a school's chain as stored: seq from 1 without gaps, each link and hash recomputed, the head on the last event. */
async function expectIntactChain(db: Kysely<DB>, schoolId: number): Promise<number> {
  const events = await db
    .selectFrom('auditEvents')
    .selectAll()
    .where('schoolId', '=', schoolId)
    .orderBy('seq')
    .execute();
  let prev = genesisHash;
  for (const [i, e] of events.entries()) {
    expect(e.seq, `event ${e.id}`).toBe(i + 1);
    expect(e.prevHash, `event ${e.id}`).toBe(prev);
    expect(eventHash(e.prevHash, e), `event ${e.id}`).toBe(e.hash);
    prev = e.hash;
  }
  const head = await db
    .selectFrom('auditHeads')
    .selectAll()
    .where('chainKey', '=', schoolId)
    .executeTakeFirst();
  expect(head).toMatchObject({ seq: events.length, hash: prev });
  return events.length;
}

describe.each(engines())('audit chain appends on $name', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  it('20 mark saves at once leave one gap-free chain whose hashes recompute', async () => {
    const db = database.db;
    const s = await journalSchool(db);
    const before = await expectIntactChain(db, s.schoolId);
    const lessons = [s.lessons.mathRecent, s.lessons.mathOld];
    for (const [n, date] of [
      [3, recent],
      [4, recent],
    ] as const) {
      const row = await db
        .insertInto('lessons')
        .values({
          schoolId: s.schoolId,
          courseId: s.courses.math5,
          teacherId: s.people.ivanova.id,
          date,
          lessonNumber: n,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      lessons.push(row.id);
    }
    const cells = lessons.flatMap((lessonId) =>
      Object.values(s.students).flatMap((studentId) =>
        Object.values(s.workKinds).map((workKindId) => ({ lessonId, studentId, workKindId })),
      ),
    );
    const saves = cells
      .slice(0, 20)
      .map((cell, i) => saveMark(s.ctx.ivanova, { ...cell, value: String(2 + (i % 4)), version: null }));
    const results = await Promise.allSettled(saves);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const total = await expectIntactChain(db, s.schoolId);
    const marks = await db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('schoolId', '=', s.schoolId)
      .where('action', '=', 'journal.mark.set')
      .executeTakeFirstOrThrow();
    expect(Number(marks.n)).toBe(20);
    expect(total).toBeGreaterThanOrEqual(before + 20);
  }, 60_000);

  it('events of several schools and of no school in one batch each go to their own chain', async () => {
    const db = database.db;
    const a = await buildSchool(db);
    const b = await buildSchool(db);
    const before = await expectIntactChain(db, a.schoolId);
    await db.transaction().execute((trx) =>
      recordAudits(trx, systemCtx(db), [
        { schoolId: a.schoolId, action: 'account.test', entity: 'test', entityId: 1 },
        { schoolId: b.schoolId, action: 'account.test', entity: 'test', entityId: 2 },
        { schoolId: null, action: 'account.test', entity: 'test', entityId: 3 },
        {
          schoolId: a.schoolId,
          action: 'account.test',
          entity: 'test',
          entityId: 4,
          before: null,
          after: { x: 1 },
        },
      ]),
    );
    expect(await expectIntactChain(db, a.schoolId)).toBe(before + 2);
    const own = await db
      .selectFrom('auditEvents')
      .select(['entityId', 'before', 'after'])
      .where('schoolId', '=', a.schoolId)
      .where('action', '=', 'account.test')
      .orderBy('seq')
      .execute();
    expect(own).toEqual([
      { entityId: '1', before: null, after: null },
      { entityId: '4', before: 'null', after: '{"x":1}' },
    ]);
    await expectIntactChain(db, b.schoolId);
  });

  it('appends called outside a transaction (audited reads), 10 at once, still make one chain', async () => {
    const db = database.db;
    const { schoolId } = await buildSchool(db);
    const before = await expectIntactChain(db, schoolId);
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        recordAudit(db, systemCtx(db), { schoolId, action: 'roster.export', entity: 'test', entityId: n }),
      ),
    );
    expect(await expectIntactChain(db, schoolId)).toBe(before + 10);
  });

  it('an append that fails with its transaction leaves the chain and head as they were', async () => {
    const db = database.db;
    const { schoolId } = await buildSchool(db);
    const entry = { schoolId, action: 'account.test', entity: 'test', entityId: null };
    const before = await expectIntactChain(db, schoolId);
    await db.transaction().execute((trx) => recordAudit(trx, systemCtx(db), entry));
    await expect(
      db.transaction().execute(async (trx) => {
        await recordAudit(trx, systemCtx(db), entry);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await expectIntactChain(db, schoolId)).toBe(before + 1);
    await db.transaction().execute((trx) => recordAudit(trx, systemCtx(db), entry));
    expect(await expectIntactChain(db, schoolId)).toBe(before + 2);
  });
});

describe.each(engines())('the database guards the audit trail on $name', (engine) => {
  let database: Database;
  let schoolId: number;
  let events: number;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    ({ schoolId } = await buildSchool(database.db));
    for (const n of [1, 2, 3])
      await database.db.transaction().execute((trx) =>
        recordAudit(trx, systemCtx(database.db), {
          schoolId,
          action: 'account.test',
          entity: 'test',
          entityId: n,
        }),
      );
    events = await expectIntactChain(database.db, schoolId);
  });
  afterAll(() => database.close());

  const raw = (text: string) => sql.raw(text).execute(database.db);
  const refused = /audit events are append-only/;

  it('refuses to update or delete an audit event, by any statement', async () => {
    await expect(
      raw(`update audit_events set after = '{"value":"2"}' where school_id = ${schoolId}`),
    ).rejects.toThrow(refused);
    await expect(
      raw(`update audit_events set hash = hash where school_id = ${schoolId} and seq = ${events}`),
    ).rejects.toThrow(refused);
    await expect(
      raw(`delete from audit_events where school_id = ${schoolId} and seq = ${events}`),
    ).rejects.toThrow(refused);
    await expect(raw('delete from audit_events')).rejects.toThrow(refused);
    if (engine.name === 'postgres') {
      await expect(raw('truncate audit_events')).rejects.toThrow(refused);
      await expect(raw('truncate audit_heads')).rejects.toThrow(refused);
    }
    expect(await expectIntactChain(database.db, schoolId)).toBe(events);
  });

  it('refuses an event without its place in the chain, and a second event at the same place', async () => {
    const values = `(${schoolId}, '2026-11-24T08:00:00.000Z', 'system', 'account.forged', 'test'`;
    const columns = 'school_id, at, actor_kind, action, entity';
    await expect(raw(`insert into audit_events (${columns}) values ${values})`)).rejects.toThrow();
    await expect(
      raw(
        `insert into audit_events (${columns}, seq, prev_hash, hash) values ${values}, ${events}, 'x', 'y')`,
      ),
    ).rejects.toThrow();
    expect(await expectIntactChain(database.db, schoolId)).toBe(events);
  });

  it('refuses to delete a chain head or lower it (PostgreSQL: or move it to an event that is not there)', async () => {
    await expect(raw(`delete from audit_heads where chain_key = ${schoolId}`)).rejects.toThrow(refused);
    await expect(
      raw(`update audit_heads set seq = ${events - 1} where chain_key = ${schoolId}`),
    ).rejects.toThrow(refused);
    const second = await database.db
      .selectFrom('auditEvents')
      .select('hash')
      .where('schoolId', '=', schoolId)
      .where('seq', '=', events - 1)
      .executeTakeFirstOrThrow();
    await expect(
      raw(
        `update audit_heads set seq = ${events - 1}, hash = '${second.hash}' where chain_key = ${schoolId}`,
      ),
    ).rejects.toThrow(refused);
    // PostgreSQL also checks that a head moves to an existing event (see migration 0009).
    if (engine.name === 'postgres')
      await expect(
        raw(`update audit_heads set seq = ${events + 5} where chain_key = ${schoolId}`),
      ).rejects.toThrow(refused);
    await expect(
      raw(`update audit_heads set chain_key = 999999 where chain_key = ${schoolId}`),
    ).rejects.toThrow(refused);
    expect(await expectIntactChain(database.db, schoolId)).toBe(events);
  });
});
