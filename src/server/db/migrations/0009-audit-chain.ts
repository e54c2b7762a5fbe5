import { type Kysely, sql } from 'kysely';
import { eventHash, genesisHash } from '../../audit/chain.ts';
import type { Engine } from '../database.ts';
import { columnTypes } from './column-types.ts';

/** The message every refused change of the audit trail carries, on both engines. */
const refused = 'audit events are append-only';

/** Existing events are chained this many at a time (read by id, written back by one statement). */
const page = 5000;

/**
 * The tamper-evident audit: each event's place and hash in its school's chain, the chain heads, and triggers that refuse to update or delete an audit event.
 *
 * Events written before this migration are chained here, per chain in id order. On PostgreSQL the
 * three columns become NOT NULL; SQLite cannot add that to an existing column, so a trigger refuses
 * an insert without them instead. The unique index on (chain, seq) is on `coalesce(school_id, 0)`:
 * `school_id` is null for events of no school and nulls never collide in a unique index.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  for (const [name, type] of [
    ['seq', 'integer'],
    ['prev_hash', 'text'],
    ['hash', 'text'],
  ] as const)
    await db.schema.alterTable('audit_events').addColumn(name, type).execute();
  await db.schema
    .createTable('audit_heads')
    .addColumn('chain_key', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  await chainExisting(db, engine);

  await db.schema
    .createIndex('audit_events_chain')
    .on('audit_events')
    .unique()
    .expression(sql`coalesce(school_id, 0), seq`)
    .execute();
  if (engine === 'postgres') await postgresGuards(db);
  else await sqliteGuards(db);
}

interface Head {
  seq: number;
  hash: string;
}

/** Chains the events already written, in id order per chain, and writes each chain's head. */
// biome-ignore lint/suspicious/noExplicitAny: see `up`
async function chainExisting(db: Kysely<any>, engine: Engine): Promise<void> {
  const raw = db.withoutPlugins();
  const heads = new Map<number, Head>();
  let after = 0;
  for (;;) {
    const { rows } = await sql<Record<string, unknown>>`
      select id, school_id, at, actor_id, actor_kind, action, entity, entity_id, before, after, ip, request_id
      from audit_events where id > ${after} order by id limit ${page}`.execute(raw);
    if (rows.length === 0) break;
    const chained: [number, number, string, string][] = [];
    for (const r of rows) {
      const schoolId = r.school_id === null ? null : Number(r.school_id);
      const key = schoolId ?? 0;
      const head = heads.get(key) ?? { seq: 0, hash: genesisHash };
      const seq = head.seq + 1;
      const hash = eventHash(head.hash, {
        schoolId,
        seq,
        at: r.at instanceof Date ? r.at.toISOString() : String(r.at),
        actorId: r.actor_id === null ? null : Number(r.actor_id),
        actorKind: String(r.actor_kind),
        action: String(r.action),
        entity: String(r.entity),
        entityId: r.entity_id as string | null,
        before: r.before as string | null,
        after: r.after as string | null,
        ip: r.ip as string | null,
        requestId: r.request_id as string | null,
      });
      chained.push([Number(r.id), seq, head.hash, hash]);
      heads.set(key, { seq, hash });
    }
    const json = JSON.stringify(chained);
    if (engine === 'postgres')
      await sql`update audit_events as a
        set seq = (j.value ->> 1)::int, prev_hash = j.value ->> 2, hash = j.value ->> 3
        from json_array_elements(${json}::json) as j(value)
        where a.id = (j.value ->> 0)::int`.execute(raw);
    else
      await sql`update audit_events as a
        set seq = j.value ->> 1, prev_hash = j.value ->> 2, hash = j.value ->> 3
        from json_each(${json}) as j
        where a.id = j.value ->> 0`.execute(raw);
    after = Number(rows[rows.length - 1]!.id);
  }
  for (const [chainKey, head] of [...heads].sort(([a], [b]) => a - b))
    await sql`insert into audit_heads (chain_key, seq, hash) values (${chainKey}, ${head.seq}, ${head.hash})`.execute(
      raw,
    );
}

/**
 * PostgreSQL: NOT NULL on the chain columns; one function refuses any update, delete or truncate
 * of audit events and any delete or truncate of heads; another lets a head only move forward, to
 * an event of its chain that exists with that hash.
 */
// biome-ignore lint/suspicious/noExplicitAny: see `up`
async function postgresGuards(db: Kysely<any>): Promise<void> {
  for (const column of ['seq', 'prev_hash', 'hash'])
    await sql`alter table audit_events alter column ${sql.ref(column)} set not null`.execute(db);
  await sql
    .raw(`
    create or replace function audit_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '${refused}' using errcode = 'P0001';
    end $$;
    create or replace function audit_head_forward() returns trigger language plpgsql as $$
    begin
      if new.chain_key <> old.chain_key or new.seq <= old.seq or not exists (
        select 1 from audit_events
        where coalesce(school_id, 0) = new.chain_key and seq = new.seq and hash = new.hash
      ) then
        raise exception '${refused}' using errcode = 'P0001';
      end if;
      return new;
    end $$;
    create trigger audit_events_append_only before update or delete on audit_events
      for each row execute function audit_append_only();
    create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_append_only();
    create trigger audit_heads_no_delete before delete on audit_heads
      for each row execute function audit_append_only();
    create trigger audit_heads_no_truncate before truncate on audit_heads
      for each statement execute function audit_append_only();
    create trigger audit_heads_forward before update on audit_heads
      for each row execute function audit_head_forward();
  `)
    .execute(db);
}

/** SQLite: the same refusals as triggers (a head only moves forward), and the chain columns required on insert. */
// biome-ignore lint/suspicious/noExplicitAny: see `up`
async function sqliteGuards(db: Kysely<any>): Promise<void> {
  const raise = `select raise(abort, '${refused}');`;
  for (const text of [
    `create trigger audit_events_no_update before update on audit_events begin ${raise} end`,
    `create trigger audit_events_no_delete before delete on audit_events begin ${raise} end`,
    `create trigger audit_events_chained before insert on audit_events
       when new.seq is null or new.prev_hash is null or new.hash is null
       begin select raise(abort, 'audit events need seq, prev_hash and hash'); end`,
    `create trigger audit_heads_no_delete before delete on audit_heads begin ${raise} end`,
    // Forward only. PostgreSQL also checks that the new head is an event of its chain; SQLite
    // does not use the (chain, seq) expression index inside a trigger, and that check scanned
    // the whole table on every append (≈70 ms at 125,000 events).
    `create trigger audit_heads_forward before update on audit_heads
       when new.chain_key <> old.chain_key or new.seq <= old.seq
       begin ${raise} end`,
  ])
    await sql.raw(text).execute(db);
}
