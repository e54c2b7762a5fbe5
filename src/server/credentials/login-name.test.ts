import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loginCandidates, pickLogin, transliterate } from './login-name.ts';
import { oneTimePassword, passwordAlphabet, passwordLength } from './one-time-password.ts';

const cyrillic = fc.constantFrom(
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ -'.split(''),
);
const russianName = fc.string({ unit: cyrillic, minLength: 0, maxLength: 60 });
const anyName = fc.oneof(
  russianName,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const name = fc.record({ lastName: anyName, firstName: anyName, middleName: anyName });

describe('transliteration', () => {
  it('follows the passport table', () => {
    expect(transliterate('Щукина')).toBe('shchukina');
    expect(transliterate('Юрьев')).toBe('iurev');
    expect(transliterate('Хабибуллина-Зайцева')).toBe('khabibullina-zaitseva');
    expect(transliterate('Объедков')).toBe('obieedkov');
    expect(transliterate('Цой Ё')).toBe('tsoi-e');
  });

  it('makes «ivanova.m», then «ivanova.mp», then numbered logins', () => {
    const maria = { lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна' };
    expect(loginCandidates(maria, 4)).toEqual(['ivanova.m', 'ivanova.mp', 'ivanova.mp2', 'ivanova.mp3']);
    expect(pickLogin(maria, new Set(['ivanova.m']))).toBe('ivanova.mp');
    expect(pickLogin(maria, new Set(['ivanova.m', 'ivanova.mp', 'ivanova.mp2']))).toBe('ivanova.mp3');
    expect(loginCandidates({ lastName: 'Жуков', firstName: 'Юрий', middleName: '' }, 3)).toEqual([
      'zhukov.iu',
      'zhukov.iu2',
      'zhukov.iu3',
    ]);
  });

  it('gives every name a non-empty login of [a-z0-9.-], at most 64 long, the same every time', () => {
    fc.assert(
      fc.property(name, fc.integer({ min: 1, max: 30 }), (n, count) => {
        const logins = loginCandidates(n, count);
        expect(logins).toHaveLength(count);
        expect(new Set(logins).size).toBe(count);
        for (const login of logins) {
          expect(login).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
          expect(login.length).toBeLessThanOrEqual(64);
        }
        expect(loginCandidates(n, count)).toEqual(logins);
      }),
    );
  });

  it('never picks a taken login', () => {
    fc.assert(
      fc.property(name, fc.integer({ min: 0, max: 40 }), (n, taking) => {
        const taken = new Set(loginCandidates(n, taking + 1).slice(0, taking));
        const login = pickLogin(n, taken);
        expect(taken.has(login)).toBe(false);
        expect(login.startsWith(loginCandidates(n, 1)[0] ?? '')).toBe(true);
      }),
    );
  });
});

describe('one-time passwords', () => {
  it('have no easily confused characters', () => {
    for (const ch of '0O1lIo') expect(passwordAlphabet).not.toContain(ch);
    expect(new Set(passwordAlphabet).size).toBe(passwordAlphabet.length);
  });

  it('are of the fixed length and only from the alphabet, whatever the random source says', () => {
    fc.assert(
      fc.property(fc.infiniteStream(fc.nat()), (stream) => {
        const it = stream[Symbol.iterator]();
        const password = oneTimePassword((max) => (it.next().value as number) % max);
        expect(password).toHaveLength(passwordLength);
        for (const ch of password) expect(passwordAlphabet).toContain(ch);
      }),
    );
  });

  it('differ from one another', () => {
    const drawn = new Set(Array.from({ length: 200 }, () => oneTimePassword()));
    expect(drawn.size).toBe(200);
  });
});
