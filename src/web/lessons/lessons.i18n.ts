import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the lessons pages. */
export const dictionary = defineDictionary(
  {
    'lessons.placeholder': 'Заглушка модуля: замените её первой строкой.',
  },
  {
    'lessons.placeholder': 'Module placeholder: replace it with the first string.',
  },
);
