import * as audit from '../audit/audit.messages.ts';
import * as sessionLock from '../auth/lock.messages.ts';
import * as twoFactor from '../auth/two-factor.messages.ts';
import * as backup from '../backup/backup.messages.ts';
import * as calendar from '../calendar/calendar.messages.ts';
import * as control from '../control/control.messages.ts';
import * as credentials from '../credentials/credentials.messages.ts';
import * as diary from '../diary/diary.messages.ts';
import * as district from '../district/district.messages.ts';
import * as rosterExport from '../exchange/roster-export.messages.ts';
import * as rosterImport from '../exchange/roster-import.messages.ts';
import * as imports from '../imports/imports.messages.ts';
import * as journal from '../journal/journal.messages.ts';
import * as sync from '../journal/sync.messages.ts';
import * as lessons from '../lessons/lessons.messages.ts';
import * as messaging from '../messages/messages.messages.ts';
import * as notify from '../notify/notify.messages.ts';
import * as people from '../people/people.messages.ts';
import * as archive from '../print/archive.messages.ts';
import * as council from '../print/council.messages.ts';
import * as paper from '../print/paper.messages.ts';
import * as printJobs from '../print/print-jobs.messages.ts';
import * as privacy from '../privacy/privacy.messages.ts';
import * as regulation from '../regulation/regulation.messages.ts';
import * as dashboard from '../reports/dashboard.messages.ts';
import * as keeping from '../reports/keeping.messages.ts';
import * as remarks from '../reports/remarks.messages.ts';
import * as reports from '../reports/reports.messages.ts';
import * as results from '../reports/results.messages.ts';
import * as structure from '../structure/structure.messages.ts';
import * as support from '../support/support.messages.ts';
import * as timetable from '../timetable/timetable.messages.ts';
import * as operations from './operations.messages.ts';

/** The modules that bring their own messages and field labels. */
const modules = [
  calendar,
  structure,
  people,
  imports,
  credentials,
  timetable,
  district,
  journal,
  sync,
  lessons,
  control,
  diary,
  notify,
  messaging,
  reports,
  keeping,
  results,
  remarks,
  dashboard,
  sessionLock,
  twoFactor,
  printJobs,
  paper,
  council,
  archive,
  rosterExport,
  rosterImport,
  backup,
  audit,
  operations,
  privacy,
  regulation,
  support,
];

/** The core messages in Russian; `{name}` marks a parameter. */
const coreRu = {
  notFound: 'Не найдено.',
  routeNotFound: 'Такого адреса нет.',
  forbidden: 'Недостаточно прав для этого действия.',
  unauthenticated: 'Войдите в систему.',
  sessionExpired: 'Сеанс завершён из-за бездействия. Войдите снова.',
  badCredentials: 'Неверный логин или пароль.',
  accountDisabled: 'Учётная запись отключена. Обратитесь к администратору школы.',
  locked: 'Слишком много неудачных попыток входа. Повторите через {minutes} мин.',
  passwordChangeRequired: 'Сначала смените временный пароль.',
  csrf: 'Запрос отклонён: обновите страницу и повторите.',
  validation: 'Проверьте поля: {fields}.',
  invalidJson: 'Тело запроса не является корректным JSON.',
  unsupportedMediaType: 'Данные нужно отправлять в формате JSON.',
  payloadTooLarge: 'Слишком большой запрос.',
  rateLimited: 'Слишком много запросов. Повторите чуть позже.',
  databaseUnavailable: 'База данных недоступна. Повторите попытку позже.',
  internal: 'Внутренняя ошибка сервера. Мы уже записали её; повторите попытку позже.',
  setupDone: 'Первоначальная настройка уже выполнена.',
  wrongCurrentPassword: 'Текущий пароль указан неверно.',
  passwordSameAsOld: 'Новый пароль должен отличаться от текущего.',
  weakPassword: 'Этот пароль слишком простой или часто встречается: придумайте другой.',
  loginTaken: 'Этот логин уже занят.',
  required: 'Обязательное поле.',
  tooLong: 'Не длиннее {max} символов.',
  tooShort: 'Не короче {min} символов.',
  tooSmall: 'Не меньше {min}.',
  tooBig: 'Не больше {max}.',
  greaterThan: 'Больше {min}.',
  lessThan: 'Меньше {max}.',
  controlCharacters: 'Содержит недопустимые управляющие символы.',
  badUrl: 'Неверный адрес запроса.',
  invalidFormat: 'Неверный формат.',
  invalidLogin: 'Только латинские буквы, цифры, точка, дефис и подчёркивание.',
  invalidType: 'Неверный тип значения.',
  invalidValue: 'Недопустимое значение.',
  unknownField: 'Неизвестное поле.',
} as const;

