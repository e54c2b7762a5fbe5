import type { Kysely } from 'kysely';
import type { Database, Engine } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { summarizeWith } from './read-tables.ts';
import { differences, type Snapshot, SnapshotError, TableChecksum } from './summary.ts';
import { listTables, query, quote, schemaVersion, type TableInfo } from './tables.ts';

/** Bound parameters one statement may carry: SQLite's default limit, PostgreSQL's protocol limit. */
const parameterLimit: Record<Engine, number> = { sqlite: 32766, postgres: 65535 };
const batchRows = 1000;
const batchBytes = 4 * 1024 * 1024;

/**
 * Loads an export into an empty database migrated to the same schema version, in one
 * transaction; checks what was read and what the tables then hold against the export's trailer
 * and returns it. Anything wrong (another schema, data already there, a changed or cut stream)
 * throws a SnapshotError and leaves the target as it was.
 */
export async function loadDatabase(target: Database, chunks: AsyncIterable<Uint8Array>): Promise<Snapshot> {
  const { engine } = target;
  return target.db
    .withoutPlugins()
    .transaction()
    .execute(async (trx) => {
      // A table referencing itself may hold a child before its parent.
      if (engine === 'sqlite') await query(trx, 'pragma defer_foreign_keys = on');
      const tables = new Map((await listTables(trx, engine)).map((t) => [t.name, t]));
      await requireEmpty(trx, [...tables.keys()]);
      const version = await schemaVersion(trx);
      const read = await insertAll(trx, engine, tables, version, jsonLines(chunks));
      const readWrong = differences(read.trailer, read.loaded);
      if (readWrong.length > 0)
        throw new SnapshotError('mismatch', `Данные копии не сходятся с её итогами: ${readWrong.join('; ')}`);
      if (engine === 'postgres') await advanceIdentities(trx, [...tables.values()]);
      const stored = differences(read.trailer, await summarizeWith(trx, engine));
      if (stored.length > 0)
        throw new SnapshotError('mismatch', `Загруженные данные не совпадают с копией: ${stored.join('; ')}`);
      return read.trailer;
    });
}

async function requireEmpty(trx: Kysely<DB>, tables: string[]): Promise<void> {
  for (const table of tables) {
    const rows = await query(trx, `select 1 as found from ${quote(table)} limit 1`);
    if (rows.length > 0)
      throw new SnapshotError(
        'not-empty',
        `База назначения не пуста (в таблице ${table} есть строки): загрузка возможна только в пустую базу.`,
      );
  }
}

type Record_ = Record<string, unknown> | unknown[];

async function insertAll(
  trx: Kysely<DB>,
  engine: Engine,
  tables: Map<string, TableInfo>,
  version: string,
  lines: AsyncIterable<string>,
): Promise<{ trailer: Snapshot; loaded: Snapshot }> {
  const loaded: Snapshot = { schemaVersion: '', tables: [] };
  let current: { table: TableInfo; sum: TableChecksum; batch: Batch } | null = null;
  let trailer: Snapshot | null = null;
  let first = true;
  const finishTable = async () => {
    if (!current) return;
    await current.batch.flush();
    loaded.tables.push(current.sum.summary());
    current = null;
  };
  for await (const line of lines) {
    if (trailer) throw broken('после итоговой записи есть ещё данные');
    const record = parse(line);
    if (first) {
      first = false;
      loaded.schemaVersion = startVersion(record);
      if (loaded.schemaVersion !== version)
        throw new SnapshotError(
          'schema-version',
          `Копия сделана при версии схемы ${loaded.schemaVersion}, а база назначения — ${version || 'без схемы'}. Обновите программу или базу (otmetka migrate) до той же версии.`,
        );
    } else if (Array.isArray(record)) {
      if (!current) throw broken('строка данных до заголовка таблицы');
      if (record.length !== current.table.columns.length)
        throw broken(`в строке таблицы ${current.table.name} не то число значений`);
      current.sum.add(line);
      await current.batch.add(record.map(decodeValue), line.length);
    } else if ('table' in record) {
      await finishTable();
      const table = headerTable(record, tables);
      current = { table, sum: new TableChecksum(table.name), batch: new Batch(trx, engine, table) };
    } else if ('tables' in record && 'schemaVersion' in record) {
      await finishTable();
      trailer = record as unknown as Snapshot;
    } else throw broken('неизвестная запись');
  }
  if (first) throw broken('копия пуста');
  if (!trailer) throw broken('копия обрывается: нет итоговой записи');
  return { trailer, loaded };
}

