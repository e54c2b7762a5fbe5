import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of two-factor login: the security section and the login page's second step. */
export const dictionary = defineDictionary(
  {
    'twoFactor.title': 'Двухфакторный вход',
    'twoFactor.intro':
      'Кроме пароля, при входе нужен код из приложения-аутентификатора на телефоне (Яндекс Ключ, Google Authenticator, FreeOTP и другие).',
    'twoFactor.on': 'Включён с {date}. Резервных кодов осталось: {n}.',
    'twoFactor.offBySchool': 'Школа выключила двухфакторный вход.',
    'twoFactor.requiredHint': 'Школа требует двухфакторный вход для вашей роли; выключить его нельзя.',
    'twoFactor.notOn': 'Не включён.',
    'twoFactor.start': 'Подключить приложение',
    'twoFactor.scan': 'Отсканируйте QR-код приложением или введите ключ вручную.',
    'twoFactor.qr': 'QR-код для приложения-аутентификатора',
    'twoFactor.secret': 'Ключ для ввода вручную',
    'twoFactor.code': 'Код из приложения',
    'twoFactor.codeHint': 'Шесть цифр, которые приложение показывает сейчас.',
    'twoFactor.confirm': 'Включить',
    'twoFactor.codesTitle': 'Резервные коды',
    'twoFactor.codesHint':
      'Сохраните или распечатайте эти коды: каждый открывает вход один раз, если телефона нет под рукой. Больше они не будут показаны.',
    'twoFactor.enabled': 'Двухфакторный вход включён.',
    'twoFactor.disableTitle': 'Выключить двухфакторный вход',
    'twoFactor.password': 'Пароль',
    'twoFactor.passwordHint':
      'Ваш пароль от Отметки: так никто другой за этим компьютером не подключит свой телефон.',
    'twoFactor.disable': 'Выключить',
    'twoFactor.disabled': 'Двухфакторный вход выключен.',
    'twoFactor.loginTitle': 'Код из приложения',
    'twoFactor.loginHint': 'Введите шесть цифр из приложения-аутентификатора.',
    'twoFactor.enrollTitle': 'Подключите приложение',
    'twoFactor.enrollHint':
      'Школа требует двухфакторный вход. Добавьте Отметку в приложение-аутентификатор и введите код из него.',
    'twoFactor.useRecovery': 'Нет телефона? Войти по резервному коду',
    'twoFactor.useCode': 'Ввести код из приложения',
    'twoFactor.recoveryCode': 'Резервный код',
    'twoFactor.submit': 'Войти',
    'twoFactor.back': 'Назад',
    'twoFactor.continue': 'Продолжить',
    'twoFactor.required': 'Заполните поле «{field}».',
  },
  {
    'twoFactor.title': 'Two-factor login',
    'twoFactor.intro':
      'Besides the password, signing in needs a code from an authenticator app on your phone (Yandex Key, Google Authenticator, FreeOTP and others).',
    'twoFactor.on': 'On since {date}. Recovery codes left: {n}.',
    'twoFactor.offBySchool': 'The school has switched two-factor login off.',
    'twoFactor.requiredHint':
      'The school requires two-factor login for your role; it cannot be switched off.',
    'twoFactor.notOn': 'Not on.',
    'twoFactor.start': 'Add an app',
    'twoFactor.scan': 'Scan the QR code with the app or type the key by hand.',
    'twoFactor.qr': 'QR code for the authenticator app',
    'twoFactor.secret': 'Key to type by hand',
    'twoFactor.code': 'Code from the app',
    'twoFactor.codeHint': 'The six digits the app shows now.',
    'twoFactor.confirm': 'Turn on',
    'twoFactor.codesTitle': 'Recovery codes',
    'twoFactor.codesHint':
      'Save or print these codes: each opens a login once when your phone is not at hand. They will not be shown again.',
    'twoFactor.enabled': 'Two-factor login is on.',
    'twoFactor.disableTitle': 'Switch two-factor login off',
    'twoFactor.password': 'Password',
    'twoFactor.passwordHint':
      'Your Otmetka password: so nobody else at this computer can add their own phone.',
    'twoFactor.disable': 'Switch off',
    'twoFactor.disabled': 'Two-factor login is off.',
    'twoFactor.loginTitle': 'Code from the app',
    'twoFactor.loginHint': 'Enter the six digits from the authenticator app.',
    'twoFactor.enrollTitle': 'Add the app',
    'twoFactor.enrollHint':
      'The school requires two-factor login. Add Otmetka to an authenticator app and enter its code.',
    'twoFactor.useRecovery': 'No phone? Sign in with a recovery code',
    'twoFactor.useCode': 'Enter a code from the app',
    'twoFactor.recoveryCode': 'Recovery code',
    'twoFactor.submit': 'Sign in',
    'twoFactor.back': 'Back',
    'twoFactor.continue': 'Continue',
    'twoFactor.required': 'Fill in «{field}».',
  },
);
