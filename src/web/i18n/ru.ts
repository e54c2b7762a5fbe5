import { dictionary as lockScreen } from '../app/lock-screen.i18n.ts';
import { dictionary as audit } from '../audit/audit.i18n.ts';
import { dictionary as backups } from '../backups/backups.i18n.ts';
import { dictionary as calendar } from '../calendar/calendar.i18n.ts';
import { dictionary as control } from '../control/control.i18n.ts';
import { dictionary as credentials } from '../credentials/credentials.i18n.ts';
import { dictionary as diary } from '../diary/diary.i18n.ts';
import { dictionary as district } from '../district/district.i18n.ts';
import { dictionary as exchange } from '../exchange/exchange.i18n.ts';
import { dictionary as rosterImport } from '../exchange/roster-import.i18n.ts';
import { dictionary as firstSteps } from '../first-steps/first-steps.i18n.ts';
import { dictionary as help } from '../help/help.i18n.ts';
import { dictionary as imports } from '../imports/imports.i18n.ts';
import { dictionary as journal } from '../journal/journal.i18n.ts';
import { dictionary as lessons } from '../lessons/lessons.i18n.ts';
import { dictionary as messaging } from '../messages/messages.i18n.ts';
import { dictionary as notify } from '../notify/notify.i18n.ts';
import { dictionary as offline } from '../offline/offline.i18n.ts';
import { dictionary as people } from '../people/people.i18n.ts';
import { dictionary as archive } from '../print/archive.i18n.ts';
import { dictionary as council } from '../print/council.i18n.ts';
import { dictionary as print } from '../print/print.i18n.ts';
import { dictionary as privacy } from '../privacy/privacy.i18n.ts';
import { dictionary as pwa } from '../pwa/pwa.i18n.ts';
import { dictionary as regulation } from '../regulation/regulation.i18n.ts';
import { dictionary as dashboard } from '../reports/dashboard.i18n.ts';
import { dictionary as density } from '../reports/density.i18n.ts';
import { dictionary as hours } from '../reports/hours.i18n.ts';
import { dictionary as keeping } from '../reports/keeping.i18n.ts';
import { dictionary as remarks } from '../reports/remarks.i18n.ts';
import { dictionary as reports } from '../reports/reports.i18n.ts';
import { dictionary as results } from '../reports/results.i18n.ts';
import { dictionary as security } from '../security/security.i18n.ts';
import { dictionary as twoFactor } from '../security/two-factor.i18n.ts';
import { dictionary as structure } from '../structure/structure.i18n.ts';
import { dictionary as support } from '../support/support.i18n.ts';
import { dictionary as timetable } from '../timetable/timetable.i18n.ts';