function broken(what: string): SnapshotError {
  return new SnapshotError('format', `Копия повреждена: ${what}.`);
}

function parse(line: string): Record_ {
  try {
    const value: unknown = JSON.parse(line);
    if (value && typeof value === 'object') return value as Record_;
  } catch {}
  throw broken('строка не читается как JSON');
}

function startVersion(record: Record_): string {
  if (Array.isArray(record) || record.format !== 'otmetka-data' || typeof record.schemaVersion !== 'string')
    throw broken('это не выгрузка данных Отметки');
  return record.schemaVersion;
}

function headerTable(record: Record<string, unknown>, tables: Map<string, TableInfo>): TableInfo {
  const table = tables.get(String(record.table));
  const columns = Array.isArray(record.columns) ? record.columns.map(String) : [];
  if (!table || table.columns.join() !== columns.join())
    throw new SnapshotError(
      'schema',
      `Таблица ${String(record.table)} в копии не совпадает с таблицей в базе назначения (другая схема).`,
    );
  return table;
}

function decodeValue(value: unknown): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { b64?: unknown }).b64 === 'string')
    return Buffer.from((value as { b64: string }).b64, 'base64');
  throw broken('неизвестное значение');
}

/** Rows of one table gathered into multi-row inserts within the engine's parameter limit. */
class Batch {
  private rows: unknown[][] = [];
  private bytes = 0;
  private readonly limit: number;

  constructor(
    private readonly trx: Kysely<DB>,
    private readonly engine: Engine,
    private readonly table: TableInfo,
  ) {
    this.limit = Math.max(1, Math.min(batchRows, Math.floor(parameterLimit[engine] / table.columns.length)));
  }

  async add(values: unknown[], size: number): Promise<void> {
    this.rows.push(values);
    this.bytes += size;
    if (this.rows.length >= this.limit || this.bytes >= batchBytes) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const width = this.table.columns.length;
    let n = 0;
    const slot = () => (this.engine === 'postgres' ? `$${++n}` : '?');
    const tuples = this.rows.map(() => `(${Array.from({ length: width }, slot).join(', ')})`);
    const overriding = this.engine === 'postgres' && this.table.identity ? ' overriding system value' : '';
    const text = `insert into ${quote(this.table.name)} (${this.table.columns.map(quote).join(', ')})${overriding} values ${tuples.join(', ')}`;
    const params = this.rows.flat();
    this.rows = [];
    this.bytes = 0;
    await query(this.trx, text, params);
  }
}

/** PostgreSQL: each identity sequence continues after the highest id loaded. */
async function advanceIdentities(trx: Kysely<DB>, tables: TableInfo[]): Promise<void> {
  for (const table of tables) {
    if (!table.identity) continue;
    await query(
      trx,
      `select setval(pg_get_serial_sequence($1, $2), max(${quote(table.identity)})) from ${quote(table.name)}`,
      [quote(table.name), table.identity],
    );
  }
}

/** The lines of a UTF-8 byte stream (a line may span chunks; an empty last line is dropped). */
export async function* jsonLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  for await (const chunk of chunks) {
    rest += decoder.decode(chunk, { stream: true });
    let end = rest.indexOf('\n');
    let from = 0;
    while (end >= 0) {
      yield rest.slice(from, end);
      from = end + 1;
      end = rest.indexOf('\n', from);
    }
    rest = rest.slice(from);
  }
  rest += decoder.decode();
  if (rest.length > 0) yield rest;
}
