import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of report cards, extracts and XLSX exports. */
export const messages = defineMessages({}, {});

/** Field labels of report cards, extracts and XLSX exports (labels are shared by all modules: keep them neutral). */
export const fields = defineFields({}, {});
