import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the session lock. */
export const messages = defineMessages(
  {
    sessionLocked: 'Сеанс заблокирован. Введите пароль, чтобы продолжить.',
    unlockWrongPassword: 'Неверный пароль. Сеанс остаётся заблокированным.',
  },
  {
    sessionLocked: 'The session is locked. Enter your password to continue.',
    unlockWrongPassword: 'Wrong password. The session stays locked.',
  },
);

/** The lock has no fields of its own (the password is labelled by the core). */
export const fields = defineFields({}, {});
