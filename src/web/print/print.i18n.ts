import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of printing the paper journal. */
export const dictionary = defineDictionary(
  { 'print.title': 'Печать журнала' },
  { 'print.title': 'Printing the journal' },
);
