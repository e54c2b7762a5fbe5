import { defineFields, defineMessages } from '../http/define-messages.ts';

/** The dashboard has no messages of its own: its errors are those of every report. */
export const messages = defineMessages({}, {});

/** The label of the dashboard's own filter, named in validation messages. */
export const fields = defineFields({ by: 'Динамика' }, { by: 'Trend' });
