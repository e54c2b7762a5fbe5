import { regulationSectionKeys } from '../../contract/regulation.ts';
import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the regulation on keeping the journal. */
export const messages = defineMessages({}, {});

const numbers = regulationSectionKeys.map((_, i) => i);

/**
 * Field labels of the regulation: the list of sections, which section an item is (`sections.0.key`
 * falls back to `sections.key`), and each section's text by its place in the list sent.
 */
export const fields = defineFields(
  {
    sections: 'Разделы положения',
    'sections.key': 'Раздел',
    ...Object.fromEntries(numbers.map((i) => [`sections.${i}.text`, `Текст раздела ${i + 1}`])),
  },
  {
    sections: 'Sections of the regulation',
    'sections.key': 'Section',
    ...Object.fromEntries(numbers.map((i) => [`sections.${i}.text`, `Text of section ${i + 1}`])),
  },
);
