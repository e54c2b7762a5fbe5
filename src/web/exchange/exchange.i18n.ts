import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the OneRoster export. */
export const dictionary = defineDictionary(
  {
    'exchange.title': 'Обмен данными (OneRoster)',
    'exchange.intro':
      'Выгрузка учебного года в формате OneRoster 1.2 CSV — для электронных библиотек, платформ и других систем, которые его принимают.',
    'exchange.year': 'Учебный год',
    'exchange.noYears': 'В школе ещё нет учебных годов.',
    'exchange.loadFailed': 'Не удалось загрузить учебные годы.',
    'exchange.download': 'Выгрузить OneRoster (ZIP)',
    'exchange.insideTitle': 'Что внутри архива',
    'exchange.inside.manifest': 'manifest.csv — версия формата и список файлов;',
    'exchange.inside.orgs': 'orgs.csv — школа (и район, если школа в районе);',
    'exchange.inside.sessions': 'academicSessions.csv — учебный год и его четверти, триместры или полугодия;',
    'exchange.inside.courses':
      'courses.csv — предметы по параллелям («Математика, 5 класс») и классные часы;',
    'exchange.inside.classes':
      'classes.csv — классы («5А») и журналы («Математика 5А», группы) с часами в неделю;',
    'exchange.inside.users':
      'users.csv и roles.csv — ученики, родители, учителя и администрация (без паролей);',
    'exchange.inside.enrollments':
      'enrollments.csv — кто в каком классе и журнале учится и кто ведёт, с датами;',
    'exchange.inside.marks':
      'categories.csv, lineItems.csv, results.csv — виды работ, работы по урокам и отметки (удалённые не выгружаются).',
    'exchange.importLink': 'Загрузить данные из OneRoster',
  },
  {
    'exchange.title': 'Data exchange (OneRoster)',
    'exchange.intro':
      'Export of a school year as OneRoster 1.2 CSV, for e-libraries, platforms and other systems that accept it.',
    'exchange.year': 'School year',
    'exchange.noYears': 'The school has no school years yet.',
    'exchange.loadFailed': 'The school years could not be loaded.',
    'exchange.download': 'Export OneRoster (ZIP)',
    'exchange.insideTitle': 'What the archive holds',
    'exchange.inside.manifest': 'manifest.csv: the format version and the list of files;',
    'exchange.inside.orgs': 'orgs.csv: the school (and its district, if any);',
    'exchange.inside.sessions':
      'academicSessions.csv: the school year and its quarters, trimesters or halves;',
    'exchange.inside.courses': 'courses.csv: subjects by grade («Математика, 5 класс») and homeroom courses;',
    'exchange.inside.classes':
      'classes.csv: classes («5А») and journals («Математика 5А», groups) with hours per week;',
    'exchange.inside.users': 'users.csv and roles.csv: students, parents, teachers and staff (no passwords);',
    'exchange.inside.enrollments':
      'enrollments.csv: who studies or teaches in which class and journal, with dates;',
    'exchange.inside.marks':
      'categories.csv, lineItems.csv, results.csv: work kinds, works by lesson and marks (deleted marks are left out).',
    'exchange.importLink': 'Import data from OneRoster',
  },
);
