import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of help and support: contacts and problem reports. */
export const messages = defineMessages(
  { supportAlreadyResolved: 'Это сообщение о проблеме уже отмечено решённым.' },
  { supportAlreadyResolved: 'This problem report is already marked resolved.' },
);

/** Labels of the support fields (shared by all modules: `phone`, `email`, `hours` stay neutral). */
export const fields = defineFields(
  {
    who: 'К кому обращаться',
    details: 'Подробности',
    description: 'Описание проблемы',
    pagePath: 'Страница',
    userAgent: 'Браузер',
  },
  {
    who: 'Who to ask',
    details: 'Details',
    description: 'Problem description',
    pagePath: 'Page',
    userAgent: 'Browser',
  },
);
