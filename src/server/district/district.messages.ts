import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the district module. */
export const messages = defineMessages({}, {});

/** Labels of the district module's input fields. */
export const fields = defineFields({ yearId: 'Учебный год' }, { yearId: 'Academic year' });
