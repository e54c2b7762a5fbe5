import { defineDictionary } from '../i18n/define.ts';

/**
 * Interface strings of «Часы учителей» and «Посещаемость». Long attendance column labels carry soft hyphens
 * (\u00ad) so narrow columns break them at a syllable.
 */
export const dictionary = defineDictionary(
  {
    'hours.tab': 'Часы учителей',
    'hours.table': 'Уроки учителей по месяцам: нажмите на строку, чтобы увидеть журналы',
    'hours.teacher': 'Учитель',
    'hours.month': 'Месяц',
    'hours.planned': 'По расписанию',
    'hours.held': 'Проведено',
    'hours.cancelled': 'Отменено',
    'hours.given': 'Замещал',
    'hours.received': 'Замещали',
    'hours.total': 'Итого',
    'hours.subject': 'Предмет',
    'hours.group': 'Класс / группа',
    'hours.substitution': 'замещение',
    'hours.courses': 'Журналы: {teacher}, {month}',
    'hours.showCourses': 'Показать журналы: {teacher}, {month}',
    'hours.chart': 'Проведено уроков по учителям',
    'hours.empty': 'За выбранные даты уроков нет: выберите другой период или даты.',
    'hours.close': 'Скрыть журналы',
    'hours.byCourse': 'По журналам',
    'attendance.tab': 'Посещаемость',
    'attendance.byClass': 'Пропуски уроков по классам',
    'attendance.byStudent': 'Пропуски по ученикам',
    'attendance.over': 'Пропустили более {threshold} % уроков месяца',
    'attendance.overNone': 'Нет учеников, пропустивших более {threshold} % уроков месяца.',
    'attendance.overMark': 'более {threshold} %',
    'attendance.class': 'Класс',
    'attendance.student': 'Ученик',
    'attendance.students': 'Учени\u00adков',
    'attendance.expected': 'Ученико-уроков',
    'attendance.lessons': 'Уроков',
    'attendance.illness': 'По болезни',
    'attendance.excused': 'Уважи\u00adтельная',
    'attendance.unexcused': 'Неуважи\u00adтельная',
    'attendance.none': 'Без причины',
    'attendance.absent': 'Пропу\u00adщено',
    'attendance.late': 'Опоз\u00adданий',
    'attendance.days': 'Дней',
    'attendance.mixed': 'Из них по разным причинам',
    'attendance.percent': 'Посеща\u00adемость',
    'attendance.month': 'Месяц',
    'attendance.missedPercent': 'Пропу\u00adщено, %',
    'attendance.chart': 'Посещаемость по классам, %',
    'attendance.noStudents': 'Пропусков и опозданий нет.',
  },
  {
    'hours.tab': 'Teachers’ hours',
    'hours.table': 'Teachers’ lessons by month: click a row to see the journals',
    'hours.teacher': 'Teacher',
    'hours.month': 'Month',
    'hours.planned': 'Timetabled',
    'hours.held': 'Held',
    'hours.cancelled': 'Cancelled',
    'hours.given': 'Substituted for others',
    'hours.received': 'Substituted by others',
    'hours.total': 'Total',
    'hours.subject': 'Subject',
    'hours.group': 'Class / group',
    'hours.substitution': 'substitution',
    'hours.courses': 'Journals: {teacher}, {month}',
    'hours.showCourses': 'Show the journals: {teacher}, {month}',
    'hours.chart': 'Lessons held by teacher',
    'hours.empty': 'No lessons in the chosen dates: choose another period or dates.',
    'hours.close': 'Hide the journals',
    'hours.byCourse': 'By journal',
    'attendance.tab': 'Attendance',
    'attendance.byClass': 'Missed lessons by class',
    'attendance.byStudent': 'Absences by student',
    'attendance.over': 'Missed over {threshold} % of a month’s lessons',
    'attendance.overNone': 'No student missed over {threshold} % of a month’s lessons.',
    'attendance.overMark': 'over {threshold} %',
    'attendance.class': 'Class',
    'attendance.student': 'Student',
    'attendance.students': 'Students',
    'attendance.expected': 'Student-lessons',
    'attendance.lessons': 'Lessons',
    'attendance.illness': 'Illness',
    'attendance.excused': 'Excused',
    'attendance.unexcused': 'Unexcused',
    'attendance.none': 'No reason',
    'attendance.absent': 'Missed',
    'attendance.late': 'Late',
    'attendance.days': 'Days',
    'attendance.mixed': 'Of them for mixed reasons',
    'attendance.percent': 'Attendance',
    'attendance.month': 'Month',
    'attendance.missedPercent': 'Missed, %',
    'attendance.chart': 'Attendance by class, %',
    'attendance.noStudents': 'No absences and no latenesses.',
  },
);

const months = {
  ru: [
    'Январь',
    'Февраль',
    'Март',
    'Апрель',
    'Май',
    'Июнь',
    'Июль',
    'Август',
    'Сентябрь',
    'Октябрь',
    'Ноябрь',
    'Декабрь',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

/** «Сентябрь 2026» of '2026-09'. */
export function monthLabel(month: string, lang: 'ru' | 'en'): string {
  return `${months[lang][Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** A percentage with one decimal as the language writes it: «58,8 %» in Russian, «58.8%» in English. */
export function percentText(value: number | null, lang: 'ru' | 'en'): string {
  if (value === null) return '—';
  const text = value.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return lang === 'ru' ? `${text} %` : `${text}%`;
}
