import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the control pages. */
export const dictionary = defineDictionary(
  {
    'control.placeholder': 'Заглушка модуля: замените её первой строкой.',
  },
  {
    'control.placeholder': 'Module placeholder: replace it with the first string.',
  },
);
