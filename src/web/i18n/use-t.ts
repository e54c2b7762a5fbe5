import { useCallback, useSyncExternalStore } from 'react';
import { getLanguage, subscribeLanguage } from './language.ts';
import type { MessageKey } from './ru.ts';
import { type Language, type MessageParams, translate } from './translate.ts';

/** A translate function bound to the current language. */
export type TFunction = (key: MessageKey, params?: MessageParams) => string;

/** The current interface language; components re-render when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribeLanguage, getLanguage, getLanguage);
}

/** The translate function of the current language. */
export function useT(): TFunction {
  const language = useLanguage();
  return useCallback((key, params) => translate(language, key, params), [language]);
}
