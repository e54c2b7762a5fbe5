import type { HeatmapAnswer, KeepingAnswer, KeepingEntry } from '../../contract/report-keeping.ts';
import type { Lang } from '../http/messages.ts';
import type { ReportTable } from './report-definition.ts';

/** 'YYYY-MM-DD' → ДД.ММ, a heat map column. */
function dayMonth(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}`;
}

const labels = {
  ru: {
    courses: 'Журналы',
    lessons: 'Уроки с недочётами',
    heatmap: 'Карта заполнения',
    className: 'Класс',
    subject: 'Предмет',
    group: 'Группа',
    teacher: 'Учитель',
    held: 'Проведено уроков',
    noTopic: 'Нет темы',
    noHomework: 'Нет домашнего задания',
    noAttendance: 'Посещаемость не отмечена',
    lateTopic: 'Тема с опозданием',
    lateHomework: 'Домашнее задание с опозданием',
    lateAttendance: 'Посещаемость с опозданием',
    lateMarks: 'Отметки за письменные работы с опозданием',
    problems: 'Недочётов',
    score: 'Недочётов на урок',
    total: 'Итого',
    date: 'Дата',
    lessonNumber: 'Урок №',
    missing: 'Не заполнено',
    late: 'С опозданием',
    missingLessons: 'Уроков с незаполненным',
    lateLessons: 'Уроков с опозданием',
    topic: 'тема',
    homework: 'домашнее задание',
    attendance: 'посещаемость',
    marks: 'отметки',
  },
  en: {
    courses: 'Journals',
    lessons: 'Lessons with problems',
    heatmap: 'Keeping heat map',
    className: 'Class',
    subject: 'Subject',
    group: 'Group',
    teacher: 'Teacher',
    held: 'Lessons held',
    noTopic: 'No topic',
    noHomework: 'No homework',
    noAttendance: 'Attendance not taken',
    lateTopic: 'Topic late',
    lateHomework: 'Homework late',
    lateAttendance: 'Attendance late',
    lateMarks: 'Written-work marks late',
    problems: 'Problems',
    score: 'Problems per lesson',
    total: 'Total',
    date: 'Date',
    lessonNumber: 'Lesson',
    missing: 'Missing',
    late: 'Late',
    missingLessons: 'Lessons with missing entries',
    lateLessons: 'Lessons with late entries',
    topic: 'topic',
    homework: 'homework',
    attendance: 'attendance',
    marks: 'marks',
  },
} satisfies Record<Lang, Record<string, string>>;

const countKeys = [
  'held',
  'noTopic',
  'noHomework',
  'noAttendance',
  'lateTopic',
  'lateHomework',
  'lateAttendance',
  'lateMarks',
  'problems',
] as const;

/** The tables of «Ведение журнала»: the journals with a total row, and the problem lessons. */
export function keepingTables(answer: KeepingAnswer, lang: Lang): ReportTable[] {
  const l = labels[lang];
  const words = (entries: KeepingEntry[]) => entries.map((e) => l[e]).join(', ');
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return [
    {
      title: l.courses,
      columns: [
        { key: 'className', label: l.className },
        { key: 'subject', label: l.subject },
        { key: 'group', label: l.group },
        { key: 'teacher', label: l.teacher },
        ...countKeys.map((key) => ({ key, label: l[key], kind: 'number' as const })),
        { key: 'score', label: l.score, kind: 'number' },
      ],
      rows: [
        ...answer.courses.map((c) => ({
          className: c.className ?? '',
          subject: c.subject,
          group: c.group,
          teacher: c.teacher,
          ...Object.fromEntries(countKeys.map((k) => [k, c[k]])),
          score: round2(c.score),
        })),
        {
          className: l.total,
          subject: '',
          group: '',
          teacher: '',
          ...Object.fromEntries(countKeys.map((k) => [k, answer.totals[k]])),
          score: round2(answer.totals.score),
        },
      ],
    },
    {
      title: l.lessons,
      columns: [
        { key: 'date', label: l.date, kind: 'date' },
        { key: 'lessonNumber', label: l.lessonNumber, kind: 'number' },
        { key: 'className', label: l.className },
        { key: 'subject', label: l.subject },
        { key: 'teacher', label: l.teacher },
        { key: 'missing', label: l.missing },
        { key: 'late', label: l.late },
        { key: 'lateMarks', label: l.lateMarks, kind: 'number' },
      ],
      rows: answer.lessons.map((x) => ({
        date: x.date,
        lessonNumber: x.lessonNumber,
        className: x.className ?? x.group,
        subject: x.subject,
        teacher: x.teacher,
        missing: words(x.missing),
        late: words(x.late),
        lateMarks: x.lateMarks,
      })),
    },
  ];
}

/** The heat map as a table: a teacher per row, a column per day «незаполненных / с опозданием». */
export function heatmapTables(answer: HeatmapAnswer, lang: Lang): ReportTable[] {
  const l = labels[lang];
  return [
    {
      title: l.heatmap,
      columns: [
        { key: 'teacher', label: l.teacher },
        ...answer.days.map((d) => ({ key: d, label: dayMonth(d) })),
        { key: 'held', label: l.held, kind: 'number' as const },
        { key: 'missing', label: l.missingLessons, kind: 'number' as const },
        { key: 'late', label: l.lateLessons, kind: 'number' as const },
      ],
      rows: answer.teachers.map((t) => ({
        teacher: t.teacher,
        ...Object.fromEntries(
          t.cells.map((c) => [c.date, c.held === 0 ? '' : `${c.missing} / ${c.late} (${c.held})`]),
        ),
        held: t.held,
        missing: t.missing,
        late: t.late,
      })),
    },
  ];
}
