import { describe, expect, it } from 'vitest';
import { langOf, translate } from './messages.ts';

describe('langOf', () => {
  it.each([
    [undefined, 'ru'],
    ['', 'ru'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['en;q=0.1, ru', 'ru'],
    ['ru;q=0.5, en', 'en'],
    ['de-DE, fr;q=0.9', 'ru'],
    ['de, en;q=0.3', 'en'],
    ['en, ru', 'ru'],
    ['en;q=0.5, ru;q=0.5', 'ru'],
  ])('%s → %s', (header, lang) => {
    expect(langOf(header)).toBe(lang);
  });
});

describe('translate', () => {
  it('fills parameters in both languages', () => {
    expect(translate('ru', 'locked', { minutes: 3 })).toBe(
      'Слишком много неудачных попыток входа. Повторите через 3 мин.',
    );
    expect(translate('en', 'tooLong', { max: 64 })).toBe('At most 64 characters.');
  });
});
