import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the calendar module. */
export const messages = defineMessages({}, {});

/** Labels of the calendar module's input fields. */
export const fields = defineFields({}, {});
