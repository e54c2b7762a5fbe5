import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the diary: weeks, marks, acknowledgements, absence notices, calendar feeds. */
export const messages = defineMessages({}, {});

/** Labels of the module's input fields. */
export const fields = defineFields({}, {});
