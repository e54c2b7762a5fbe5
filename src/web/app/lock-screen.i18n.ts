import { defineDictionary } from '../i18n/define.ts';

/** Strings of the lock screen and of «Заблокировать». */
export const dictionary = defineDictionary(
  {
    'lock.button': 'Заблокировать',
    'lock.buttonHint': 'Заблокировать экран, уходя от компьютера: вернуться можно только с паролем',
    'lock.title': 'Экран заблокирован',
    'lock.whose': 'Сеанс: {name}',
    'lock.intro':
      'Введите свой пароль, чтобы продолжить. Несохранённые отметки сохранятся после разблокировки.',
    'lock.password': 'Пароль',
    'lock.unlock': 'Разблокировать',
    'lock.unlocking': 'Проверяем…',
    'lock.logout': 'Выйти',
  },
  {
    'lock.button': 'Lock',
    'lock.buttonHint': 'Lock the screen when leaving the computer: only the password opens it again',
    'lock.title': 'Screen locked',
    'lock.whose': 'Session: {name}',
    'lock.intro': 'Enter your password to continue. Unsaved marks are saved after unlocking.',
    'lock.password': 'Password',
    'lock.unlock': 'Unlock',
    'lock.unlocking': 'Checking…',
    'lock.logout': 'Sign out',
  },
);
