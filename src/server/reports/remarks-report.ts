import type { z } from 'zod';
import type { remarksReport as remarksReportSchema } from '../../contract/remarks.ts';
import { countByTeacher } from '../../domain/remarks.ts';
import { localDateTime } from '../../domain/timeliness.ts';
import type { Lang } from '../http/messages.ts';
import { publicRemark, readRemarks } from './remarks.queries.ts';
import type { ReportDefinition, ReportTable } from './report-definition.ts';
import { rangeOf } from './report-scope.ts';

/** The remarks report's answer. */
export type RemarksReport = z.infer<typeof remarksReportSchema>;

/** The school's day of a timestamp, YYYY-MM-DD: the export writes columns of kind 'date' as ДД.ММ.ГГГГ. */
const dayIn = (timeZone: string) => (iso: string | null) => (iso ? localDateTime(iso, timeZone).date : null);
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const words = {
  ru: {
    perTeacher: 'Замечания по учителям',
    list: 'Замечания',
    teacher: 'Учитель',
    total: 'Всего',
    open: 'Открыто',
    fixed: 'Исправлено',
    closed: 'Закрыто',
    createdAt: 'Дата',
    className: 'Класс',
    subject: 'Предмет',
    group: 'Группа',
    lesson: 'Урок',
    text: 'Замечание',
    author: 'Автор',
    status: 'Состояние',
    fixedAt: 'Исправлено',
    fixNote: 'Что сделано',
    closedAt: 'Закрыто',
    lessonOf: (date: string, n: number) => `${date}, ${n}-й урок`,
  },
  en: {
    perTeacher: 'Remarks by teacher',
    list: 'Remarks',
    teacher: 'Teacher',
    total: 'Total',
    open: 'Open',
    fixed: 'Fixed',
    closed: 'Closed',
    createdAt: 'Date',
    className: 'Class',
    subject: 'Subject',
    group: 'Group',
    lesson: 'Lesson',
    text: 'Remark',
    author: 'Author',
    status: 'Status',
    fixedAt: 'Fixed on',
    fixNote: 'What was done',
    closedAt: 'Closed on',
    lessonOf: (date: string, n: number) => `${date}, lesson ${n}`,
  },
} as const;

function tables(answer: RemarksReport, lang: Lang): ReportTable[] {
  const w = words[lang];
  const day = dayIn(answer.timeZone);
  return [
    {
      title: w.perTeacher,
      columns: [
        { key: 'teacher', label: w.teacher },
        { key: 'total', label: w.total, kind: 'number' },
        { key: 'open', label: w.open, kind: 'number' },
        { key: 'fixed', label: w.fixed, kind: 'number' },
        { key: 'closed', label: w.closed, kind: 'number' },
      ],
      rows: answer.byTeacher.map((t) => ({ ...t })),
    },
    {
      title: w.list,
      columns: [
        { key: 'createdAt', label: w.createdAt, kind: 'date' },
        { key: 'teacher', label: w.teacher },
        { key: 'className', label: w.className },
        { key: 'subject', label: w.subject },
        { key: 'group', label: w.group },
        { key: 'lesson', label: w.lesson },
        { key: 'text', label: w.text },
        { key: 'author', label: w.author },
        { key: 'status', label: w.status },
        { key: 'fixedAt', label: w.fixedAt, kind: 'date' },
        { key: 'fixNote', label: w.fixNote },
        { key: 'closedAt', label: w.closedAt, kind: 'date' },
      ],
      rows: answer.items.map((r) => ({
        createdAt: day(r.createdAt),
        teacher: r.teacher,
        className: r.className,
        subject: r.subject,
        group: r.group,
        lesson:
          r.lessonDate !== null && r.lessonNumber !== null
            ? w.lessonOf(ddmmyyyy(r.lessonDate), r.lessonNumber)
            : null,
        text: r.text,
        author: r.author,
        status: w[r.status],
        fixedAt: day(r.fixedAt),
        fixNote: r.fixNote,
        closedAt: day(r.closedAt),
      })),
    },
  ];
}

/**
 * «Замечания»: the remarks on the courses in the report's scope written within its dates (the day
 * of writing in the school's time zone), with counts per teacher of the course; a teacher sees
 * their own courses only.
 */
export const remarksReport: ReportDefinition<RemarksReport> = {
  name: 'remarks',
  title: { ru: 'Замечания по ведению журналов', en: 'Remarks on journal keeping' },
  async compute(ctx, scope) {
    const { timeZone } = scope.settings;
    const rows = await readRemarks(ctx.db, scope.schoolId, {
      courseIds: scope.courses.map((c) => c.id),
      from: scope.from,
      to: scope.to,
      timeZone,
    });
    const items = rows.map(publicRemark);
    return { range: rangeOf(scope), timeZone, byTeacher: countByTeacher(items), items };
  },
  tables,
};