/** Every message the server says to people, in Russian. */
const ru = {
  ...coreRu,
  ...calendar.messages.ru,
  ...structure.messages.ru,
  ...people.messages.ru,
  ...imports.messages.ru,
  ...credentials.messages.ru,
  ...timetable.messages.ru,
  ...district.messages.ru,
  ...journal.messages.ru,
  ...sync.messages.ru,
  ...lessons.messages.ru,
  ...control.messages.ru,
  ...diary.messages.ru,
  ...notify.messages.ru,
  ...messaging.messages.ru,
  ...reports.messages.ru,
  ...printJobs.messages.ru,
  ...backup.messages.ru,
  ...audit.messages.ru,
  ...operations.messages.ru,
  ...privacy.messages.ru,
  ...regulation.messages.ru,
  ...support.messages.ru,
  ...paper.messages.ru,
  ...council.messages.ru,
  ...archive.messages.ru,
  ...rosterExport.messages.ru,
  ...rosterImport.messages.ru,
  ...keeping.messages.ru,
  ...results.messages.ru,
  ...remarks.messages.ru,
  ...dashboard.messages.ru,
  ...sessionLock.messages.ru,
  ...twoFactor.messages.ru,
};

/** A message key. */
export type MessageKey = keyof typeof ru;

const coreEn: Record<keyof typeof coreRu, string> = {
  notFound: 'Not found.',
  routeNotFound: 'There is no such address.',
  forbidden: 'You are not allowed to do this.',
  unauthenticated: 'Please sign in.',
  sessionExpired: 'Your session ended after a period of inactivity. Please sign in again.',
  badCredentials: 'Wrong login or password.',
  accountDisabled: 'This account is disabled. Please contact the school administrator.',
  locked: 'Too many failed sign-in attempts. Try again in {minutes} min.',
  passwordChangeRequired: 'Please change your temporary password first.',
  csrf: 'Request refused: reload the page and try again.',
  validation: 'Please check the fields: {fields}.',
  invalidJson: 'The request body is not valid JSON.',
  unsupportedMediaType: 'Data must be sent as JSON.',
  payloadTooLarge: 'The request is too large.',
  rateLimited: 'Too many requests. Please try again shortly.',
  databaseUnavailable: 'The database is unavailable. Please try again later.',
  internal: 'Internal server error. It has been logged; please try again later.',
  setupDone: 'The first-run setup has already been done.',
  wrongCurrentPassword: 'The current password is wrong.',
  passwordSameAsOld: 'The new password must differ from the current one.',
  weakPassword: 'This password is too simple or too common: choose another.',
  loginTaken: 'This login is already taken.',
  required: 'Required.',
  tooLong: 'At most {max} characters.',
  tooShort: 'At least {min} characters.',
  tooSmall: 'At least {min}.',
  tooBig: 'At most {max}.',
  greaterThan: 'Greater than {min}.',
  lessThan: 'Less than {max}.',
  controlCharacters: 'Contains control characters that are not allowed.',
  badUrl: 'Malformed request address.',
  invalidFormat: 'Invalid format.',
  invalidLogin: 'Latin letters, digits, dot, dash and underscore only.',
  invalidType: 'Wrong type of value.',
  invalidValue: 'Value not allowed.',
  unknownField: 'Unknown field.',
};

