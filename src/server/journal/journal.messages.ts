import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the journal grid: marks, attendance, period marks. */
export const messages = defineMessages(
  {
    journalLessonCancelled: 'Урок отменён: в него нельзя ставить отметки.',
    journalCourseArchived: 'Курс в архиве: его журнал можно только читать.',
    journalPeriodClosed:
      'Период закрыт для класса: изменения возможны только после его открытия заместителем директора или директором.',
    journalReasonRequired: 'Прошло больше {days} дн. после урока: укажите причину исправления.',
    journalConflict: 'Эту ячейку уже изменили: сейчас в ней «{current}». Проверьте и сохраните ещё раз.',
    journalConflictEmpty: 'Эту ячейку уже изменили: сейчас она пуста. Проверьте и сохраните ещё раз.',
    journalMarkInvalid: 'Такой отметки нет. Можно ввести: {allowed}.',
    journalPeriodMarkInvalid: 'Такой отметки за период нет. Можно поставить: {allowed}.',
    journalNotMarked: 'В этом классе отметки не ставят: ведётся только посещаемость.',
    journalWorkKindUnknown: 'Такого вида работы в школе нет.',
    journalNotMember: 'Ученик не был в группе в день урока.',
    journalNotMemberPeriod: 'Ученик не был в группе в этот период.',
    journalStudentTwice: 'Ученик указан в списке дважды.',
    journalPeriodNotForCourse: 'За этот период курсу нельзя ставить отметки.',
    journalCellRequired: 'Укажите ячейку.',
    journalNotTeacher: 'Журнал доступен учителям и руководству школы.',
    journalSystemActor: 'Система',
  },
  {
    journalLessonCancelled: 'The lesson is cancelled: no marks can be given in it.',
    journalCourseArchived: 'The course is archived: its journal can only be read.',
    journalPeriodClosed:
      'The period is closed for the class: changes are possible only after the deputy head or the director reopens it.',
    journalReasonRequired:
      'More than {days} days have passed since the lesson: give the reason for the correction.',
    journalConflict: 'Someone has changed this cell: it now holds «{current}». Check it and save again.',
    journalConflictEmpty: 'Someone has changed this cell: it is now empty. Check it and save again.',
    journalMarkInvalid: 'There is no such mark. You can type: {allowed}.',
    journalPeriodMarkInvalid: 'There is no such period mark. You can give: {allowed}.',
    journalNotMarked: 'This class gets no marks: only attendance is kept.',
    journalWorkKindUnknown: 'The school has no such kind of work.',
    journalNotMember: 'The student was not in the group on the day of the lesson.',
    journalNotMemberPeriod: 'The student was not in the group during this period.',
    journalStudentTwice: 'The student is listed twice.',
    journalPeriodNotForCourse: 'The course cannot be given marks for this period.',
    journalCellRequired: 'Say which cell.',
    journalNotTeacher: 'The journal is open to teachers and the school leadership.',
    journalSystemActor: 'System',
  },
);

/** Labels of the journal's input fields. */
export const fields = defineFields(
  {
    lessonId: 'Урок',
    studentId: 'Ученик',
    workKindId: 'Вид работы',
    value: 'Отметка',
    comment: 'Комментарий',
    version: 'Версия',
    editReason: 'Причина исправления',
    entries: 'Посещаемость',
    periodId: 'Период',
    kind: 'Вид записи',
    subjectId: 'Предмет',
    reason: 'Причина',
  },
  {
    lessonId: 'Lesson',
    studentId: 'Student',
    workKindId: 'Kind of work',
    value: 'Mark',
    comment: 'Comment',
    version: 'Version',
    editReason: 'Reason for the correction',
    entries: 'Attendance',
    periodId: 'Period',
    kind: 'Kind of entry',
    subjectId: 'Subject',
    reason: 'Reason',
  },
);
