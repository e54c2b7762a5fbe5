import { describe, expect, it } from 'vitest';
import { firstNames, patronymic, transliterate } from './names.ts';

describe('patronymic', () => {
  it.each([
    ['Сергей', 'Сергеевич', 'Сергеевна'],
    ['Николай', 'Николаевич', 'Николаевна'],
    ['Юрий', 'Юрьевич', 'Юрьевна'],
    ['Дмитрий', 'Дмитриевич', 'Дмитриевна'],
    ['Игорь', 'Игоревич', 'Игоревна'],
    ['Иван', 'Иванович', 'Ивановна'],
    ['Михаил', 'Михайлович', 'Михайловна'],
    ['Илья', 'Ильич', 'Ильинична'],
    ['Никита', 'Никитич', 'Никитична'],
    ['Павел', 'Павлович', 'Павловна'],
    ['Лев', 'Львович', 'Львовна'],
    ['Артем', 'Артёмович', 'Артёмовна'],
    ['Петр', 'Петрович', 'Петровна'],
  ])('%s → %s, %s', (name, male, female) => {
    expect(patronymic(name, 'm')).toBe(male);
    expect(patronymic(name, 'f')).toBe(female);
  });

  it('has a regular form for every adult man in the pool', () => {
    for (const name of firstNames.adult.m) {
      expect(patronymic(name, 'm')).toMatch(/(вич|ич)$/);
      expect(patronymic(name, 'f')).toMatch(/(вна|ична)$/);
    }
  });
});

describe('transliterate', () => {
  it('writes Russian names in Latin letters', () => {
    expect(transliterate('Щукина')).toBe('shchukina');
    expect(transliterate('Юлия Ёлкина')).toBe('yuliya elkina');
  });
});
