import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the two-factor login. */
export const messages = defineMessages(
  {
    twoFactorBadCode: 'Неверный код. Введите код, который приложение показывает сейчас.',
    twoFactorBadRecoveryCode: 'Неверный или уже использованный резервный код.',
    twoFactorCodeMissing: 'Введите код из приложения или резервный код.',
    twoFactorExpired: 'Время на ввод кода истекло. Войдите снова.',
    twoFactorOff: 'Двухфакторный вход в этой школе выключен.',
    twoFactorStaffOnly: 'Двухфакторный вход — для сотрудников школы.',
    twoFactorAlreadyOn: 'Двухфакторный вход уже включён.',
    twoFactorNotStarted: 'Сначала начните подключение приложения.',
    twoFactorNotOn: 'Двухфакторный вход не включён.',
    twoFactorRequired: 'Школа требует двухфакторный вход для вашей роли; выключить его нельзя.',
    twoFactorWrongPassword: 'Неверный пароль.',
  },
  {
    twoFactorBadCode: 'Wrong code. Enter the code the app shows now.',
    twoFactorBadRecoveryCode: 'Wrong or already used recovery code.',
    twoFactorCodeMissing: 'Enter the code from the app or a recovery code.',
    twoFactorExpired: 'The time to enter the code has run out. Sign in again.',
    twoFactorOff: 'Two-factor login is switched off in this school.',
    twoFactorStaffOnly: 'Two-factor login is for school staff.',
    twoFactorAlreadyOn: 'Two-factor login is already on.',
    twoFactorNotStarted: 'Start adding the app first.',
    twoFactorNotOn: 'Two-factor login is not on.',
    twoFactorRequired: 'The school requires two-factor login for your role; it cannot be switched off.',
    twoFactorWrongPassword: 'Wrong password.',
  },
);

/** Field labels of the two-factor forms and the school setting. */
export const fields = defineFields(
  { code: 'Код из приложения', recoveryCode: 'Резервный код', twoFactor: 'Двухфакторный вход' },
  { code: 'Code from the app', recoveryCode: 'Recovery code', twoFactor: 'Two-factor login' },
);
