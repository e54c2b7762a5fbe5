import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the journal pages. */
export const dictionary = defineDictionary(
  {
    'journal.placeholder': 'Заглушка модуля: замените её первой строкой.',
  },
  {
    'journal.placeholder': 'Module placeholder: replace it with the first string.',
  },
);
