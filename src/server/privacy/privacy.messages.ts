import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of personal data (152-ФЗ): a parent's download of their data. */
export const messages = defineMessages(
  {
    privacyParentsOnly:
      'Скачать свои данные может родитель (законный представитель): свои и своих детей. Сотрудникам и обучающимся — через администратора школы.',
    privacyConsentWithdrawn: 'Согласие отозвано {date}',
    privacyFileNote:
      'Все данные, которые Отметка хранит о вас и ваших детях, на {date}. Записи журнала школа хранит по закону и после отзыва согласия.',
  },
  {
    privacyParentsOnly:
      'A parent (legal representative) may download their own and their children’s data. Staff and students ask the school administrator.',
    privacyConsentWithdrawn: 'Consent withdrawn on {date}',
    privacyFileNote:
      'All data Otmetka holds about you and your children, as of {date}. The school keeps the journal records by law, also after consent is withdrawn.',
  },
);

/** The module takes no input fields of its own. */
export const fields = defineFields({}, {});
