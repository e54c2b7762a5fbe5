import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the imports module. */
export const messages = defineMessages({}, {});

/** Labels of the imports module's input fields. */
export const fields = defineFields({}, {});
