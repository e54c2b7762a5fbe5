import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { russianSortKey } from './russian-order.ts';

const collator = new Intl.Collator('ru', { sensitivity: 'base' });
const byKey = (a: string, b: string) => {
  const ka = russianSortKey(a);
  const kb = russianSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

describe('russianSortKey', () => {
  it('reads ё as е and ignores case', () => {
    expect(russianSortKey('Ёлкин', 'Пётр')).toBe(russianSortKey('елкин', 'петр'));
    expect(['Яковлев', 'Ёлкин', 'Ершов', 'Абрамов', 'елисеев'].sort(byKey)).toEqual([
      'Абрамов',
      'елисеев',
      'Ёлкин',
      'Ершов',
      'Яковлев',
    ]);
  });

  it('puts a surname before its longer forms (Иванов, Иванова)', () => {
    expect(['Иванова Анна', 'Иванов Яков'].sort(byKey)).toEqual(['Иванов Яков', 'Иванова Анна']);
  });

  it('orders single Cyrillic words exactly as the Russian collator does', () => {
    const letters = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ'.split('');
    const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(Math.sign(byKey(a, b))).toBe(Math.sign(collator.compare(a, b)));
      }),
    );
  });
});
