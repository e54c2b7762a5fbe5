import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the OneRoster import. */
export const messages = defineMessages({}, {});

/** Field labels of the OneRoster import (labels are shared by all modules: keep them neutral). */
export const fields = defineFields({}, {});
