const isoDate = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * A date as Russian schools write it, ДД.ММ.ГГГГ. Takes a `Date` (its local calendar day) or an
 * ISO string whose leading `YYYY-MM-DD` is used as is, so a date never shifts across time zones.
 */
export function formatDate(value: Date | string): string {
  if (typeof value === 'string') {
    const match = isoDate.exec(value);
    if (!match) return value;
    return `${match[3]}.${match[2]}.${match[1]}`;
  }
  const day = String(value.getDate()).padStart(2, '0');
  const month = String(value.getMonth() + 1).padStart(2, '0');
  return `${day}.${month}.${String(value.getFullYear()).padStart(4, '0')}`;
}
