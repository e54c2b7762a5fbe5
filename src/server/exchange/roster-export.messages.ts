import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the OneRoster export and of the OneRoster CSV validator (the import shows them too). */
export const messages = defineMessages(
  {
    onerosterProblem: '{file}, строка {row}, столбец «{column}»: {message}',
    onerosterFileProblem: '{file}: {message}',
    onerosterUnreadableCsv: 'Файл не читается как CSV: ошибка в кавычках в записи {record}.',
    onerosterNoManifest: 'В архиве нет файла manifest.csv.',
    onerosterManifestHeader: 'Заголовок manifest.csv должен быть «propertyName,value».',
    onerosterManifestMissing: 'В manifest.csv нет свойства «{property}».',
    onerosterManifestValue: 'Свойство «{property}» должно быть {expected}, а указано «{value}».',
    onerosterManifestDuplicate: 'Свойство «{property}» указано в manifest.csv дважды.',
    onerosterFileMissing: 'В manifest.csv файл отмечен как {mode}, но в архиве его нет.',
    onerosterFileUndeclared: 'Файл есть в архиве, но в manifest.csv он отмечен как absent или не упомянут.',
    onerosterEmptyFile:
      'В файле нет ни одной строки данных (пустые файлы не допускаются: отметьте его absent).',
    onerosterHeaderWrong: 'Столбец {position} должен называться «{expected}», а называется «{actual}».',
    onerosterHeaderMissing: 'Не хватает столбца «{expected}» (столбец {position}).',
    onerosterHeaderExtra:
      'Лишний столбец «{actual}»: дополнительные столбцы называются «metadata.…» и идут после стандартных.',
    onerosterHeaderDuplicate: 'Столбец «{actual}» повторяется.',
    onerosterFieldCount: 'В строке {count} полей, а в заголовке {expected}.',
    onerosterRequired: 'Значение обязательно.',
    onerosterBadEnum: 'Недопустимое значение «{value}»; допустимы: {values}.',
    onerosterBadDate: 'Дата «{value}» должна быть в виде ГГГГ-ММ-ДД.',
    onerosterBadDatetime: 'Дата и время «{value}» должны быть в виде ГГГГ-ММ-ДДTчч:мм:сс.сссZ.',
    onerosterBadYear: 'Год «{value}» должен состоять из четырёх цифр.',
    onerosterBadBoolean: 'Значение «{value}» должно быть true или false.',
    onerosterBadNumber: 'Значение «{value}» должно быть числом (например 4 или 4.5).',
    onerosterDuplicateId: 'Идентификатор «{value}» уже есть в строке {row}.',
    onerosterUnknownRef: 'В файле {target} нет записи «{value}».',
    onerosterDatesReversed: 'Дата окончания раньше даты начала.',
    onerosterTooManyProblems: 'Ошибок больше {max}; показаны первые.',
  },
  {
    onerosterProblem: '{file}, row {row}, column «{column}»: {message}',
    onerosterFileProblem: '{file}: {message}',
    onerosterUnreadableCsv: 'The file cannot be read as CSV: broken quotes in record {record}.',
    onerosterNoManifest: 'The archive has no manifest.csv.',
    onerosterManifestHeader: 'The header of manifest.csv must be «propertyName,value».',
    onerosterManifestMissing: 'manifest.csv lacks the property «{property}».',
    onerosterManifestValue: 'The property «{property}» must be {expected}, not «{value}».',
    onerosterManifestDuplicate: 'The property «{property}» appears twice in manifest.csv.',
    onerosterFileMissing: 'manifest.csv marks the file as {mode}, but the archive does not hold it.',
    onerosterFileUndeclared:
      'The archive holds the file, but manifest.csv marks it absent or does not list it.',
    onerosterEmptyFile: 'The file has no data rows (empty files are not allowed: mark it absent).',
    onerosterHeaderWrong: 'Column {position} must be «{expected}», not «{actual}».',
    onerosterHeaderMissing: 'The column «{expected}» is missing (column {position}).',
    onerosterHeaderExtra:
      'Unexpected column «{actual}»: extension columns are named «metadata.…» and follow the standard ones.',
    onerosterHeaderDuplicate: 'The column «{actual}» appears twice.',
    onerosterFieldCount: 'The row has {count} fields, the header {expected}.',
    onerosterRequired: 'A value is required.',
    onerosterBadEnum: 'Invalid value «{value}»; allowed: {values}.',
    onerosterBadDate: 'The date «{value}» must be YYYY-MM-DD.',
    onerosterBadDatetime: 'The date and time «{value}» must be YYYY-MM-DDThh:mm:ss.sssZ.',
    onerosterBadYear: 'The year «{value}» must have four digits.',
    onerosterBadBoolean: 'The value «{value}» must be true or false.',
    onerosterBadNumber: 'The value «{value}» must be a number (such as 4 or 4.5).',
    onerosterDuplicateId: 'The identifier «{value}» is already used on row {row}.',
    onerosterUnknownRef: 'The file {target} has no record «{value}».',
    onerosterDatesReversed: 'The end date is before the start date.',
    onerosterTooManyProblems: 'More than {max} errors; the first ones are shown.',
  },
);

/** Field labels of the OneRoster export (labels are shared by all modules: keep them neutral). */
export const fields = defineFields({ yearId: 'Учебный год' }, { yearId: 'Academic year' });
