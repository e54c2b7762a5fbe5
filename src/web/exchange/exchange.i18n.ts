import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the OneRoster export. */
export const dictionary = defineDictionary(
  { 'exchange.title': 'Обмен данными (OneRoster)' },
  { 'exchange.title': 'Data exchange (OneRoster)' },
);