/** The English twin of every message. */
const en: Record<MessageKey, string> = {
  ...coreEn,
  ...calendar.messages.en,
  ...structure.messages.en,
  ...people.messages.en,
  ...imports.messages.en,
  ...credentials.messages.en,
  ...timetable.messages.en,
  ...district.messages.en,
  ...journal.messages.en,
  ...sync.messages.en,
  ...lessons.messages.en,
  ...control.messages.en,
  ...diary.messages.en,
  ...notify.messages.en,
  ...messaging.messages.en,
  ...reports.messages.en,
  ...printJobs.messages.en,
  ...backup.messages.en,
  ...audit.messages.en,
  ...operations.messages.en,
  ...privacy.messages.en,
  ...regulation.messages.en,
  ...support.messages.en,
  ...paper.messages.en,
  ...council.messages.en,
  ...archive.messages.en,
  ...rosterExport.messages.en,
  ...rosterImport.messages.en,
  ...keeping.messages.en,
  ...results.messages.en,
  ...remarks.messages.en,
  ...dashboard.messages.en,
  ...sessionLock.messages.en,
  ...twoFactor.messages.en,
};

/** Labels of input fields, used to name them in messages. */
const coreFieldLabels: Record<'ru' | 'en', Record<string, string>> = {
  ru: {
    login: 'Логин',
    password: 'Пароль',
    currentPassword: 'Текущий пароль',
    newPassword: 'Новый пароль',
    schoolName: 'Полное название школы',
    schoolShortName: 'Краткое название',
    lastName: 'Фамилия',
    firstName: 'Имя',
    middleName: 'Отчество',
    phone: 'Телефон',
    email: 'Электронная почта',
    id: 'Идентификатор',
    body: 'Тело запроса',
  },
  en: {
    login: 'Login',
    password: 'Password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    schoolName: 'School full name',
    schoolShortName: 'Short name',
    lastName: 'Last name',
    firstName: 'First name',
    middleName: 'Middle name',
    phone: 'Phone',
    email: 'E-mail',
    id: 'Identifier',
    body: 'Request body',
  },
};

const fieldLabels: Record<'ru' | 'en', Record<string, string>> = {
  ru: Object.assign({}, coreFieldLabels.ru, ...modules.map((m) => m.fields.ru)),
  en: Object.assign({}, coreFieldLabels.en, ...modules.map((m) => m.fields.en)),
};

/** A language the server speaks. */
export type Lang = 'ru' | 'en';

/** The language the client prefers of the two, by `Accept-Language` weights; Russian on a tie. */
export function langOf(acceptLanguage: string | undefined): Lang {
  let best: Lang = 'ru';
  let bestWeight = 0;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const lang = tag.startsWith('en') ? 'en' : tag.startsWith('ru') ? 'ru' : null;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (lang && (weight > bestWeight || (weight === bestWeight && lang === 'ru'))) {
      best = lang;
      bestWeight = weight;
    }
  }
  return best;
}

/** Renders a message in a language, filling `{name}` parameters. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text: string = lang === 'en' ? en[key] : ru[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/**
 * The human name of a field at a dotted path. An element of a list is named as its list
 * (`personIds.1` → the label of `personIds`); a field inside a list of objects by the label of its
 * own path (`groups.0.studentIds`), else of that path without the indices (`groups.studentIds`),
 * else of its own name (`studentIds`); failing all, by the nearest labelled field holding it. Only
 * a path with nothing labelled on it (a key the client made up) is named as sent.
 */
export function fieldLabel(lang: Lang, path: string): string {
  const labels = fieldLabels[lang];
  // A label of the exact path first: some lists name their elements («Параллель (1-я в списке)»).
  const exact = labels[path];
  if (exact !== undefined) return exact;
  const parts = path.split('.');
  const index = (part: string) => /^\d+$/.test(part);
  for (let end = parts.length; end > 0; end--) {
    const name = parts[end - 1]!;
    if (index(name)) continue;
    const prefix = parts.slice(0, end);
    const label =
      labels[prefix.join('.')] ?? labels[prefix.filter((part) => !index(part)).join('.')] ?? labels[name];
    if (label !== undefined) return label;
  }
  return path;
}

/** The fields at these paths named for a message: «label», «label», each label once. */
export function fieldNames(lang: Lang, paths: string[]): string {
  return [...new Set(paths.map((p) => fieldLabel(lang, p)))].map((label) => `«${label}»`).join(', ');
}
