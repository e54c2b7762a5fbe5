import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the pedagogical council's decisions. */
export const messages = defineMessages({}, {});

/** Field labels of the pedagogical council's decisions (labels are shared by all modules: keep them neutral). */
export const fields = defineFields(
  { decision: 'Решение педсовета', decidedOn: 'Дата решения', protocol: 'Номер протокола' },
  { decision: 'Council decision', decidedOn: 'Date of the decision', protocol: 'Minutes number' },
);
