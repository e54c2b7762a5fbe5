import { CompiledQuery, type Kysely } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/** A table as exports and loads see it: columns ordered by name, the identity column if any. */
export interface TableInfo {
  name: string;
  columns: string[];
  /** PostgreSQL: the `generated always as identity` column (loaded with OVERRIDING SYSTEM VALUE). */
  identity: string | null;
}

/** Kysely's own bookkeeping is not data: the schema version is read from it separately. */
const skipped = /^(kysely_migration|sqlite_)/;

/** Runs raw SQL on a Kysely instance without the camelCase plugin; rows keyed by real names. */
export async function query(db: Kysely<DB>, text: string, params: readonly unknown[] = []) {
  const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, [...params]));
  return result.rows;
}

/** A table or column name quoted for both engines. */
export function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The newest migration applied (`0008-backups`), or '' when the database was never migrated. */
export async function schemaVersion(db: Kysely<DB>): Promise<string> {
  try {
    const [row] = await query(db, 'select max(name) as version from kysely_migration');
    return String(row?.version ?? '');
  } catch {
    return '';
  }
}

/** Every data table, parents before the tables whose foreign keys point at them. */
export async function listTables(db: Kysely<DB>, engine: Engine): Promise<TableInfo[]> {
  const found = engine === 'sqlite' ? await sqliteTables(db) : await postgresTables(db);
  return parentsFirst(found.filter((t) => !skipped.test(t.info.name)));
}

interface FoundTable {
  info: TableInfo;
  parents: Set<string>;
}

async function sqliteTables(db: Kysely<DB>): Promise<FoundTable[]> {
  const names = await query(db, "select name from sqlite_master where type = 'table' order by name");
  const out: FoundTable[] = [];
  for (const { name } of names) {
    const table = String(name);
    const columns = await query(db, 'select name from pragma_table_info(?)', [table]);
    const keys = await query(db, 'select "table" as parent from pragma_foreign_key_list(?)', [table]);
    out.push({
      info: { name: table, columns: columns.map((c) => String(c.name)).sort(byCodeUnits), identity: null },
      parents: new Set(keys.map((k) => String(k.parent))),
    });
  }
  return out;
}

async function postgresTables(db: Kysely<DB>): Promise<FoundTable[]> {
  const columns = await query(
    db,
    `select c.table_name, c.column_name, c.is_identity from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'`,
  );
  const keys = await query(
    db,
    `select child.relname as child, parent.relname as parent from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_namespace n on n.oid = child.relnamespace
      where k.contype = 'f' and n.nspname = current_schema()`,
  );
  const tables = new Map<string, FoundTable>();
  for (const row of columns) {
    const name = String(row.table_name);
    let table = tables.get(name);
    if (!table) {
      table = { info: { name, columns: [], identity: null }, parents: new Set() };
      tables.set(name, table);
    }
    table.info.columns.push(String(row.column_name));
    if (row.is_identity === 'YES') table.info.identity = String(row.column_name);
  }
  for (const key of keys) tables.get(String(key.child))?.parents.add(String(key.parent));
  for (const table of tables.values()) table.info.columns.sort(byCodeUnits);
  return [...tables.values()];
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders tables so that every table comes after the tables it references (ties by name). A
 * table referencing itself is allowed (loads defer foreign keys); a cycle between tables is not.
 */
export function parentsFirst(found: FoundTable[]): TableInfo[] {
  const known = new Set(found.map((t) => t.info.name));
  const waiting = [...found].sort((a, b) => byCodeUnits(a.info.name, b.info.name));
  const placed = new Set<string>();
  const out: TableInfo[] = [];
  while (waiting.length > 0) {
    const ready = waiting.findIndex((t) =>
      [...t.parents].every((p) => p === t.info.name || placed.has(p) || !known.has(p)),
    );
    if (ready < 0)
      throw new Error(`Внешние ключи образуют цикл: ${waiting.map((t) => t.info.name).join(', ')}`);
    const [table] = waiting.splice(ready, 1);
    placed.add(table!.info.name);
    out.push(table!.info);
  }
  return out;
}
