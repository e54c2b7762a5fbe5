import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of notifications: preferences, the SMTP settings, Telegram links. */
export const messages = defineMessages(
  {
    notifyTelegramUnavailable: 'Telegram в этой установке Отметки не подключён.',
    notifyMailNotConfigured: 'Сначала сохраните настройки почты школы.',
    notifyMailPasswordAgain: 'Сервер или имя пользователя изменились: введите пароль ещё раз.',
  },
  {
    notifyTelegramUnavailable: 'Telegram is not connected in this Otmetka installation.',
    notifyMailNotConfigured: 'Save the school’s mail settings first.',
    notifyMailPasswordAgain: 'The server or user name has changed: enter the password again.',
  },
);

/** Labels of the module's input fields. */
export const fields = defineFields(
  {
    prefs: 'Настройки уведомлений',
    'prefs.emailEnabled': 'Уведомления по почте',
    'prefs.telegramEnabled': 'Уведомления в Telegram',
    'prefs.absencesInstant': 'Сразу сообщать о пропусках',
    'prefs.markThreshold': 'Сразу сообщать об отметках не выше',
    'prefs.digest': 'Ежедневная сводка',
    email: 'Электронная почта',
    host: 'Сервер SMTP',
    port: 'Порт',
    secure: 'Защищённое соединение (TLS)',
    username: 'Имя пользователя',
    password: 'Пароль',
    fromAddress: 'Адрес отправителя',
    to: 'Кому',
  },
  {
    prefs: 'Notification settings',
    'prefs.emailEnabled': 'E-mail notifications',
    'prefs.telegramEnabled': 'Telegram notifications',
    'prefs.absencesInstant': 'Tell of absences at once',
    'prefs.markThreshold': 'Tell at once of marks up to',
    'prefs.digest': 'Daily digest',
    email: 'E-mail',
    host: 'SMTP server',
    port: 'Port',
    secure: 'Secure connection (TLS)',
    username: 'User name',
    password: 'Password',
    fromAddress: 'Sender address',
    to: 'To',
  },
);
