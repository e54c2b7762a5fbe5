import { Link } from 'wouter';
import type { z } from 'zod';
import type { assessmentsAnswer } from '../../contract/report-density.ts';
import { ApiError } from '../app/api-error.ts';
import { FormAlert } from '../components/form-alert.tsx';
import type { TFunction } from '../i18n/use-t.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { BarChart } from './bar-chart.tsx';
import { dateText } from './density.i18n.ts';
import { ExportLinks } from './export-links.tsx';
import { percentText } from './hours.i18n.ts';
import { type Column, ReportTable } from './report-table.tsx';
import { useReport } from './reports-api.ts';
import type { TabProps } from './tabs.ts';
import './density.css';

type AssessmentsAnswer = z.infer<typeof assessmentsAnswer>;
type Row = AssessmentsAnswer['schedule'][number];
type Warning = AssessmentsAnswer['warnings'][number];

/** A warning as a sentence: class, subject, dates and what is wrong. */
function warningSentence(w: Warning, t: TFunction): string {
  const params = {
    class: w.className,
    subject: w.subject,
    date: dateText(w.dates[0] ?? ''),
    date2: dateText(w.dates[1] ?? ''),
    percent: String(w.percent ?? ''),
  };
  if (w.kind === 'edgeLesson') return t(w.edge === 'last' ? 'assess.last' : 'assess.first', params);
  return t(`assess.${w.kind}`, params);
}

/** «Оценочные процедуры»: the schedule per class and subject, and the breaches of the recommendations. */
export default function AssessmentsTab({ filters }: TabProps) {
  const t = useT();
  const lang = useLanguage();
  const report = useReport<AssessmentsAnswer>('assessments', filters);
  if (report.isPending) return <p>{t('reports.loading')}</p>;
  if (report.isError)
    return (
      <FormAlert
        message={report.error instanceof ApiError ? report.error.message : t('reports.loadFailed')}
      />
    );
  const data = report.data;
  const columns: Column<Row>[] = [
    { key: 'class', label: t('density.class'), cell: (r) => r.className },
    { key: 'subject', label: t('density.subject'), cell: (r) => r.subject },
    {
      key: 'dates',
      label: t('assess.dates'),
      cell: (r) =>
        r.procedures.map((p, i) => (
          <span key={p.lessonId}>
            {i > 0 && ', '}
            <Link href={`/lessons/${p.lessonId}`}>{dateText(p.date).slice(0, 5)}</Link>
            {p.planned && ` (${t('assess.planned')})`}
            {p.source === 'plan' && !p.planned && ` (${t('assess.byPlan')})`}
          </span>
        )),
    },
    { key: 'total', label: t('assess.total'), numeric: true, cell: (r) => r.yearTotal },
    { key: 'hours', label: t('assess.hours'), numeric: true, cell: (r) => r.hours },
    { key: 'percent', label: t('assess.percent'), numeric: true, cell: (r) => percentText(r.percent, lang) },
  ];
  const perClass = new Map<string, number>();
  for (const r of data.schedule)
    perClass.set(r.className, (perClass.get(r.className) ?? 0) + r.procedures.length);
  return (
    <>
      <ReportTable
        caption={t('assess.table', { from: dateText(data.from), to: dateText(data.to) })}
        columns={columns}
        rows={data.schedule}
        rowKey={(r) => `${r.classId}:${r.subjectId}`}
        empty={t('assess.empty')}
      />
      <section aria-labelledby="assess-warnings">
        <h2 id="assess-warnings">{t('assess.warnings')}</h2>
        {data.warnings.length === 0 ? (
          <p className="report-empty">{t('assess.noWarnings')}</p>
        ) : (
          <ul className="density-warnings">
            {data.warnings.map((w) => (
              <li key={`${w.kind}:${w.classId}:${w.subject}:${w.lessonIds.join(',')}`}>
                {warningSentence(w, t)}{' '}
                {w.lessonIds.map((id, i) => (
                  <span key={id}>
                    {i > 0 && ' · '}
                    <Link href={`/lessons/${id}`}>{t('assess.lesson')}</Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
      <BarChart title={t('assess.chart')} bars={[...perClass].map(([label, value]) => ({ label, value }))} />
      <ExportLinks name="assessments" filters={filters} />
    </>
  );
}
