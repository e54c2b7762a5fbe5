import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the OneRoster import. */
export const dictionary = defineDictionary(
  {
    'rosterImport.title': 'Загрузка из OneRoster',
    'rosterImport.intro':
      'Загрузите архив ZIP в формате OneRoster 1.2 CSV: классы, предметы, учеников с номерами личных дел, учителей и сотрудников с ролями, родителей с детьми и зачисления с датами. Сначала Отметка проверит архив и покажет, что будет с каждой строкой; загрузка идёт целиком или не идёт совсем.',
    'rosterImport.notCarried':
      'Не загружаются: виды работ, работы и оценки (categories, lineItems, results) и периоды. Учётные записи не создаются: логины и пароли выдаются в разделе «Выдача доступа».',
    'rosterImport.yearFirst':
      'Учебный год должен уже быть в Отметке: создайте его в разделе «Учебный год и календарь», затем загрузите архив.',
    'rosterImport.year': 'Учебный год',
    'rosterImport.noYears':
      'В школе ещё нет учебного года. Создайте его в разделе «Учебный год и календарь».',
    'rosterImport.file': 'Архив OneRoster (ZIP)',
    'rosterImport.fileHint': 'Не больше 50 МБ. Внутри — manifest.csv и файлы CSV.',
    'rosterImport.tooLarge': 'Архив больше 50 МБ.',
    'rosterImport.check': 'Проверить',
    'rosterImport.checking': 'Проверяем…',
    'rosterImport.submit': 'Загрузить',
    'rosterImport.saving': 'Загружаем…',
    'rosterImport.summary':
      'Будет создано: {create}, найдено в Отметке: {match}, пропущено: {skip}, ошибок: {errors}.',
    'rosterImport.done': 'Загружено. Создано: {create}, найдено в Отметке: {match}, пропущено: {skip}.',
    'rosterImport.links': 'Связи родителей с детьми: новых {create}, уже были {match}.',
    'rosterImport.fixFirst':
      'Исправьте ошибки в архиве и проверьте его снова: с ошибками не загружается ничего.',
    'rosterImport.fileTotals': 'создать {create}, найдено {match}, пропустить {skip}, ошибок {errors}',
    'rosterImport.line': 'Строка',
    'rosterImport.record': 'Запись',
    'rosterImport.outcome': 'Что будет',
    'rosterImport.problems': 'Ошибки и примечания',
    'rosterImport.outcome.create': 'Создать',
    'rosterImport.outcome.match': 'Найдено',
    'rosterImport.outcome.skip': 'Пропустить',
    'rosterImport.outcome.error': 'Ошибка',
    'rosterImport.created': 'Создано',
    'rosterImport.notAllowed': 'Загружать OneRoster может только администратор школы.',
    'rosterImport.back': 'Обмен данными',
    'rosterImport.another': 'Загрузить другой архив',
  },
  {
    'rosterImport.title': 'Import from OneRoster',
    'rosterImport.intro':
      'Upload a OneRoster 1.2 CSV ZIP archive: classes, subjects, students with their personal file numbers, teachers and staff with their roles, parents with their children and enrollments with dates. Otmetka checks the archive first and shows what will happen to each row; the import is all or nothing.',
    'rosterImport.notCarried':
      'Not imported: categories, line items and results (work kinds, works and marks) and periods. No accounts are created: logins and passwords are issued under «Issuing access».',
    'rosterImport.yearFirst':
      'The school year must already exist in Otmetka: create it under «School year and calendar», then upload the archive.',
    'rosterImport.year': 'School year',
    'rosterImport.noYears': 'The school has no school year yet. Create one under «School year and calendar».',
    'rosterImport.file': 'OneRoster archive (ZIP)',
    'rosterImport.fileHint': 'At most 50 MB. Inside: manifest.csv and the CSV files.',
    'rosterImport.tooLarge': 'The archive is larger than 50 MB.',
    'rosterImport.check': 'Check',
    'rosterImport.checking': 'Checking…',
    'rosterImport.submit': 'Import',
    'rosterImport.saving': 'Importing…',
    'rosterImport.summary':
      'To create: {create}, found in Otmetka: {match}, skipped: {skip}, errors: {errors}.',
    'rosterImport.done': 'Imported. Created: {create}, found in Otmetka: {match}, skipped: {skip}.',
    'rosterImport.links': 'Parents linked to children: {create} new, {match} already there.',
    'rosterImport.fixFirst':
      'Fix the errors in the archive and check it again: with errors nothing is imported.',
    'rosterImport.fileTotals': 'create {create}, found {match}, skip {skip}, errors {errors}',
    'rosterImport.line': 'Row',
    'rosterImport.record': 'Record',
    'rosterImport.outcome': 'Outcome',
    'rosterImport.problems': 'Errors and notes',
    'rosterImport.outcome.create': 'Create',
    'rosterImport.outcome.match': 'Found',
    'rosterImport.outcome.skip': 'Skip',
    'rosterImport.outcome.error': 'Error',
    'rosterImport.created': 'Created',
    'rosterImport.notAllowed': 'Only the school administrator may import OneRoster.',
    'rosterImport.back': 'Data exchange',
    'rosterImport.another': 'Import another archive',
  },
);
