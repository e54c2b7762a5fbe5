import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of report cards, extracts and XLSX exports. */
export const messages = defineMessages(
  {
    paperNoSuchYear: 'Такого учебного года нет в школе ученика: выберите год из списка.',
    paperNoSuchPeriod: 'Такого периода нет в школе ученика: выберите период из списка.',
    paperNotInClass: 'В этот учебный год ученик не учился ни в одном классе школы.',
    paperRangeNeeded: 'Укажите период или даты «с» и «по».',
    paperRangeOrder: 'Дата «по» раньше даты «с»: проверьте даты.',
    paperRangeTooLong: 'Выписка — не длиннее одного года.',
  },
  {
    paperNoSuchYear: "There is no such academic year in the student's school: choose one from the list.",
    paperNoSuchPeriod: "There is no such period in the student's school: choose one from the list.",
    paperNotInClass: "The student was in none of the school's classes that academic year.",
    paperRangeNeeded: 'Give a period, or the dates from and to.',
    paperRangeOrder: 'The "to" date is before the "from" date: check the dates.',
    paperRangeTooLong: 'An extract covers at most one year.',
  },
);

/** Field labels of report cards, extracts and XLSX exports (labels are shared by all modules: keep them neutral). */
export const fields = defineFields({ courseIds: 'Журналы' }, { courseIds: 'Journals' });
