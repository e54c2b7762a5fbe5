import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the imports pages. */
export const dictionary = defineDictionary(
  {
    'imports.title': 'Загрузка учеников и родителей',
    'imports.titleOf': 'Загрузка учеников и родителей: {className}',
    'imports.intro':
      'Заполните шаблон — одна строка на ученика, до двух родителей в строке — и выберите файл. Сначала вы увидите, что изменится; сохраняется файл только целиком и только без ошибок. Повторная загрузка того же файла ничего не меняет: ученики находятся по номеру личного дела.',
    'imports.templateXlsx': 'Скачать шаблон XLSX',
    'imports.templateCsv': 'Шаблон CSV',
    'imports.file': 'Файл CSV или XLSX',
    'imports.fileHint':
      'CSV в UTF-8 или Windows-1251 (как сохраняет Excel), разделитель «;» или «,»; до 5 МБ.',
    'imports.reading': 'Проверяем файл…',
    'imports.summary':
      'Новых: {create}. Изменится: {update}. Без изменений: {unchanged}. С ошибками: {errors}.',
    'imports.fixFirst':
      'Исправьте ошибки в файле и выберите его снова: пока есть ошибки, ничего не загружается.',
    'imports.problem': 'Строка {line}, «{column}»: {message}',
    'imports.unknownColumns': 'Эти столбцы не распознаны и не будут загружены: {columns}.',
    'imports.submit': 'Загрузить',
    'imports.saving': 'Загружаем…',
    'imports.done': 'Загружено. Новых учеников: {create}, изменено: {update}, без изменений: {unchanged}.',
    'imports.toClass': 'К списку класса',
    'imports.another': 'Загрузить другой файл',
    'imports.tableCaption': 'Строки файла',
    'imports.line': 'Строка',
    'imports.outcome': 'Итог',
    'imports.outcome.create': 'Новый',
    'imports.outcome.update': 'Изменится',
    'imports.outcome.unchanged': 'Без изменений',
    'imports.outcome.error': 'Ошибка',
    'imports.updated.create': 'Добавлен',
    'imports.updated.update': 'Изменён',
    'imports.notAllowed':
      'Загружать учеников в этот класс может его классный руководитель или администратор школы.',
    'imports.tooLarge': 'Файл больше 5 МБ. Разделите его на части.',
  },
  {
    'imports.title': 'Import students and parents',
    'imports.titleOf': 'Import students and parents: {className}',
    'imports.intro':
      'Fill in the template — one row per student, up to two parents per row — and choose the file. First you see what will change; the file is stored only as a whole and only without errors. Importing the same file again changes nothing: students are found by their personal file number.',
    'imports.templateXlsx': 'Download the XLSX template',
    'imports.templateCsv': 'CSV template',
    'imports.file': 'CSV or XLSX file',
    'imports.fileHint':
      'CSV in UTF-8 or Windows-1251 (as Excel saves it), separated by «;» or «,»; up to 5 MB.',
    'imports.reading': 'Checking the file…',
    'imports.summary': 'New: {create}. Will change: {update}. Unchanged: {unchanged}. With errors: {errors}.',
    'imports.fixFirst':
      'Fix the errors in the file and choose it again: nothing is imported while there are errors.',
    'imports.problem': 'Row {line}, «{column}»: {message}',
    'imports.unknownColumns': 'These columns are not recognised and will not be imported: {columns}.',
    'imports.submit': 'Import',
    'imports.saving': 'Importing…',
    'imports.done': 'Imported. New students: {create}, changed: {update}, unchanged: {unchanged}.',
    'imports.toClass': 'To the class list',
    'imports.another': 'Import another file',
    'imports.tableCaption': 'Rows of the file',
    'imports.line': 'Row',
    'imports.outcome': 'Outcome',
    'imports.outcome.create': 'New',
    'imports.outcome.update': 'Will change',
    'imports.outcome.unchanged': 'Unchanged',
    'imports.outcome.error': 'Error',
    'imports.updated.create': 'Added',
    'imports.updated.update': 'Changed',
    'imports.notAllowed':
      'Students can be imported into this class by its class teacher or the school administrator.',
    'imports.tooLarge': 'The file is larger than 5 MB. Split it into parts.',
  },
);
