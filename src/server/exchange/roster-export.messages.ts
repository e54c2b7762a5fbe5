import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the OneRoster export. */
export const messages = defineMessages({}, {});

/** Field labels of the OneRoster export (labels are shared by all modules: keep them neutral). */
export const fields = defineFields({}, {});
