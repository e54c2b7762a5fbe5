import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the structure module. */
export const messages = defineMessages({}, {});

/** Labels of the structure module's input fields. */
export const fields = defineFields({}, {});
