/** The fields of `input` that differ from `stored`; a null input leaves the stored value alone. */
export function changed<T, K extends keyof T & string>(
  keys: readonly K[],
  stored: { [k in K]: unknown },
  input: T,
): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) {
    const value = input[k];
    if (value === null) continue;
    if ((stored[k] ?? null) !== (value ?? null)) out[k] = value;
  }
  return out;
}

/** The later of two dates 'YYYY-MM-DD'. */
export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

/** The listed fields of a row, nulls for missing ones. */
export function pick<K extends string>(row: Record<K, unknown>, keys: K[]): Partial<Record<K, unknown>> {
  return Object.fromEntries(keys.map((k) => [k, row[k] ?? null])) as Partial<Record<K, unknown>>;
}
