import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the people module. */
export const messages = defineMessages({}, {});

/** Labels of the people module's input fields. */
export const fields = defineFields({}, {});
