import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of personal data: a parent's copy of their data. */
export const dictionary = defineDictionary(
  {
    'privacy.title': 'Мои данные',
    'privacy.hint':
      'Файл со всеми данными, которые Отметка хранит о вас и ваших детях: карточки, оценки, посещаемость, сообщения, письма и кто просматривал ваши данные. Не чаще 5 раз в час.',
    'privacy.download': 'Скачать мои данные',
  },
  {
    'privacy.title': 'My data',
    'privacy.hint':
      'A file with all data Otmetka holds about you and your children: cards, marks, attendance, messages, letters and who viewed your data. At most 5 times an hour.',
    'privacy.download': 'Download my data',
  },
);
