import type { RosterImportReport, RosterImportRow } from '../../contract/roster-import.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';

const outcomeKeys: Record<RosterImportRow['outcome'], MessageKey> = {
  create: 'rosterImport.outcome.create',
  match: 'rosterImport.outcome.match',
  skip: 'rosterImport.outcome.skip',
  error: 'rosterImport.outcome.error',
};

/** Rows shown per file; the rest are counted (errors come first, so none is hidden). */
const shownRows = 200;

type ReportFile = RosterImportReport['files'][number];

function FileSection({ file, applied }: { file: ReportFile; applied: boolean }) {
  const t = useT();
  const rows = file.rows.slice(0, shownRows);
  const headingId = `roster-file-${file.file.replace(/\W/g, '-')}`;
  return (
    <div className="roster-file">
      <h2 id={headingId}>
        {file.file}{' '}
        <span className="roster-file-totals">({t('rosterImport.fileTotals', { ...file.totals })})</span>
      </h2>
      {file.note && <p className="alert alert-info">{file.note}</p>}
      {rows.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the wide table with the arrows
        <section className="table-box" tabIndex={0} aria-labelledby={headingId}>
          <table className="imports-table">
            <thead>
              <tr>
                <th scope="col">{t('rosterImport.line')}</th>
                <th scope="col">sourcedId</th>
                <th scope="col">{t('rosterImport.record')}</th>
                <th scope="col">{t('rosterImport.outcome')}</th>
                <th scope="col">{t('rosterImport.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.line} className={row.outcome === 'error' ? 'imports-row-error' : undefined}>
                  <th scope="row">{row.line}</th>
                  <td>{row.sourcedId}</td>
                  <td>{row.label}</td>
                  <td className={`imports-outcome imports-outcome-${row.outcome}`}>
                    {applied && row.outcome === 'create'
                      ? t('rosterImport.created')
                      : t(outcomeKeys[row.outcome])}
                  </td>
                  <td className={row.errors.length ? 'imports-cell-error' : undefined}>
                    {row.errors.map((e) => (
                      <span key={e.column} className="imports-cell-message">
                        «{e.column}»: {e.message}
                      </span>
                    ))}
                    {row.note}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {file.rows.length > shownRows && <p>… +{file.rows.length - shownRows}</p>}
    </div>
  );
}

/** The report of a checked or imported archive: file by file, the rows with errors first. */
export function RosterReport({ report }: { report: RosterImportReport }) {
  return (
    <div className="roster-report">
      {report.files.map((f) => (
        <FileSection key={f.file} file={f} applied={report.applied} />
      ))}
    </div>
  );
}
