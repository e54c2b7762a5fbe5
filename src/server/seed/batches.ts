/** Rows per INSERT: few round trips, well under both engines' limits on bound parameters. */
export const batchSize = 500;

/** Rows per INSERT of a table with that many columns: under SQLite's 32,766 bound parameters. */
export function batchOf(columns: number): number {
  return Math.floor(32_000 / columns);
}

/** Splits rows into consecutive batches. */
export function chunks<T>(rows: readonly T[], size = batchSize): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Inserts rows in batches and returns their ids in the order of `rows`. */
export async function insertReturningIds<T>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<{ id: number }[]>,
  size = batchSize,
): Promise<number[]> {
  const ids: number[] = [];
  for (const batch of chunks(rows, size)) {
    // Ids grow in VALUES order on both engines, but RETURNING does not promise an order: sort.
    const got = (await insert(batch)).map((r) => r.id).sort((a, b) => a - b);
    if (got.length !== batch.length) throw new Error(`Inserted ${got.length} rows of ${batch.length}`);
    ids.push(...got);
  }
  return ids;
}

/** Inserts rows in batches. */
export async function insertAll<T>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<unknown>,
  size = batchSize,
): Promise<void> {
  for (const batch of chunks(rows, size)) await insert(batch);
}

/** The id at a planned index; a missing one is a bug in the plan. */
export function idAt(ids: readonly number[], index: number): number {
  const id = ids[index];
  if (id === undefined) throw new Error(`No id for planned row ${index}`);
  return id;
}
