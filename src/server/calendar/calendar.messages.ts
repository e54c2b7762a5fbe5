import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the calendar module. */
export const messages = defineMessages(
  {
    calendarEndsBeforeStart: 'Окончание не может быть раньше начала.',
    calendarYearOverlap: 'Пересекается с другим учебным годом школы.',
    calendarOutsideYear: 'Дата должна быть внутри учебного года.',
    calendarPeriodOrder: 'Период должен начинаться после окончания предыдущего.',
    calendarPeriodCount: 'Неверное число периодов для этой системы.',
    calendarPeriodClosed: 'Период уже закрыт, его даты менять нельзя.',
    calendarTransferOneDay: 'Перенос рабочего дня — это один день: окончание совпадает с началом.',
    calendarTransferWeekday: 'Укажите, по расписанию какого дня недели (Пн–Сб) идёт этот день.',
    calendarWeekdayNotTransfer: 'День недели указывается только для переноса рабочего дня.',
    calendarBellEndsBeforeStart: 'Урок должен заканчиваться позже, чем начинается.',
    calendarBellOrder: 'Урок начинается раньше, чем заканчивается предыдущий.',
    calendarBellDuplicate: 'Этот номер урока уже есть в расписании звонков.',
    calendarWeekdayTaken: 'Этот день недели уже относится к другому расписанию звонков.',
    calendarNoSchool: 'У вас нет школы, для которой можно вести календарь.',
  },
  {
    calendarEndsBeforeStart: 'The end cannot be earlier than the start.',
    calendarYearOverlap: 'Overlaps another academic year of the school.',
    calendarOutsideYear: 'The date must lie within the academic year.',
    calendarPeriodOrder: 'A period must start after the previous one ends.',
    calendarPeriodCount: 'Wrong number of periods for this scheme.',
    calendarPeriodClosed: 'The period is closed; its dates cannot change.',
    calendarTransferOneDay: 'A working-day transfer is one day: the end equals the start.',
    calendarTransferWeekday: 'Name the weekday (Mon–Sat) whose timetable this day follows.',
    calendarWeekdayNotTransfer: 'A weekday is named only for a working-day transfer.',
    calendarBellEndsBeforeStart: 'A lesson must end after it starts.',
    calendarBellOrder: 'The lesson starts before the previous one ends.',
    calendarBellDuplicate: 'This lesson number is already in the bell schedule.',
    calendarWeekdayTaken: 'This weekday already belongs to another bell schedule.',
    calendarNoSchool: 'You have no school whose calendar you may keep.',
  },
);

const indexed = (count: number, make: (n: number) => [string, string][]) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => make(i)).flat());

/** Labels of the calendar module's input fields. */
export const fields = defineFields(
  {
    name: 'Название',
    startsOn: 'Дата начала',
    endsOn: 'Дата окончания',
    kind: 'Вид',
    grade: 'Параллель',
    grades: 'Параллели',
    asWeekday: 'По расписанию дня',
    weekdays: 'Дни недели',
    times: 'Звонки',
    periods: 'Периоды',
    yearId: 'Учебный год',
    scheme: 'Система периодов',
    ...indexed(11, (i) => [[`grades.${i}`, `Параллель (${i + 1}-я в списке)`]]),
    ...indexed(6, (i) => [[`weekdays.${i}`, `День недели (${i + 1}-й в списке)`]]),
    ...indexed(4, (i) => [
      [`periods.${i}.startsOn`, `Начало ${i + 1}-го периода`],
      [`periods.${i}.endsOn`, `Окончание ${i + 1}-го периода`],
    ]),
    ...indexed(13, (i) => [
      [`times.${i}.lessonNumber`, `Номер урока (строка ${i + 1})`],
      [`times.${i}.startsAt`, `Начало урока (строка ${i + 1})`],
      [`times.${i}.endsAt`, `Окончание урока (строка ${i + 1})`],
    ]),
  },
  {
    name: 'Name',
    startsOn: 'Start date',
    endsOn: 'End date',
    kind: 'Kind',
    grade: 'Grade',
    grades: 'Grades',
    asWeekday: 'Follows the timetable of',
    weekdays: 'Weekdays',
    times: 'Bells',
    periods: 'Periods',
    yearId: 'Academic year',
    scheme: 'Period scheme',
    ...indexed(11, (i) => [[`grades.${i}`, `Grade (item ${i + 1})`]]),
    ...indexed(6, (i) => [[`weekdays.${i}`, `Weekday (item ${i + 1})`]]),
    ...indexed(4, (i) => [
      [`periods.${i}.startsOn`, `Start of period ${i + 1}`],
      [`periods.${i}.endsOn`, `End of period ${i + 1}`],
    ]),
    ...indexed(13, (i) => [
      [`times.${i}.lessonNumber`, `Lesson number (row ${i + 1})`],
      [`times.${i}.startsAt`, `Lesson start (row ${i + 1})`],
      [`times.${i}.endsAt`, `Lesson end (row ${i + 1})`],
    ]),
  },
);
