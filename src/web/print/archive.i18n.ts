import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the year archive. */
export const dictionary = defineDictionary(
  { 'archive.title': 'Архив журналов за год' },
  { 'archive.title': 'Year archive of journals' },
);
