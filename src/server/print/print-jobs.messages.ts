import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the background print jobs. */
export const messages = defineMessages({}, {});

/** Field labels of the background print jobs (labels are shared by all modules: keep them neutral). */
export const fields = defineFields({}, {});
