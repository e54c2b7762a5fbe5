import type { MessageKey } from './ru.ts';
import { isLanguage, type Language, type MessageParams, translate } from './translate.ts';

const storageKey = 'otmetka.language';
const listeners = new Set<() => void>();

function readStored(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(stored) ? stored : 'ru';
  } catch {
    return 'ru';
  }
}

let current: Language = readStored();

/** The current interface language (Russian unless the person chose English). */
export function getLanguage(): Language {
  return current;
}

/** Switches the interface language, remembers it and updates `<html lang>`. */
export function setLanguage(language: Language): void {
  current = language;
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // Private mode may refuse storage; the choice then lasts for this page only.
  }
  applyLanguageToDocument();
  for (const listener of listeners) listener();
}

/** Sets `<html lang>` to the current language. */
export function applyLanguageToDocument(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current;
}

/** Subscribes to language changes; returns the unsubscribe function. */
export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translates in the current language, for code outside React components. */
export function tr(key: MessageKey, params?: MessageParams): string {
  return translate(current, key, params);
}
