/**
 * The Russian sort key: lower case with ё read as е. Stored beside names and compared
 * byte-wise on both engines (collate "C" on PostgreSQL), so SQLite without ICU and PostgreSQL
 * order people the same way, as Russians expect.
 */
export function russianSortKey(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join(' ')
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е')
    .replace(/\s+/g, ' ')
    .trim();
}
