import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'wouter';
import type { DistrictReportAnswer } from '../../contract/results.ts';
import { apiGet } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { BarChart } from './bar-chart.tsx';
import { decimals, formatPercent, oneDecimal } from './dashboard-format.ts';
import { queryFrom, type School, type SortKey, sorted } from './district-table.ts';
import './reports.css';
import './results.css';

/** «Сводка по району»: every school of the district side by side, sortable by any figure; no student named. */
export default function DistrictPage(_: PageProps) {
  const t = useT();
  const lang = useLanguage();
  const title = t('districtReport.title');
  useDocumentTitle(title);
  const [search, setSearch] = useSearchParams();
  const query = queryFrom(search);
  const [year, setYear] = useState(search.get('year') ?? '');
  const [period, setPeriod] = useState(search.get('period') ?? '');
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'school', ascending: true });
  const report = useQuery({
    queryKey: ['reports', 'district', query],
    queryFn: () => apiGet<DistrictReportAnswer>(`/api/district/reports${query}`),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (year) next.set('year', year);
    if (period) next.set('period', period);
    setSearch(next);
  };
  const percent = (v: number | null) => formatPercent(v, lang);
  const columns: { key: SortKey; label: string; cell: (s: School) => string | number }[] = [
    { key: 'students', label: t('results.students'), cell: (s) => s.students },
    { key: 'successPct', label: t('results.success'), cell: (s) => percent(s.successPct) },
    { key: 'qualityPct', label: t('results.quality'), cell: (s) => percent(s.qualityPct) },
    { key: 'sou', label: t('results.sou'), cell: (s) => percent(s.sou) },
    {
      key: 'average',
      label: t('results.average'),
      cell: (s) => (s.average === null ? '—' : decimals(s.average, 2, lang)),
    },
    { key: 'provisional', label: t('results.provisional'), cell: (s) => s.provisional },
  ];
  const a = report.data;
  if (a?.available.keeping)
    columns.push(
      {
        key: 'completenessPct',
        label: t('districtReport.completeness'),
        cell: (s) => percent(s.completenessPct),
      },
      { key: 'timelinessPct', label: t('districtReport.timeliness'), cell: (s) => percent(s.timelinessPct) },
    );
  if (a?.available.attendance)
    columns.push({
      key: 'attendancePct',
      label: t('districtReport.attendance'),
      cell: (s) => percent(s.attendancePct),
    });
  const header = (key: SortKey, label: string, numeric: boolean) => {
    const active = sort.key === key;
    return (
      <th
        key={key}
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="sort"
          title={t('districtReport.sortBy', { column: label })}
          onClick={() =>
            setSort((s) => ({ key, ascending: s.key === key ? !s.ascending : key === 'school' }))
          }
        >
          {label}
          {active ? (sort.ascending ? ' ▲' : ' ▼') : ''}
        </button>
      </th>
    );
  };
  const periodOptions: { value: string; label: string }[] = [
    { value: '', label: t('districtReport.currentTerm') },
    ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('districtReport.term', { n }) })),
    { value: 'year', label: t('districtReport.wholeYear') },
  ];
  const exportHref = (format: 'xlsx' | 'pdf') =>
    `/api/district/reports/export${query ? `${query}&` : '?'}format=${format}`;
  return (
    <>
      <h1>{title}</h1>
      <p>{t('districtReport.note')}</p>
      <form className="report-filters" onSubmit={submit} aria-label={t('reports.filters')}>
        <Field
          name="year"
          label={t('districtReport.year')}
          inputMode="numeric"
          pattern="\d{4}"
          value={year}
          onChange={(e) => setYear(e.target.value)}
        />
        <SelectField
          name="period"
          label={t('districtReport.period')}
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          options={periodOptions}
        />
        <button type="submit" className="button button-primary">
          {t('reports.apply')}
        </button>
      </form>
      {report.isPending && <p>{t('reports.loading')}</p>}
      {report.isError && (
        <FormAlert
          message={report.error instanceof ApiError ? report.error.message : t('reports.loadFailed')}
        />
      )}
      {a && (
        <>
          <p className="report-exports">
            <a href={exportHref('xlsx')} download>
              {t('reports.exportXlsx')}
            </a>
            <a href={exportHref('pdf')} download>
              {t('reports.exportPdf')}
            </a>
          </p>
          {a.schools.length === 0 ? (
            <p className="report-empty">{t('districtReport.empty')}</p>
          ) : (
            <>
              <div className="report-table-wrap">
                <table className="report-table district-table">
                  <caption>{a.district}</caption>
                  <thead>
                    <tr>
                      {header('school', t('districtReport.school'), false)}
                      <th scope="col">{t('districtReport.period')}</th>
                      {columns.map((c) => header(c.key, c.label, true))}
                    </tr>
                  </thead>
                  <tbody>
                    {sorted(a.schools, sort.key, sort.ascending).map((s) => (
                      <tr key={s.schoolId}>
                        <th scope="row">{s.school}</th>
                        <td>{s.period ?? t('districtReport.noPeriod')}</td>
                        {columns.map((c) => (
                          <td key={c.key} className="num">
                            {c.cell(s)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <BarChart
                title={t('districtReport.chart')}
                max={100}
                bars={sorted(a.schools, 'qualityPct', false).map((s) => ({
                  label: s.school.length > 18 ? `${s.school.slice(0, 17)}…` : s.school,
                  value: s.qualityPct ?? 0,
                  text: s.qualityPct === null ? '—' : oneDecimal(s.qualityPct, lang),
                }))}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
