import { defineFields, defineMessages } from '../http/define-messages.ts';

/** «Ведение журнала» has no messages of its own: its errors are the common reports' ones. */
export const messages = defineMessages({}, {});

/** The label of the school's time zone, named in validation messages. */
export const fields = defineFields({ timeZone: 'Часовой пояс школы' }, { timeZone: 'School time zone' });
