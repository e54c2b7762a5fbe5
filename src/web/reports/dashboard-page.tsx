import { useLocation, useSearchParams } from 'wouter';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { type TrendBy, useDashboard } from './dashboard-api.ts';
import { OpenRemarks, WorstJournals } from './dashboard-sections.tsx';
import { ExportLinks } from './export-links.tsx';
import { FigureCards } from './figure-cards.tsx';
import { FilterBar } from './filter-bar.tsx';
import { HeatMap } from './heat-map.tsx';
import { filtersFrom, type ReportFilterValues, useReportFilters } from './reports-api.ts';
import './reports.css';
import './dashboard.css';

const errorText = (error: unknown, fallback: string) =>
  error instanceof ApiError ? error.message : fallback;

/**
 * «Контроль»: the school's four figures with their trends, the heat map of missing and late
 * entries, the worst-kept journals and the open remarks; the filters live in the address.
 */
export default function DashboardPage(_: PageProps) {
  const t = useT();
  const title = t('dashboard.title');
  useDocumentTitle(title);
  const [location] = useLocation();
  const prefix = location.startsWith('/director') ? '/director' : '/deputy';
  const [search, setSearch] = useSearchParams();
  const filters = filtersFrom(search);
  const by: TrendBy = search.get('by') === 'month' ? 'month' : 'week';
  const options = useReportFilters(filters.yearId);
  const dashboard = useDashboard(filters, by);
  const apply = (next: ReportFilterValues, nextBy: TrendBy = by) =>
    setSearch(() => {
      const out = new URLSearchParams();
      for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') out.set(k, String(v));
      if (nextBy === 'month') out.set('by', 'month');
      return out;
    });
  const data = dashboard.data;
  return (
    <section className="dashboard-page">
      <h1>{title}</h1>
      <FormAlert message={options.isError ? errorText(options.error, t('reports.loadFailed')) : undefined} />
      {options.data && <FilterBar options={options.data} filters={filters} onApply={(f) => apply(f)} />}
      <SelectField
        name="by"
        label={t('dashboard.trendBy')}
        value={by}
        onChange={(e) => apply(filters, e.target.value === 'month' ? 'month' : 'week')}
        options={[
          { value: 'week', label: t('dashboard.byWeek') },
          { value: 'month', label: t('dashboard.byMonth') },
        ]}
      />
      <FormAlert
        message={dashboard.isError ? errorText(dashboard.error, t('reports.loadFailed')) : undefined}
      />
      {dashboard.isPending && <p className="loading">{t('reports.loading')}</p>}
      {data && (
        <>
          <p>
            {t(data.whole ? 'dashboard.intro' : 'dashboard.introOwn', {
              from: formatDate(data.range.from),
              to: formatDate(data.range.to),
              by: t(by === 'week' ? 'dashboard.byWeek' : 'dashboard.byMonth'),
            })}
          </p>
          {options.data && options.data.courses.length === 0 && (
            <p className="report-empty">{t('dashboard.noCourses')}</p>
          )}
          <h2 className="visually-hidden">{t('dashboard.figures')}</h2>
          <FigureCards answer={data} filters={filters} prefix={prefix} />
          <WorstJournals worst={data.worst} filters={filters} prefix={prefix} />
          <OpenRemarks remarks={data.remarks} prefix={prefix} />
          <section className="dashboard-section" aria-labelledby="dashboard-heatmap">
            <h2 id="dashboard-heatmap">{t('dashboard.heatmap')}</h2>
            <HeatMap data={data.heatmap} reportsPath={`${prefix}/reports`} filters={filters} />
          </section>
          <ExportLinks name="dashboard" filters={filters} />
        </>
      )}
    </section>
  );
}