/** The shell's interface strings in Russian; `{name}` marks a parameter. */
export const coreRu = {
  'lang.name': 'Русский',
  'app.name': 'Отметка',
  'app.loading': 'Загрузка…',
  'app.loadFailed': 'Не удалось связаться с сервером. Проверьте подключение и повторите.',
  'app.retry': 'Повторить',
  'app.skipToContent': 'Перейти к содержимому',
  'error.network': 'Нет связи с сервером. Проверьте подключение и повторите.',
  'error.unexpected': 'Сервер ответил неожиданно. Повторите попытку позже.',
  'form.checkFields': 'Проверьте поля, отмеченные ниже.',
  'validation.required': 'Заполните это поле.',
  'validation.tooShort': 'Не короче {min} символов.',
  'validation.mismatch': 'Пароли не совпадают.',
  'validation.loginFormat': 'Только латинские буквы, цифры, точка, дефис и подчёркивание.',
  'login.title': 'Вход в Отметку',
  'login.login': 'Логин',
  'login.password': 'Пароль',
  'login.submit': 'Войти',
  'login.setupDone': 'Школа создана. Войдите под учётной записью администратора.',
  'login.sessionExpired': 'Сеанс завершён из-за бездействия. Войдите снова.',
  'login.signedOut': 'Вы вышли из Отметки.',
  'setup.title': 'Первоначальная настройка',
  'setup.intro': 'Создайте школу и учётную запись её администратора. Это делается один раз.',
  'setup.school': 'Школа',
  'setup.schoolName': 'Полное название школы',
  'setup.schoolShortName': 'Краткое название',
  'setup.admin': 'Администратор',
  'setup.lastName': 'Фамилия',
  'setup.firstName': 'Имя',
  'setup.middleName': 'Отчество (если есть)',
  'setup.login': 'Логин администратора',
  'setup.password': 'Пароль',
  'setup.passwordRepeat': 'Пароль ещё раз',
  'setup.submit': 'Создать школу',
  'password.title': 'Смена пароля',
  'password.forcedIntro': 'Этот пароль временный. Придумайте свой, чтобы продолжить работу.',
  'password.current': 'Текущий пароль',
  'password.new': 'Новый пароль',
  'password.repeat': 'Новый пароль ещё раз',
  'password.hint': 'Не короче 8 символов.',
  'password.submit': 'Сменить пароль',
  'password.done': 'Пароль изменён.',
  'shell.menu': 'Меню',
  'shell.navigation': 'Разделы',
  'shell.home': 'Главная',
  'shell.logout': 'Выйти',
  'shell.changePassword': 'Сменить пароль',
  'role.admin': 'Администратор',
  'role.director': 'Директор',
  'role.deputy': 'Заместитель директора',
  'role.teacher': 'Учитель',
  'role.classTeacher': 'Классный руководитель {classes}',
  'role.parent': 'Родитель',
  'role.student': 'Обучающийся',
  'role.district': 'Управление образования',
  'home.roles': 'Ваши роли: {roles}.',
  'home.school': 'Школа: {school}.',
  'home.district': 'Управление образования: {district}.',
  'home.noRoles': 'У вашей учётной записи пока нет ролей. Обратитесь к администратору школы.',
  'home.noChildren': 'К вашей учётной записи пока не привязаны дети. Обратитесь к классному руководителю.',
  'nav.child': '{name}, {className}',
  'nav.childName': '{name}',
  'section.today': 'Сегодня',
  'section.journal': 'Журнал',
  'section.plan': 'КТП',
  'section.journals': 'Журналы',
  'section.classMarks': 'Успеваемость',
  'section.absences': 'Пропуски',
  'section.myClass': 'Мой класс',
  'section.myClassNamed': 'Мой класс {name}',
  'section.control': 'Контроль',
  'section.reports': 'Отчёты',
  'section.myReports': 'Мои показатели',
  'section.remarks': 'Замечания',
  'section.periods': 'Закрытие периодов',
  'section.diary': 'Дневник',
  'section.marks': 'Оценки',
  'section.messages': 'Сообщения',
  'section.absence': 'Сообщить об отсутствии',
  'section.notifications': 'Уведомления',
  'section.mail': 'Почта и уведомления',
  'section.acknowledgements': 'Ознакомление с дневником',
  'section.firstSteps': 'Первые шаги',
  'section.people': 'Люди и доступы',
  'section.credentials': 'Выдача доступа',
  'section.calendar': 'Учебный год и календарь',
  'section.structure': 'Классы и предметы',
  'section.timetable': 'Расписание',
  'section.settings': 'Настройки',
  'section.backups': 'Резервные копии',
  'section.regulation': 'Положение о ведении журнала',
  'section.audit': 'Проверка журнала изменений',
  'section.print': 'Печать журнала',
  'section.archive': 'Архив журналов',
  'section.exchange': 'Обмен данными',
  'section.council': 'Решения педсовета',
  'section.schools': 'Школы',
  'placeholder.text': 'Раздел готовится: он появится в одной из следующих версий.',
  'placeholder.back': 'На главную',
  'notFound.title': 'Страница не найдена',
  'notFound.text': 'Такого адреса в Отметке нет.',
} as const satisfies Record<string, string>;

/** Every interface string in Russian, the default language: the shell's and each module's. */
export const ru = {
  ...coreRu,
  ...firstSteps.ru,
  ...calendar.ru,
  ...structure.ru,
  ...people.ru,
  ...imports.ru,
  ...credentials.ru,
  ...timetable.ru,
  ...security.ru,
  ...support.ru,
  ...help.ru,
  ...twoFactor.ru,
  ...district.ru,
  ...journal.ru,
  ...lessons.ru,
  ...control.ru,
  ...diary.ru,
  ...messaging.ru,
  ...notify.ru,
  ...privacy.ru,
  ...reports.ru,
  ...results.ru,
  ...hours.ru,
  ...density.ru,
  ...remarks.ru,
  ...dashboard.ru,
  ...keeping.ru,
  ...print.ru,
  ...council.ru,
  ...archive.ru,
  ...backups.ru,
  ...regulation.ru,
  ...audit.ru,
  ...exchange.ru,
  ...rosterImport.ru,
  ...offline.ru,
  ...pwa.ru,
  ...lockScreen.ru,
};

/** A key of the interface dictionary. */
export type MessageKey = keyof typeof ru;
