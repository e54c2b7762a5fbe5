import { type KeyboardEvent, Suspense } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { FilterBar } from './filter-bar.tsx';
import { filtersFrom, type ReportFilterValues, useReportFilters } from './reports-api.ts';
import { reportTabs } from './tabs.ts';
import './reports.css';

/** «Отчёты»: the filters, the tabs of the control reports and the chosen tab's table and chart. */
export default function ReportsPage(_: PageProps) {
  const t = useT();
  const [location] = useLocation();
  // The teacher's page is «Мои показатели», as in the navigation.
  const title = t(location.startsWith('/teacher/') ? 'section.myReports' : 'reports.title');
  useDocumentTitle(title);
  const [search, setSearch] = useSearchParams();
  const filters = filtersFrom(search);
  const options = useReportFilters(filters.yearId);
  const tabId = search.get('tab') ?? reportTabs[0]?.id;
  const tab = reportTabs.find((x) => x.id === tabId) ?? reportTabs[0];
  const apply = (next: ReportFilterValues) =>
    setSearch((prev) => {
      const out = new URLSearchParams();
      const keep = prev.get('tab');
      if (keep) out.set('tab', keep);
      for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') out.set(k, String(v));
      return out;
    });
  const choose = (id: string) =>
    setSearch((prev) => {
      const out = new URLSearchParams(prev);
      out.set('tab', id);
      return out;
    });
  // The tabs pattern: ←/→ (Home/End) move to the neighbouring tab and open it; Tab goes on to the panel.
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tab ? reportTabs.indexOf(tab) : -1;
    const last = reportTabs.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: at === last ? 0 : at + 1,
      ArrowLeft: at <= 0 ? last : at - 1,
      Home: 0,
      End: last,
    };
    const to = moves[e.key];
    const next = to === undefined ? undefined : reportTabs[to];
    if (!next) return;
    e.preventDefault();
    choose(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <>
      <h1>{title}</h1>
      {options.isError && (
        <FormAlert
          message={options.error instanceof ApiError ? options.error.message : t('reports.loadFailed')}
        />
      )}
      {options.data && (
        <>
          <FilterBar options={options.data} filters={filters} onApply={apply} />
          <div role="tablist" aria-label={t('reports.tabs')} className="report-tabs" onKeyDown={onTabKey}>
            {reportTabs.map((x) => (
              <button
                key={x.id}
                type="button"
                role="tab"
                id={`tab-${x.id}`}
                aria-selected={x === tab}
                tabIndex={x === tab ? 0 : -1}
                aria-controls="report-panel"
                onClick={() => choose(x.id)}
              >
                {t(x.label)}
              </button>
            ))}
          </div>
          <section id="report-panel" role="tabpanel" aria-labelledby={tab ? `tab-${tab.id}` : undefined}>
            {tab ? (
              <Suspense fallback={<p>{t('reports.loading')}</p>}>
                <tab.component
                  filters={{ ...filters, yearId: filters.yearId ?? options.data.yearId }}
                  options={options.data}
                />
              </Suspense>
            ) : (
              <p>{t('reports.none')}</p>
            )}
          </section>
        </>
      )}
    </>
  );
}
