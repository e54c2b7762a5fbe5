import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the year archive. */
export const messages = defineMessages({}, {});

/** Field labels of the year archive (labels are shared by all modules: keep them neutral). */
export const fields = defineFields({}, {});
