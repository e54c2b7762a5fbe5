import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of notifications: preferences, the SMTP settings, Telegram links. */
export const messages = defineMessages({}, {});

/** Labels of the module's input fields. */
export const fields = defineFields({}, {});
