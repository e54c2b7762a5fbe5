import type { PrintClassView, PrintJobView } from '../../contract/print.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { journalXlsxHref, printFileHref, usePrintJob, useRecentPrints } from './print-api.ts';

/** The state of a print in words: queued, «Готово N из M», ready or failed. */
function stateText(t: ReturnType<typeof useT>, job: PrintJobView): string {
  if (job.status === 'done') return t('print.ready');
  if (job.status === 'failed') return t('print.failed');
  if (job.status === 'queued' || job.total === 0) return t('print.queued');
  return t('print.progress', { done: job.done, total: job.total });
}

/** The print just asked for: a progress bar while it runs, then «Скачать» or its error. */
export function JobProgress({ id }: { id: number }) {
  const t = useT();
  const { data: job, error } = usePrintJob(id);
  if (error) return <FormAlert message={error.message} />;
  if (!job) return <p role="status">{t('print.starting')}</p>;
  const total = Math.max(job.total, 1);
  const done = job.status === 'done' ? total : Math.min(job.done, total);
  return (
    <div className="print-job" aria-live="polite">
      {job.status !== 'failed' && (
        <div
          className="print-bar"
          role="progressbar"
          aria-label={t('print.progressLabel')}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={stateText(t, job)}
        >
          <div className="print-bar-fill" style={{ width: `${(100 * done) / total}%` }} />
        </div>
      )}
      <p className="print-state">{stateText(t, job)}</p>
      {job.status === 'done' && (
        <a className="button button-primary" href={printFileHref(job.id)} download>
          {t('print.download')}
        </a>
      )}
      {job.status === 'failed' && <FormAlert message={job.error} />}
    </div>
  );
}

/** My recent prints with their state and download links. */
export function RecentPrints() {
  const t = useT();
  const { data } = useRecentPrints();
  if (!data) return null;
  return (
    <section className="panel" aria-labelledby="print-recent">
      <h2 id="print-recent">{t('print.recent')}</h2>
      {data.jobs.length === 0 ? (
        <p>{t('print.recentNone')}</p>
      ) : (
        <ul className="print-recent">
          {data.jobs.map((job) => {
            const name = job.fileName ?? t(`print.kind.${job.kind}`);
            return (
              <li key={job.id}>
                <span>{name}</span>
                <span className="print-muted">
                  {formatDate(job.createdAt)} · {stateText(t, job)}
                </span>
                {job.status === 'done' && (
                  <a href={printFileHref(job.id)} download aria-label={t('print.downloadNamed', { name })}>
                    {t('print.download')}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Links to the documents made at once: XLSX journal; for the whole class the summary sheet, council, cards. */
export function OtherDocuments({
  cls,
  periodId,
  courseIds,
}: {
  cls: PrintClassView;
  periodId: number | null;
  courseIds: number[];
}) {
  const t = useT();
  const period = periodId === null ? `?yearId=${cls.academicYearId}` : `?periodId=${periodId}`;
  return (
    <section className="panel" aria-labelledby="print-other">
      <h2 id="print-other">{t('print.other')}</h2>
      <p className="print-links">
        <a href={journalXlsxHref(cls.id, periodId, cls.whole ? null : courseIds)} download>
          {t('print.journalXlsx')}
        </a>
        {cls.whole && (
          <>
            <a href={`/api/classes/${cls.id}/summary.pdf`} download>
              {t('print.summaryPdf')}
            </a>
            <a href={`/api/classes/${cls.id}/summary.xlsx`} download>
              {t('print.summaryXlsx')}
            </a>
            <a href={`/class/${cls.id}/council`}>{t('print.council')}</a>
          </>
        )}
      </p>
      {cls.whole && cls.students.length > 0 && (
        <>
          <h3>{t('print.students')}</h3>
          <ul className="print-students">
            {cls.students.map((s) => (
              <li key={s.id}>
                <span>{s.name}</span>
                <a
                  href={`/api/students/${s.id}/report-card?yearId=${cls.academicYearId}`}
                  download
                  aria-label={t('print.reportCardOf', { name: s.name })}
                >
                  {t('print.reportCard')}
                </a>
                <a
                  href={`/api/students/${s.id}/extract${period}`}
                  download
                  aria-label={t('print.extractOf', { name: s.name })}
                >
                  {t('print.extract')}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
