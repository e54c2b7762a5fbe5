import { describe, expect, it } from 'vitest';
import { englishNumber, pagesWord, russianFeminineNumber } from './journal-numbers.ts';

describe('numbers in words for the closing certificate', () => {
  it('writes Russian counts of pages in the feminine', () => {
    const cases: [number, string][] = [
      [1, 'одна'],
      [2, 'две'],
      [11, 'одиннадцать'],
      [19, 'девятнадцать'],
      [20, 'двадцать'],
      [21, 'двадцать одна'],
      [42, 'сорок две'],
      [100, 'сто'],
      [112, 'сто двенадцать'],
      [205, 'двести пять'],
      [340, 'триста сорок'],
      [999, 'девятьсот девяносто девять'],
      [1000, 'одна тысяча'],
      [2002, 'две тысячи две'],
      [5011, 'пять тысяч одиннадцать'],
    ];
    for (const [n, words] of cases) expect(russianFeminineNumber(n)).toBe(words);
  });

  it('agrees «страница» with the count', () => {
    const cases: [number, string][] = [
      [1, 'страница'],
      [2, 'страницы'],
      [4, 'страницы'],
      [5, 'страниц'],
      [11, 'страниц'],
      [12, 'страниц'],
      [14, 'страниц'],
      [21, 'страница'],
      [22, 'страницы'],
      [42, 'страницы'],
      [111, 'страниц'],
      [101, 'страница'],
      [212, 'страниц'],
    ];
    for (const [n, word] of cases) expect(pagesWord(n)).toBe(word);
  });

  it('writes every number 1–999 as words of the known vocabulary, never empty', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 999; n++) {
      const words = russianFeminineNumber(n);
      expect(words).toMatch(/^[а-я]+( [а-я]+){0,2}$/);
      seen.add(words);
      if (n % 10 === 1 && n % 100 !== 11) expect(words.endsWith('одна')).toBe(true);
      if (n % 10 === 2 && n % 100 !== 12) expect(words.endsWith('две')).toBe(true);
    }
    expect(seen.size).toBe(999);
  });

  it('writes English counts', () => {
    expect(englishNumber(1)).toBe('one');
    expect(englishNumber(42)).toBe('forty-two');
    expect(englishNumber(105)).toBe('one hundred and five');
    expect(englishNumber(1203)).toBe('one thousand two hundred and three');
  });

  it('refuses what it cannot write', () => {
    expect(() => russianFeminineNumber(-1)).toThrow(RangeError);
    expect(() => russianFeminineNumber(1.5)).toThrow(RangeError);
  });
});
