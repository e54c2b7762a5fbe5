import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the teachers' council decisions. */
export const dictionary = defineDictionary(
  { 'council.title': 'Решения педсовета' },
  { 'council.title': 'Council decisions' },
);
