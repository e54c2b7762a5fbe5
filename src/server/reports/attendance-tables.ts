import type { AttendanceReport } from '../../contract/report-hours.ts';
import type { Lang } from '../http/messages.ts';
import type { ReportTable } from './report-definition.ts';
import { monthName } from './report-months.ts';

const labels = {
  ru: {
    byClass: 'Посещаемость по классам',
    byStudent: 'Пропуски по ученикам',
    over: 'Пропустили более 30 % уроков месяца',
    className: 'Класс',
    student: 'Ученик',
    students: 'Учеников',
    expected: 'Ученико-уроков',
    lessons: 'Уроков по расписанию',
    illness: 'По болезни',
    excused: 'По уважительной',
    unexcused: 'Без уважительной',
    none: 'Причина не указана',
    absent: 'Пропущено уроков',
    late: 'Опозданий',
    days: 'Пропущено дней',
    daysIllness: 'Дней по болезни',
    daysMixed: 'Дней по разным причинам',
    percent: 'Посещаемость, %',
    month: 'Месяц',
    missed: 'Пропущено',
    missedPercent: 'Пропущено, %',
  },
  en: {
    byClass: 'Attendance by class',
    byStudent: 'Absences by student',
    over: 'Missed over 30 % of a month’s lessons',
    className: 'Class',
    student: 'Student',
    students: 'Students',
    expected: 'Student-lessons',
    lessons: 'Lessons due',
    illness: 'Illness',
    excused: 'Excused',
    unexcused: 'Unexcused',
    none: 'No reason given',
    absent: 'Lessons missed',
    late: 'Late',
    days: 'Days missed',
    daysIllness: 'Days missed (illness)',
    daysMixed: 'Days missed (mixed reasons)',
    percent: 'Attendance, %',
    month: 'Month',
    missed: 'Missed',
    missedPercent: 'Missed, %',
  },
} as const;

/** The tables of the attendance export: per class, per student and the over-30 % list. */
export function attendanceTables(answer: AttendanceReport, lang: Lang): ReportTable[] {
  const l = labels[lang];
  const num = (key: string, label: string) => ({ key, label, kind: 'number' as const });
  const reasons = [
    num('illness', l.illness),
    num('excused', l.excused),
    num('unexcused', l.unexcused),
    num('none', l.none),
    num('absent', l.absent),
    num('late', l.late),
    num('days', l.days),
    num('daysIllness', l.daysIllness),
    num('daysMixed', l.daysMixed),
  ];
  type Row = Pick<AttendanceReport['classes'][number], 'absent' | 'late' | 'missedDays'>;
  const figures = (r: Row) => ({
    illness: r.absent.illness,
    excused: r.absent.excused,
    unexcused: r.absent.unexcused,
    none: r.absent.none,
    absent: r.absent.total,
    late: r.late,
    days: r.missedDays.total,
    daysIllness: r.missedDays.illness,
    daysMixed: r.missedDays.mixed,
  });
  return [
    {
      title: l.byClass,
      columns: [
        { key: 'className', label: l.className },
        num('students', l.students),
        num('expected', l.expected),
        ...reasons,
        { key: 'percent', label: l.percent, kind: 'percent' },
      ],
      rows: answer.classes.map((c) => ({
        className: c.className,
        students: c.students,
        expected: c.expected,
        ...figures(c),
        percent: c.attendancePercent,
      })),
    },
    {
      title: l.byStudent,
      columns: [
        { key: 'student', label: l.student },
        { key: 'className', label: l.className },
        num('expected', l.lessons),
        ...reasons,
      ],
      rows: answer.students.map((s) => ({
        student: s.name,
        className: s.className,
        expected: s.expected,
        ...figures(s),
      })),
    },
    {
      title: l.over,
      columns: [
        { key: 'student', label: l.student },
        { key: 'className', label: l.className },
        { key: 'month', label: l.month },
        num('expected', l.lessons),
        num('missed', l.missed),
        { key: 'percent', label: l.missedPercent, kind: 'percent' },
      ],
      rows: answer.over.map((o) => ({
        student: o.name,
        className: o.className,
        month: monthName(o.month, lang),
        expected: o.expected,
        missed: o.missed,
        percent: o.percent,
      })),
    },
  ];
}
