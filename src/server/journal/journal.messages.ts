import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the journal grid: marks, attendance, period marks. */
export const messages = defineMessages(
  {
    journalLessonCancelled: 'Урок отменён: в него нельзя ставить отметки.',
    journalPeriodClosed:
      'Период закрыт для класса: изменения возможны только после его открытия заместителем директора.',
    journalReasonRequired: 'Прошло больше {days} дн. после урока: укажите причину исправления.',
    journalConflict: 'Эту ячейку уже изменили: сейчас в ней «{current}». Проверьте и сохраните ещё раз.',
  },
  {
    journalLessonCancelled: 'The lesson is cancelled: no marks can be given in it.',
    journalPeriodClosed:
      'The period is closed for the class: changes are possible only after the deputy reopens it.',
    journalReasonRequired:
      'More than {days} days have passed since the lesson: give the reason for the correction.',
    journalConflict: 'Someone has changed this cell: it now holds «{current}». Check it and save again.',
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
