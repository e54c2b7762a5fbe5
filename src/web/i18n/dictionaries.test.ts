import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { ru } from './ru.ts';
import { translate } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys, each with a non-empty string', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
    for (const [key, text] of Object.entries(ru)) {
      expect(text.trim(), `ru ${key}`).not.toBe('');
      expect(en[key as keyof typeof ru].trim(), `en ${key}`).not.toBe('');
    }
  });

  it('are really translated: English differs from Russian for most keys', () => {
    const keys = Object.keys(ru) as (keyof typeof ru)[];
    const same = keys.filter((k) => ru[k] === en[k]);
    expect(same.length / keys.length).toBeLessThan(0.05);
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(ru) as (keyof typeof ru)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(ru[key]));
    }
  });

  it('keep the labels end-to-end tests rely on', () => {
    expect(ru['login.login']).toBe('Логин');
    expect(ru['login.password']).toBe('Пароль');
    expect(ru['login.submit']).toBe('Войти');
    expect(ru['shell.logout']).toBe('Выйти');
    expect(ru['lang.name']).toBe('Русский');
    expect(en['lang.name']).toBe('English');
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('ru', 'role.classTeacher', { classes: '5А' })).toBe('Классный руководитель 5А');
    expect(translate('en', 'validation.tooShort', { min: 8 })).toBe('At least 8 characters.');
    expect(translate('ru', 'validation.tooShort')).toBe('Не короче {min} символов.');
  });
});
