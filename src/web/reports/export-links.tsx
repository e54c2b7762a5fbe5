import { useT } from '../i18n/use-t.ts';
import { exportHref, type ReportFilterValues } from './reports-api.ts';

/** «Скачать XLSX» and «Скачать PDF» of a report for the chosen filters. */
export function ExportLinks({ name, filters }: { name: string; filters: ReportFilterValues }) {
  const t = useT();
  return (
    <p className="report-exports">
      <a href={exportHref(name, filters, 'xlsx')} download>
        {t('reports.exportXlsx')}
      </a>
      <a href={exportHref(name, filters, 'pdf')} download>
        {t('reports.exportPdf')}
      </a>
    </p>
  );
}
