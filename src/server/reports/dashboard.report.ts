import type { DashboardAnswer, FigureKey } from '../../contract/report-dashboard.ts';
import type { Lang } from '../http/messages.ts';
import { computeDashboard } from './dashboard.ts';
import type { ReportDefinition, ReportTable } from './report-definition.ts';

const labels = {
  ru: {
    figures: 'Показатели',
    trend: 'Динамика',
    qualityTrend: 'Качество знаний по периодам',
    worst: 'Хуже всего ведутся',
    figure: 'Показатель',
    value: 'Значение, %',
    part: 'Число',
    whole: 'Из',
    change: 'Изменение, п.п.',
    from: 'С',
    to: 'По',
    period: 'Период',
    className: 'Класс',
    subject: 'Предмет',
    group: 'Группа',
    teacher: 'Учитель',
    held: 'Проведено уроков',
    noTopic: 'Нет темы',
    noHomework: 'Нет домашнего задания',
    noAttendance: 'Посещаемость не отмечена',
    late: 'Внесено с опозданием',
    problems: 'Недочётов',
    score: 'Недочётов на урок',
    completeness: 'Полнота заполнения',
    timeliness: 'Своевременность',
    quality: 'Качество знаний',
    attendance: 'Посещаемость',
  },
  en: {
    figures: 'Figures',
    trend: 'Trend',
    qualityTrend: 'Quality of knowledge by term',
    worst: 'Worst kept',
    figure: 'Figure',
    value: 'Value, %',
    part: 'Count',
    whole: 'Of',
    change: 'Change, pp',
    from: 'From',
    to: 'To',
    period: 'Period',
    className: 'Class',
    subject: 'Subject',
    group: 'Group',
    teacher: 'Teacher',
    held: 'Lessons held',
    noTopic: 'No topic',
    noHomework: 'No homework',
    noAttendance: 'Attendance not taken',
    late: 'Entered late',
    problems: 'Problems',
    score: 'Problems per lesson',
    completeness: 'Completeness',
    timeliness: 'Timeliness',
    quality: 'Quality of knowledge',
    attendance: 'Attendance',
  },
} satisfies Record<Lang, Record<string, string>>;

const byDates: FigureKey[] = ['completeness', 'timeliness', 'attendance'];

/** The dashboard as export tables: the figures, their trend, the quality by term, the worst journals. */
export function dashboardTables(a: DashboardAnswer, lang: Lang): ReportTable[] {
  const l = labels[lang];
  const of = (key: FigureKey) => a.figures.find((f) => f.key === key)!;
  const weeks = of('completeness').trend;
  return [
    {
      title: l.figures,
      columns: [
        { key: 'figure', label: l.figure },
        { key: 'value', label: l.value, kind: 'percent' },
        { key: 'part', label: l.part, kind: 'number' },
        { key: 'whole', label: l.whole, kind: 'number' },
        { key: 'change', label: l.change, kind: 'number' },
      ],
      rows: a.figures.map((f) => ({
        figure: f.key === 'quality' && a.qualityPeriod ? `${l.quality} (${a.qualityPeriod.name})` : l[f.key],
        value: f.value,
        part: f.part,
        whole: f.whole,
        change: f.change,
      })),
    },
    {
      title: l.trend,
      columns: [
        { key: 'from', label: l.from, kind: 'date' },
        { key: 'to', label: l.to, kind: 'date' },
        ...byDates.map((key) => ({ key, label: `${l[key]}, %`, kind: 'percent' as const })),
      ],
      rows: weeks.map((w, i) => ({
        from: w.start,
        to: w.end,
        ...Object.fromEntries(byDates.map((key) => [key, of(key).trend[i]?.value ?? null])),
      })),
    },
    {
      title: l.qualityTrend,
      columns: [
        { key: 'period', label: l.period },
        { key: 'from', label: l.from, kind: 'date' },
        { key: 'to', label: l.to, kind: 'date' },
        { key: 'value', label: `${l.quality}, %`, kind: 'percent' },
      ],
      rows: of('quality').trend.map((p) => ({ period: p.label, from: p.start, to: p.end, value: p.value })),
    },
    {
      title: l.worst,
      columns: [
        { key: 'className', label: l.className },
        { key: 'subject', label: l.subject },
        { key: 'group', label: l.group },
        { key: 'teacher', label: l.teacher },
        { key: 'held', label: l.held, kind: 'number' },
        { key: 'noTopic', label: l.noTopic, kind: 'number' },
        { key: 'noHomework', label: l.noHomework, kind: 'number' },
        { key: 'noAttendance', label: l.noAttendance, kind: 'number' },
        { key: 'late', label: l.late, kind: 'number' },
        { key: 'problems', label: l.problems, kind: 'number' },
        { key: 'score', label: l.score, kind: 'number' },
      ],
      rows: a.worst.map((j) => ({
        className: j.className,
        subject: j.subject,
        group: j.group,
        teacher: j.teacher,
        held: j.held,
        noTopic: j.noTopic,
        noHomework: j.noHomework,
        noAttendance: j.noAttendance,
        late: j.problems - j.noTopic - j.noHomework - j.noAttendance,
        problems: j.problems,
        score: Math.round(j.score * 100) / 100,
      })),
    },
  ];
}

/** The control dashboard as a report: the figures with their trends and the worst-kept journals. */
export const dashboardReport: ReportDefinition<DashboardAnswer> = {
  name: 'dashboard',
  title: { ru: 'Панель контроля', en: 'Control dashboard' },
  compute: (ctx, scope) => computeDashboard(ctx.db, scope),
  tables: dashboardTables,
};
