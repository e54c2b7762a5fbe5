import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the control of the record: closing periods, absence reasons. */
export const messages = defineMessages(
  {
    controlAlreadyClosed: 'Период уже закрыт для этого класса.',
    controlNotClosed: 'Период для этого класса не закрыт: открывать нечего.',
    controlPeriodOtherYear: 'Период относится к другому учебному году, чем класс.',
    controlPeriodOtherScheme: 'Класс учится не по этим периодам: выберите период его схемы.',
    controlRangeOrder: 'Дата окончания раньше даты начала.',
    controlNotInClass: 'Этот ученик не учился в классе в эти дни.',
  },
  {
    controlAlreadyClosed: 'The period is already closed for this class.',
    controlNotClosed: 'The period is not closed for this class: there is nothing to reopen.',
    controlPeriodOtherYear: 'The period belongs to another academic year than the class.',
    controlPeriodOtherScheme: 'The class does not follow these periods: choose a period of its scheme.',
    controlRangeOrder: 'The end date is before the start date.',
    controlNotInClass: 'This student was not in the class on these days.',
  },
);

/** Labels of the control module's input fields (the same words as the journal's). */
export const fields = defineFields(
  { reason: 'Причина', periodId: 'Период', studentId: 'Ученик', lessonId: 'Урок' },
  { reason: 'Reason', periodId: 'Period', studentId: 'Student', lessonId: 'Lesson' },
);
