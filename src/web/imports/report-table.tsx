import type { ImportReport, ImportRow } from '../../contract/imports.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';

const outcomeKeys: Record<ImportRow['outcome'], MessageKey> = {
  create: 'imports.outcome.create',
  update: 'imports.outcome.update',
  unchanged: 'imports.outcome.unchanged',
  error: 'imports.outcome.error',
};
const appliedKeys: Partial<Record<ImportRow['outcome'], MessageKey>> = {
  create: 'imports.updated.create',
  update: 'imports.updated.update',
};

/** The rows of the file as the server read them; a cell with a problem shows its message beside it. */
export function ReportTable({ report }: { report: ImportReport }) {
  const t = useT();
  // Only the columns the file fills (or that have a problem) are shown, so the table stays narrow.
  const shown = report.columns.filter((c) =>
    report.rows.some((r) => (r.values[c.key] ?? '') !== '' || r.errors.some((e) => e.column === c.key)),
  );
  return (
    // A scrolling table must be reachable by keyboard, so that its hidden columns can be scrolled to.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the wide table with the arrows
    <section className="table-box" aria-label={t('imports.tableCaption')} tabIndex={0}>
      <table className="imports-table">
        <caption>{t('imports.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.line')}</th>
            <th scope="col">{t('imports.outcome')}</th>
            {shown.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => {
            const key = (report.applied && appliedKeys[row.outcome]) || outcomeKeys[row.outcome];
            return (
              <tr key={row.line} className={row.outcome === 'error' ? 'imports-row-error' : undefined}>
                <th scope="row">{row.line}</th>
                <td className={`imports-outcome imports-outcome-${row.outcome}`}>{t(key)}</td>
                {shown.map((c) => {
                  const problem = row.errors.find((e) => e.column === c.key);
                  return (
                    <td key={c.key} className={problem ? 'imports-cell-error' : undefined}>
                      {row.values[c.key]}
                      {problem && <span className="imports-cell-message">{problem.message}</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
