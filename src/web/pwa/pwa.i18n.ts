import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the installable app: the offline notice. */
export const dictionary = defineDictionary(
  {
    'pwa.offline': 'Нет связи с сервером. Показаны сохранённые данные.',
    'pwa.offlineSince': 'Нет связи с сервером. Показаны сохранённые данные на {time}.',
  },
  {
    'pwa.offline': 'No connection to the server. Showing saved data.',
    'pwa.offlineSince': 'No connection to the server. Showing data saved at {time}.',
  },
);
