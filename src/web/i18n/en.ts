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
import type { coreRu, MessageKey } from './ru.ts';

/** The shell's interface strings in English; the type makes a missing key a compile error. */
const coreEn: Record<keyof typeof coreRu, string> = {
  'lang.name': 'English',
  'app.name': 'Otmetka',
  'app.loading': 'Loading…',
  'app.loadFailed': 'Could not reach the server. Check the connection and try again.',
  'app.retry': 'Try again',
  'app.skipToContent': 'Skip to content',
  'error.network': 'No connection to the server. Check the connection and try again.',
  'error.unexpected': 'The server gave an unexpected answer. Please try again later.',
  'form.checkFields': 'Please check the fields marked below.',
  'validation.required': 'Please fill in this field.',
  'validation.tooShort': 'At least {min} characters.',
  'validation.mismatch': 'The passwords do not match.',
  'validation.loginFormat': 'Latin letters, digits, dot, dash and underscore only.',
  'login.title': 'Sign in to Otmetka',
  'login.login': 'Login',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.setupDone': 'The school has been created. Sign in with the administrator account.',
  'login.sessionExpired': 'Your session ended after a period of inactivity. Please sign in again.',
  'login.signedOut': 'You have signed out of Otmetka.',
  'setup.title': 'First-run setup',
  'setup.intro': 'Create the school and the account of its administrator. This is done once.',
  'setup.school': 'School',
  'setup.schoolName': 'Full name of the school',
  'setup.schoolShortName': 'Short name',
  'setup.admin': 'Administrator',
  'setup.lastName': 'Last name',
  'setup.firstName': 'First name',
  'setup.middleName': 'Patronymic (if any)',
  'setup.login': 'Administrator login',
  'setup.password': 'Password',
  'setup.passwordRepeat': 'Repeat the password',
  'setup.submit': 'Create the school',
  'password.title': 'Change password',
  'password.forcedIntro': 'This password is temporary. Choose your own to continue.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.repeat': 'Repeat the new password',
  'password.hint': 'At least 8 characters.',
  'password.submit': 'Change password',
  'password.done': 'The password has been changed.',
  'shell.menu': 'Menu',
  'shell.navigation': 'Sections',
  'shell.home': 'Home',
  'shell.logout': 'Sign out',
  'shell.changePassword': 'Change password',
  'role.admin': 'Administrator',
  'role.director': 'Principal',
  'role.deputy': 'Deputy principal',
  'role.teacher': 'Teacher',
  'role.classTeacher': 'Class teacher {classes}',
  'role.parent': 'Parent',
  'role.student': 'Student',
  'role.district': 'Education department',
  'home.roles': 'Your roles: {roles}.',
  'home.school': 'School: {school}.',
  'home.district': 'Education department: {district}.',
  'home.noRoles': 'Your account has no roles yet. Please contact the school administrator.',
  'home.noChildren': 'No children are linked to your account yet. Please contact the class teacher.',
  'nav.child': '{name}, class {className}',
  'nav.childName': '{name}',
  'section.today': 'Today',
  'section.journal': 'Journal',
  'section.plan': 'Lesson plan',
  'section.journals': 'Journals',
  'section.classMarks': 'Progress',
  'section.absences': 'Absences',
  'section.myClass': 'My class',
  'section.myClassNamed': 'My class {name}',
  'section.control': 'Control',
  'section.reports': 'Reports',
  'section.myReports': 'My figures',
  'section.remarks': 'Remarks',
  'section.periods': 'Closing periods',
  'section.diary': 'Diary',
  'section.marks': 'Marks',
  'section.messages': 'Messages',
  'section.absence': 'Report an absence',
  'section.notifications': 'Notifications',
  'section.mail': 'Mail and notifications',
  'section.acknowledgements': 'Diary acknowledgements',
  'section.firstSteps': 'First steps',
  'section.people': 'People and accounts',
  'section.credentials': 'Issuing access',
  'section.calendar': 'School year and calendar',
  'section.structure': 'Classes and subjects',
  'section.timetable': 'Timetable',
  'section.settings': 'Settings',
  'section.backups': 'Backups',
  'section.regulation': 'Journal regulation',
  'section.audit': 'Audit history check',
  'section.print': 'Printing',
  'section.archive': 'Journal archive',
  'section.exchange': 'Data exchange',
  'section.council': 'Council decisions',
  'section.schools': 'Schools',
  'placeholder.text': 'This section is being built: it will appear in one of the next versions.',
  'placeholder.back': 'Back to home',
  'notFound.title': 'Page not found',
  'notFound.text': 'There is no such address in Otmetka.',
};

/** Every interface string in English. */
export const en: Record<MessageKey, string> = {
  ...coreEn,
  ...firstSteps.en,
  ...calendar.en,
  ...structure.en,
  ...people.en,
  ...imports.en,
  ...credentials.en,
  ...timetable.en,
  ...security.en,
  ...support.en,
  ...help.en,
  ...twoFactor.en,
  ...district.en,
  ...journal.en,
  ...lessons.en,
  ...control.en,
  ...diary.en,
  ...messaging.en,
  ...notify.en,
  ...privacy.en,
  ...reports.en,
  ...results.en,
  ...hours.en,
  ...density.en,
  ...remarks.en,
  ...dashboard.en,
  ...keeping.en,
  ...print.en,
  ...council.en,
  ...archive.en,
  ...backups.en,
  ...regulation.en,
  ...audit.en,
  ...exchange.en,
  ...rosterImport.en,
  ...offline.en,
  ...pwa.en,
  ...lockScreen.en,
};
