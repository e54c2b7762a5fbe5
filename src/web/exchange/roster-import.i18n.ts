import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the OneRoster import. */
export const dictionary = defineDictionary(
  { 'rosterImport.title': 'Загрузка из OneRoster' },
  { 'rosterImport.title': 'Import from OneRoster' },
);
