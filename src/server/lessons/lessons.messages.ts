import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the lessons module. */
export const messages = defineMessages(
  {
    lessonsPlaceholder: 'Заглушка модуля: замените её первым сообщением.',
  },
  {
    lessonsPlaceholder: 'Module placeholder: replace it with the first message.',
  },
);

/** Labels of the lessons module's input fields. */
export const fields = defineFields({}, {});
