/**
 * Logins made from Russian names: transliteration as in Russian passports (ICAO Doc 9303, the
 * table ГОСТ Р 52535.1-2006 uses since 2014), lower case, only [a-z0-9.-].
 */
const table: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** Longest surname part of a login, so that a login stays well within 64 characters. */
const maxSurname = 40;

/** A name in Latin letters: passport transliteration, lower case; spaces and hyphens become «-». */
export function transliterate(name: string): string {
  const latin = [...name.normalize('NFC').toLowerCase()].map((ch) => table[ch] ?? ch).join('');
  return latin
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, (run) => (/[\s-]/.test(run) ? '-' : ''))
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

function initial(name: string): string {
  for (const ch of name.normalize('NFC')) {
    const latin = transliterate(ch).replace(/-/g, '');
    if (latin) return latin;
  }
  return '';
}

/** A person's name as login parts. */
export interface NameParts {
  lastName: string;
  firstName: string;
  middleName: string;
}

/**
 * The logins to try for a person, best first: «ivanova.m», «ivanova.mp», then «ivanova.mp2»,
 * «ivanova.mp3»… (`count` candidates in all). Deterministic; never empty.
 */
export function loginCandidates(name: NameParts, count: number): string[] {
  const surname = transliterate(name.lastName).slice(0, maxSurname).replace(/-$/, '') || 'user';
  const first = initial(name.firstName);
  const middle = initial(name.middleName);
  const short = first ? `${surname}.${first}` : surname;
  const long = `${short}${first ? '' : '.'}${middle}`;
  const out = [short];
  if (long !== short && !long.endsWith('.')) out.push(long);
  const stem = out[out.length - 1] ?? short;
  for (let n = 2; out.length < count; n++) out.push(`${stem}${n}`);
  return out.slice(0, count);
}

/** The first candidate login that is not taken. */
export function pickLogin(name: NameParts, taken: ReadonlySet<string>): string {
  for (let count = 8; ; count *= 2) {
    const free = loginCandidates(name, count).find((c) => !taken.has(c));
    if (free) return free;
  }
}

/** The prefix every candidate login of the name starts with (for one `LIKE` query). */
export function loginStem(name: NameParts): string {
  return loginCandidates(name, 1)[0] ?? 'user';
}
