import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the OneRoster import. */
export const messages = defineMessages(
  {
    rosterImportNotZip: 'Нужен архив ZIP с файлами OneRoster 1.2 CSV.',
    rosterImportUnreadable: 'Не удалось прочитать файл {file} как CSV в UTF-8.',
    rosterImportMissingFile: 'В архиве нет файла {file}.',
    rosterImportMissingColumn: 'В файле {file} нет столбца «{column}».',
    rosterImportRequired: 'Обязательное значение.',
    rosterImportDuplicate: 'Этот sourcedId уже есть в строке {line}.',
    rosterImportBadDate: 'Неверная дата «{value}»: нужно ГГГГ-ММ-ДД.',
    rosterImportBadValue: 'Недопустимое значение «{value}».',
    rosterImportUnknownRef: 'Нет записи «{id}» в {file}.',
    rosterImportNoYear: 'В academicSessions.csv нет учебного года (type schoolYear).',
    rosterImportWrongYear: 'Учебный год в academicSessions.csv — {found}, а выбран {expected}.',
    rosterImportOtherSchool: 'Запись относится к другой организации «{id}».',
    rosterImportBadClassCode: 'Не удалось понять класс «{value}»: нужны параллель и буква, например «5А».',
    rosterImportDuplicateClass: 'Класс {name} уже есть в строке {line}.',
    rosterImportNoTeacher:
      'У предмета нет учителя: в enrollments.csv нужна строка role teacher, primary true.',
    rosterImportNoGroup: 'Не удалось определить класс: в группе нет учеников из классов файла.',
    rosterImportNotStudent: 'Пользователь «{id}» не ученик.',
    rosterImportNotTeacher: 'Пользователь «{id}» не учитель.',
    rosterImportNotHomeroom: 'Ученика можно записать только в класс (homeroom) или на предмет (scheduled).',
    rosterImportFileNumberTaken: 'Номер личного дела «{value}» уже есть в строке {line}.',
    rosterImportBadHours: 'Нужно число часов в неделю от 0 до 40.',
    rosterImportNoRole: 'Роль «{role}» в Отметку не переносится; строка пропущена.',
    rosterImportNotImported:
      'Не загружается: виды работ, работы и оценки OneRoster в Отметку не переносятся.',
    rosterImportNotUsed: 'Файл не используется при загрузке.',
    rosterImportRowProblem: '{file}, строка {line}, «{column}»: {message}',
    rosterImportRejected: 'Файл не загружен, ничего не сохранено. Ошибки: {problems}.',
    rosterImportRejectedMore: '{problems} и ещё {more}',
    rosterImportUnsupportedMediaType: 'Отправьте архив ZIP (application/zip).',
  },
  {
    rosterImportNotZip: 'A ZIP archive of OneRoster 1.2 CSV files is needed.',
    rosterImportUnreadable: 'The file {file} could not be read as UTF-8 CSV.',
    rosterImportMissingFile: 'The archive has no file {file}.',
    rosterImportMissingColumn: 'The file {file} has no column «{column}».',
    rosterImportRequired: 'Required.',
    rosterImportDuplicate: 'This sourcedId is already used on row {line}.',
    rosterImportBadDate: 'Invalid date «{value}»: use YYYY-MM-DD.',
    rosterImportBadValue: 'Value «{value}» is not allowed.',
    rosterImportUnknownRef: 'No record «{id}» in {file}.',
    rosterImportNoYear: 'academicSessions.csv has no school year (type schoolYear).',
    rosterImportWrongYear: 'The school year in academicSessions.csv is {found}, but {expected} is chosen.',
    rosterImportOtherSchool: 'The record belongs to another organisation «{id}».',
    rosterImportBadClassCode:
      'Class «{value}» is not understood: a grade and a letter are needed, e.g. «5А».',
    rosterImportDuplicateClass: 'Class {name} is already on row {line}.',
    rosterImportNoTeacher:
      'The subject has no teacher: enrollments.csv needs a row with role teacher, primary true.',
    rosterImportNoGroup: 'The class could not be found: the group has no students of the file’s classes.',
    rosterImportNotStudent: 'User «{id}» is not a student.',
    rosterImportNotTeacher: 'User «{id}» is not a teacher.',
    rosterImportNotHomeroom: 'A student may only be enrolled in a homeroom or a scheduled class.',
    rosterImportFileNumberTaken: 'Personal file number «{value}» is already on row {line}.',
    rosterImportBadHours: 'Hours per week must be a number from 0 to 40.',
    rosterImportNoRole: 'Role «{role}» is not carried into Otmetka; the row is skipped.',
    rosterImportNotImported:
      'Not imported: OneRoster categories, line items and results are not carried into Otmetka.',
    rosterImportNotUsed: 'The file is not used by the import.',
    rosterImportRowProblem: '{file}, row {line}, «{column}»: {message}',
    rosterImportRejected: 'The file was not imported, nothing was saved. Problems: {problems}.',
    rosterImportRejectedMore: '{problems} and {more} more',
    rosterImportUnsupportedMediaType: 'Send a ZIP archive (application/zip).',
  },
);

/** Field labels of the OneRoster import (labels are shared by all modules: keep them neutral). */
export const fields = defineFields({}, {});
