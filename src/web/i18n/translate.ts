import { en } from './en.ts';
import { type MessageKey, ru } from './ru.ts';

/** The interface languages: Russian first, English second. */
export const languages = ['ru', 'en'] as const;
/** One interface language. */
export type Language = (typeof languages)[number];
/** Values substituted for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The dictionary of each language. */
export const dictionaries: Record<Language, Record<MessageKey, string>> = { ru, en };

/** Whether a stored value names one of the languages. */
export function isLanguage(value: unknown): value is Language {
  return value === 'ru' || value === 'en';
}

/** The message for a key in a language, with `{name}` placeholders filled in. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const text = dictionaries[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
