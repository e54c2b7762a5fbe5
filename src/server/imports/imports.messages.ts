import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the imports module. */
export const messages = defineMessages(
  {
    importsRequired: 'Обязательное поле.',
    importsTooLong: 'Не длиннее {max} символов.',
    importsBadDate: 'Неверная дата: нужно ДД.ММ.ГГГГ.',
    importsBadSex: 'Укажите «м» или «ж».',
    importsBadPhone: 'Неверный номер телефона.',
    importsBadEmail: 'Неверный адрес электронной почты.',
    importsBadRelation: 'Укажите: мать, отец, опекун или другое.',
    importsControlCharacters: 'Содержит недопустимые управляющие символы.',
    importsDuplicateFileNumber: 'Этот номер личного дела уже есть в строке {line}.',
    importsFileNumberElsewhere: 'Обучающийся с этим номером личного дела числится в другом классе.',
    importsEmptyFile: 'В файле нет ни одной строки с учениками.',
    importsUnreadableXlsx: 'Не удалось прочитать файл как таблицу XLSX.',
    importsUnreadableCsv: 'Не удалось прочитать файл как CSV.',
    importsMissingColumn: 'В файле нет обязательного столбца «{column}».',
    importsTooManyRows: 'В файле больше {max} строк: разделите его на части.',
    importsRowProblem: 'строка {line}, «{column}»: {message}',
    importsRejected: 'Файл не загружен, ничего не сохранено. Ошибки: {problems}.',
    importsRejectedMore: '{problems} и ещё {more}',
    importsUnsupportedMediaType: 'Отправьте файл CSV или XLSX.',
  },
  {
    importsRequired: 'Required.',
    importsTooLong: 'At most {max} characters.',
    importsBadDate: 'Invalid date: use DD.MM.YYYY.',
    importsBadSex: 'Write «м» (male) or «ж» (female).',
    importsBadPhone: 'Invalid phone number.',
    importsBadEmail: 'Invalid e-mail address.',
    importsBadRelation: 'Write мать (mother), отец (father), опекун (guardian) or другое (other).',
    importsControlCharacters: 'Contains control characters that are not allowed.',
    importsDuplicateFileNumber: 'This personal file number is already used on row {line}.',
    importsFileNumberElsewhere: 'A student with this personal file number belongs to another class.',
    importsEmptyFile: 'The file has no student rows.',
    importsUnreadableXlsx: 'The file could not be read as an XLSX spreadsheet.',
    importsUnreadableCsv: 'The file could not be read as CSV.',
    importsMissingColumn: 'The file lacks the required column «{column}».',
    importsTooManyRows: 'The file has more than {max} rows: split it into parts.',
    importsRowProblem: 'row {line}, «{column}»: {message}',
    importsRejected: 'The file was not imported, nothing was stored. Errors: {problems}.',
    importsRejectedMore: '{problems} and {more} more',
    importsUnsupportedMediaType: 'Send a CSV or XLSX file.',
  },
);

/** Labels of the imports module's input fields. */
export const fields = defineFields(
  { filename: 'Имя файла', format: 'Формат файла', file: 'Файл' },
  { filename: 'File name', format: 'File format', file: 'File' },
);
