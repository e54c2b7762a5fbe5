import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the control module. */
export const messages = defineMessages(
  {
    controlPlaceholder: 'Заглушка модуля: замените её первым сообщением.',
  },
  {
    controlPlaceholder: 'Module placeholder: replace it with the first message.',
  },
);

/** Labels of the control module's input fields. */
export const fields = defineFields({}, {});
