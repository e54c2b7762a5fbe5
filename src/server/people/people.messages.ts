import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the people module. */
export const messages = defineMessages(
  {
    peopleFileNumberTaken: 'Личное дело с таким номером уже есть в школе.',
  },
  {
    peopleFileNumberTaken: 'A personal file with this number already exists in the school.',
  },
);

/** Labels of the people module's input fields. */
export const fields = defineFields({}, {});
