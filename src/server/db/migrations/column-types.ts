import { type ColumnDefinitionBuilder, type CreateTableBuilder, sql } from 'kysely';
import type { Engine } from '../database.ts';

/** Engine-specific column types for migrations; everything else in migrations is portable. */
export function columnTypes(engine: Engine) {
  const pg = engine === 'postgres';
  return {
    timestamp: pg ? sql`timestamptz` : sql`text`,
    date: pg ? sql`date` : sql`text`,
    /** Compared byte-wise on both engines, so Russian sort keys order the same. */
    sortKey: pg ? sql`text collate "C"` : sql`text`,
    now: pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  };
}

/** Adds an auto-increment integer primary key `id`. */
export function withId<T extends string>(
  engine: Engine,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) =>
    engine === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
  );
}

/**
 * The stamps every journal row carries: a version for conflict detection, who created and last
 * changed it and when, and a soft-deletion time (journal rows are never physically removed).
 */
export function journalStamps<T extends string>(
  table: CreateTableBuilder<T, 'id'>,
  t: ReturnType<typeof columnTypes>,
): CreateTableBuilder<T, 'id'> {
  return table
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('updated_at', t.timestamp)
    .addColumn('updated_by', 'integer', (c) => c.references('persons.id'))
    .addColumn('deleted_at', t.timestamp);
}
