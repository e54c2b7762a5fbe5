import { AppError } from '../http/app-error.ts';

/**
 * Passwords people choose themselves (the first-run setup and every password change) must not be
 * common ones: the 49,233 most common passwords of @zxcvbn-ts/language-common (MIT), shipped with
 * the app, and the Russian ones below, compared case-insensitively, plus the person's own login.
 * The minimum length (8) is in the contract; issued passwords are random and need no check.
 */
const russianCommon = [
  'йцукен',
  'йцукенгшщз',
  'йцукенгшщзхъ',
  'пароль',
  'пароль123',
  'парольпароль',
  'gfhjkm',
  'gfhjkm123',
  'qwertyui',
  'qwerty123',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'zaq12wsx',
  'школа',
  'школа123',
  'школа2024',
  'школа2025',
  'школа2026',
  'ryjgrf',
  'dnevnik',
  'dnevnik123',
  'otmetka',
  'otmetka123',
  'отметка',
  'отметка123',
  'учитель',
  'учитель123',
  'директор',
  'ученик123',
  'любовь',
  'наташа',
  'россия',
  'москва',
  'cfyfnjhbq',
];

let common: Promise<Set<string>> | null = null;

/** The list, loaded once on first use (about 0.5 MB; the web app does not carry it). */
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    (m) => new Set([...m.dictionary['passwords-common'], ...russianCommon].map((p) => p.toLowerCase())),
  );
  return common;
}

/** Whether a password is too easy to guess: a common one, or the login itself. */
export async function isWeakPassword(password: string, login: string): Promise<boolean> {
  const p = password.toLowerCase();
  const own = login.toLowerCase();
  if (p === own || (own.length >= 4 && p.includes(own))) return true;
  if (new Set(p).size < 3) return true;
  return (await commonPasswords()).has(p);
}

/** Refuses a weak password with a 400 naming the field. */
export async function assertStrongPassword(password: string, login: string, field: string): Promise<void> {
  if (await isWeakPassword(password, login)) {
    throw new AppError('validation', 'weakPassword', {}, { [field]: 'weakPassword' });
  }
}
