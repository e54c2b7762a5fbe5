import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the timetable module. */
export const messages = defineMessages({}, {});

/** Labels of the timetable module's input fields. */
export const fields = defineFields({}, {});
