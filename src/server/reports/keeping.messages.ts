import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of «Ведение журнала» and the school's time zone. */
export const messages = defineMessages(
  { settingsTimeZone: 'Выберите часовой пояс из списка (например, Europe/Moscow).' },
  { settingsTimeZone: 'Choose a time zone from the list (e.g. Europe/Moscow).' },
);

/** The label of the school's time zone, named in validation messages. */
export const fields = defineFields({ timeZone: 'Часовой пояс школы' }, { timeZone: 'School time zone' });
