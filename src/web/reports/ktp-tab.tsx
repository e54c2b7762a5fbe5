import { Link } from 'wouter';
import type { z } from 'zod';
import type { ktpAnswer } from '../../contract/report-density.ts';
import { ApiError } from '../app/api-error.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useT } from '../i18n/use-t.ts';
import { BarChart } from './bar-chart.tsx';
import { dateText } from './density.i18n.ts';
import { ExportLinks } from './export-links.tsx';
import { type Column, ReportTable } from './report-table.tsx';
import { useReport } from './reports-api.ts';
import type { TabProps } from './tabs.ts';
import './density.css';

type KtpAnswer = z.infer<typeof ktpAnswer>;
type Course = KtpAnswer['courses'][number];

/** «Выполнение КТП»: per journal the plan due by the date against the lessons held and ahead. */
export default function KtpTab({ filters }: TabProps) {
  const t = useT();
  const report = useReport<KtpAnswer>('ktp', filters);
  if (report.isPending) return <p>{t('reports.loading')}</p>;
  if (report.isError)
    return (
      <FormAlert
        message={report.error instanceof ApiError ? report.error.message : t('reports.loadFailed')}
      />
    );
  const data = report.data;
  const label = (c: Course) => `${c.className ?? c.group} ${c.subject}`;
  const columns: Column<Course>[] = [
    { key: 'class', label: t('density.class'), cell: (c) => c.className ?? c.group },
    {
      key: 'subject',
      label: t('density.subject'),
      cell: (c) => <Link href={`/journal/${c.courseId}`}>{c.subject}</Link>,
    },
    { key: 'group', label: t('density.group'), cell: (c) => c.group },
    { key: 'teacher', label: t('density.teacher'), cell: (c) => c.teacher },
    {
      key: 'planned',
      label: t('ktp.planned'),
      numeric: true,
      cell: (c) => (c.plannedHours === 0 ? t('ktp.noPlan') : c.plannedHours),
    },
    { key: 'toDate', label: t('ktp.plannedToDate'), numeric: true, cell: (c) => c.plannedToDate },
    { key: 'held', label: t('ktp.held'), numeric: true, cell: (c) => c.held },
    { key: 'withTopic', label: t('ktp.withTopic'), numeric: true, cell: (c) => c.heldWithTopic },
    {
      key: 'lag',
      label: t('ktp.lag'),
      numeric: true,
      cell: (c) => (c.lag > 0 ? <strong>{c.lag}</strong> : c.lag),
    },
    { key: 'remaining', label: t('ktp.remaining'), numeric: true, cell: (c) => c.remaining },
    { key: 'left', label: t('ktp.left'), numeric: true, cell: (c) => c.left },
    {
      key: 'catchUp',
      label: t('ktp.catchUp'),
      cell: (c) => (c.canCatchUp ? t('ktp.yes') : <strong>{t('ktp.no')}</strong>),
    },
  ];
  const behind = data.courses
    .filter((c) => c.lag > 0)
    .sort((a, b) => b.lag - a.lag)
    .slice(0, 15);
  return (
    <>
      <ReportTable
        caption={t('ktp.table', { until: dateText(data.until) })}
        columns={columns}
        rows={data.courses}
        rowKey={(c) => c.courseId}
        empty={t('ktp.empty')}
      />
      <BarChart title={t('ktp.chart')} bars={behind.map((c) => ({ label: label(c), value: c.lag }))} />
      <ExportLinks name="ktp" filters={filters} />
    </>
  );
}
