import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the credentials module. */
export const messages = defineMessages({}, {});

/** Labels of the credentials module's input fields. */
export const fields = defineFields({}, {});
