import { Link } from 'wouter';
import type { z } from 'zod';
import type { densityAnswer } from '../../contract/report-density.ts';
import { ApiError } from '../app/api-error.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { BarChart } from './bar-chart.tsx';
import { oneDecimal } from './dashboard-format.ts';
import { dateText } from './density.i18n.ts';
import { ExportLinks } from './export-links.tsx';
import { type Column, ReportTable } from './report-table.tsx';
import { useReport } from './reports-api.ts';
import type { TabProps } from './tabs.ts';
import './density.css';

type DensityAnswer = z.infer<typeof densityAnswer>;
type Course = DensityAnswer['courses'][number];
type Risk = Course['atRisk'][number] & { course: Course };

/** «Накопляемость оценок»: marks per student against the minimum, and the students at risk of «н/а». */
export default function DensityTab({ filters }: TabProps) {
  const t = useT();
  const lang = useLanguage();
  const report = useReport<DensityAnswer>('density', filters);
  if (report.isPending) return <p>{t('reports.loading')}</p>;
  if (report.isError)
    return (
      <FormAlert
        message={report.error instanceof ApiError ? report.error.message : t('reports.loadFailed')}
      />
    );
  const data = report.data;
  const place = (c: Course) => c.className ?? c.group;
  const journal = (c: Course) =>
    `/journal/${c.courseId}${filters.periodId === undefined ? '' : `?periodId=${filters.periodId}`}`;
  const columns: Column<Course>[] = [
    { key: 'class', label: t('density.class'), cell: place },
    { key: 'subject', label: t('density.subject'), cell: (c) => <Link href={journal(c)}>{c.subject}</Link> },
    { key: 'group', label: t('density.group'), cell: (c) => c.group },
    { key: 'teacher', label: t('density.teacher'), cell: (c) => c.teacher },
    { key: 'students', label: t('density.students'), numeric: true, cell: (c) => c.students },
    { key: 'held', label: t('density.held'), numeric: true, cell: (c) => c.held },
    {
      key: 'minimum',
      label: t('density.minimum'),
      numeric: true,
      cell: (c) => (c.minimum === c.minimumSoFar ? c.minimum : `${c.minimumSoFar} (${c.minimum})`),
    },
    { key: 'below', label: t('density.below'), numeric: true, cell: (c) => c.belowMinimum },
    {
      key: 'average',
      label: t('density.average'),
      numeric: true,
      cell: (c) => (c.averageMarks === null ? '—' : oneDecimal(c.averageMarks, lang)),
    },
    { key: 'atRisk', label: t('density.atRisk'), numeric: true, cell: (c) => c.atRisk.length },
  ];
  const risks: Risk[] = data.courses.flatMap((course) => course.atRisk.map((r) => ({ ...r, course })));
  const riskColumns: Column<Risk>[] = [
    { key: 'student', label: t('density.student'), cell: (r) => r.name },
    { key: 'class', label: t('density.class'), cell: (r) => place(r.course) },
    { key: 'subject', label: t('density.subject'), cell: (r) => r.course.subject },
    { key: 'marks', label: t('density.marks'), numeric: true, cell: (r) => r.marks },
    { key: 'missed', label: t('density.missed'), numeric: true, cell: (r) => `${r.missed} / ${r.held}` },
    {
      key: 'open',
      label: t('density.open'),
      cell: (r) => <Link href={journal(r.course)}>{t('density.open')}</Link>,
    },
  ];
  const byClass = new Map<string, { sum: number; n: number }>();
  for (const c of data.courses) {
    if (c.averageMarks === null) continue;
    const entry = byClass.get(place(c)) ?? { sum: 0, n: 0 };
    entry.sum += c.averageMarks;
    entry.n += 1;
    byClass.set(place(c), entry);
  }
  return (
    <>
      <p className="density-note">{t('density.rule', { perHour: data.minMarksPerQuarterHour })}</p>
      <ReportTable
        caption={t('density.table', { from: dateText(data.range.from), until: dateText(data.until) })}
        columns={columns}
        rows={data.courses}
        rowKey={(c) => c.courseId}
        empty={t('density.empty')}
      />
      <ReportTable
        caption={t('density.riskTable')}
        columns={riskColumns}
        rows={risks}
        rowKey={(r) => `${r.course.courseId}:${r.studentId}`}
        empty={t('density.noRisk')}
      />
      <BarChart
        title={t('density.chart')}
        bars={[...byClass].map(([label, v]) => {
          const value = Math.round((v.sum / v.n) * 10) / 10;
          return { label, value, text: oneDecimal(value, lang) };
        })}
      />
      <ExportLinks name="density" filters={filters} />
    </>
  );
}
