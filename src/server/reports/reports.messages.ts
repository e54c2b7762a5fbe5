import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages common to the control reports. */
export const messages = defineMessages(
  {
    reportsRangeOrder: 'Дата окончания раньше даты начала.',
    reportsNoYear: 'В школе ещё нет учебного года: отчётам не за что браться.',
    reportsUnknown: 'Такого отчёта нет.',
  },
  {
    reportsRangeOrder: 'The end date is before the start date.',
    reportsNoYear: 'The school has no academic year yet: there is nothing to report on.',
    reportsUnknown: 'There is no such report.',
  },
);

/** Labels of the report filters. */
export const fields = defineFields(
  {
    yearId: 'Учебный год',
    periodId: 'Период',
    from: 'С',
    to: 'По',
    classId: 'Класс',
    teacherId: 'Учитель',
    subjectId: 'Предмет',
    report: 'Отчёт',
  },
  {
    yearId: 'Academic year',
    periodId: 'Period',
    from: 'From',
    to: 'To',
    classId: 'Class',
    teacherId: 'Teacher',
    subjectId: 'Subject',
    report: 'Report',
  },
);
