import type { Lang } from '../http/messages.ts';
import { type AssessmentsAnswer, computeAssessments } from './assessments.ts';
import type { ReportDefinition, ReportTable } from './report-definition.ts';
import { ruDate } from './report-format.ts';
import { monthNames } from './report-months.ts';

/** The months of the school year as the published schedule lists them: September to May. */
export const scheduleMonths = [9, 10, 11, 12, 1, 2, 3, 4, 5] as const;

const words = {
  ru: {
    title: 'График оценочных процедур',
    warnings: 'Нарушения рекомендаций',
    className: 'Класс',
    subject: 'Предмет',
    total: 'Всего',
    hours: 'Часов по плану',
    percent: '% от часов',
    kind: 'Нарушение',
    dates: 'Даты',
    sameDay: 'Больше одной оценочной процедуры в день',
    tooClose: 'Чаще одного раза в 2,5 недели',
    overShare: 'Больше 10% часов предмета',
    first: 'На первом уроке дня',
    last: 'На последнем уроке дня',
  },
  en: {
    title: 'Schedule of assessment procedures',
    warnings: 'Breaches of the recommendations',
    className: 'Class',
    subject: 'Subject',
    total: 'Total',
    hours: 'Hours planned',
    percent: '% of hours',
    kind: 'Breach',
    dates: 'Dates',
    sameDay: 'More than one procedure a day',
    tooClose: 'More often than once in 2.5 weeks',
    overShare: 'Over 10% of the subject’s hours',
    first: 'On the first lesson of the day',
    last: 'On the last lesson of the day',
  },
} as const;

/** The warning as words, in the language asked for. */
export function warningText(w: AssessmentsAnswer['warnings'][number], lang: Lang): string {
  const t = words[lang];
  if (w.kind === 'edgeLesson') return w.edge === 'last' ? t.last : t.first;
  if (w.kind === 'overShare') return `${t.overShare}: ${w.percent}%`;
  return t[w.kind];
}

/**
 * «График оценочных процедур» as schools publish it: a row per class and subject; a column per
 * month from September to May with the dates (ДД.ММ) of that month; «Всего» (the dates shown),
 * «Часов по плану» (the subject's lessons in the year) and «% от часов» (Всего of them). Then the
 * warnings, one a row.
 */
export function assessmentTables(answer: AssessmentsAnswer, lang: Lang): ReportTable[] {
  const t = words[lang];
  const monthKey = (m: number) => `m${m}`;
  const schedule: ReportTable = {
    title: `${t.title}: ${ruDate(answer.from)} – ${ruDate(answer.to)}`,
    columns: [
      { key: 'className', label: t.className },
      { key: 'subject', label: t.subject },
      ...scheduleMonths.map((m) => ({ key: monthKey(m), label: monthNames[lang][m - 1]! })),
      { key: 'total', label: t.total, kind: 'number' as const },
      { key: 'hours', label: t.hours, kind: 'number' as const },
      { key: 'percent', label: t.percent, kind: 'percent' as const },
    ],
    rows: answer.schedule.map((row) => {
      const dates = [...new Set(row.procedures.map((p) => p.date))].sort();
      const cells: Record<string, string | number | null> = {
        className: row.className,
        subject: row.subject,
      };
      for (const m of scheduleMonths)
        cells[monthKey(m)] = dates
          .filter((d) => Number(d.slice(5, 7)) === m)
          .map((d) => `${d.slice(8, 10)}.${d.slice(5, 7)}`)
          .join(', ');
      cells.total = dates.length;
      cells.hours = row.hours;
      cells.percent = row.hours > 0 ? Math.round((dates.length / row.hours) * 1000) / 10 : null;
      return cells;
    }),
  };
  const warnings: ReportTable = {
    title: t.warnings,
    columns: [
      { key: 'className', label: t.className },
      { key: 'subject', label: t.subject },
      { key: 'kind', label: t.kind },
      { key: 'dates', label: t.dates },
    ],
    rows: answer.warnings.map((w) => ({
      className: w.className,
      subject: w.subject,
      kind: warningText(w, lang),
      dates: w.dates.map(ruDate).join(', '),
    })),
  };
  return [schedule, warnings];
}

/** The export of the assessment procedures: the published schedule and the warnings. */
export const assessmentsReport: ReportDefinition<AssessmentsAnswer> = {
  name: 'assessments',
  title: { ru: 'График оценочных процедур', en: 'Schedule of assessment procedures' },
  compute: computeAssessments,
  tables: assessmentTables,
};
