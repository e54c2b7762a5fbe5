import { regulationSectionKeys } from '../../contract/regulation.ts';
import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the regulation on keeping the journal. */
export const messages = defineMessages({}, {});

const numbers = regulationSectionKeys.map((_, i) => i);

/** Field labels of the regulation: each section's text by its place in the list sent. */
export const fields = defineFields(
  Object.fromEntries(numbers.map((i) => [`sections.${i}.text`, `Текст раздела ${i + 1}`])),
  Object.fromEntries(numbers.map((i) => [`sections.${i}.text`, `Text of section ${i + 1}`])),
);
