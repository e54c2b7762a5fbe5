import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of messages: conversations, announcements, read receipts, attachments. */
export const messages = defineMessages({}, {});

/** Labels of the module's input fields. */
export const fields = defineFields({}, {});
