import { useId, useState } from 'react';
import type { BackupDestination, BackupRunView, BackupStatusView } from '../../contract/backups.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { useBackupRun, useBackupStatus, useStartBackup } from './backups-api.ts';
import { formatAgo, formatKeep, formatMegabytes, formatMoment, formatSchedule } from './backups-format.ts';
import './backups.css';

function errorText(error: unknown): string | null {
  return error instanceof Error ? error.message : null;
}

/** When nothing is set: what to set and how to make a key, calmly. */
function SetupHelp() {
  const t = useT();
  const id = useId();
  const settings = [
    ['BACKUP_DIRS', t('backups.setupDirs')],
    ['BACKUP_KEY / BACKUP_KEY_FILE', t('backups.setupKey')],
    ['BACKUP_AT', t('backups.setupAt')],
    ['BACKUP_KEEP', t('backups.setupKeep')],
  ] as const;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('backups.setupTitle')}</h2>
      <p>{t('backups.setupIntro')}</p>
      <dl className="backups-settings">
        {settings.map(([name, text]) => (
          <div key={name}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <p>
        {t('backups.setupCommand')} <code>otmetka backup key</code>
      </p>
    </section>
  );
}

/** One destination: its last verified copy, or a clear red state when it is stale or failing. */
function DestinationCard({ destination: d }: { destination: BackupDestination }) {
  const t = useT();
  const bad = d.stale || d.lastError !== null;
  return (
    <li className={`panel backups-destination${bad ? ' backups-bad' : ''}`}>
      <h3>
        <code>{d.destination}</code>
      </h3>
      {d.lastGoodAt ? (
        <p>{t('backups.lastGood', { at: formatMoment(d.lastGoodAt), ago: formatAgo(t, d.lastGoodAt) })}</p>
      ) : (
        <p>{t('backups.noGood')}</p>
      )}
      {d.lastGoodFile && (
        <p className="backups-muted">{t('backups.lastGoodFile', { file: d.lastGoodFile })}</p>
      )}
      {d.stale && d.lastGoodAt && <p className="backups-alarm">{t('backups.stale')}</p>}
      {d.lastError && <p className="backups-alarm">{t('backups.lastError', { error: d.lastError })}</p>}
      {!bad && <p className="backups-fine">{t('backups.fine')}</p>}
    </li>
  );
}

/** «Создать копию сейчас» and, once pressed, the run followed every 2 s until it ends. */
function MakeBackup({ status }: { status: BackupStatusView }) {
  const t = useT();
  const start = useStartBackup();
  const [runId, setRunId] = useState<number | null>(null);
  const run = useBackupRun(runId);
  const going =
    start.isPending || run.data?.status === 'running' || status.runs.some((r) => r.status === 'running');
  const outcome = run.data;
  return (
    <div className="backups-make">
      <button
        type="button"
        className="button button-primary"
        disabled={!status.configured || going}
        onClick={() => start.mutate(undefined, { onSuccess: (data) => setRunId(data.runId) })}
      >
        {t('backups.makeNow')}
      </button>
      <div role="status" className="backups-outcome">
        {going && <p>{t('backups.making')}</p>}
        {outcome?.status === 'ok' && (
          <Notice message={t('backups.madeOk', { file: outcome.fileName ?? '' })} />
        )}
      </div>
      {outcome?.status === 'failed' && (
        <FormAlert message={t('backups.madeFailed', { error: outcome.error ?? '' })} />
      )}
      {outcome?.status === 'interrupted' && <FormAlert message={t('backups.interrupted')} />}
      <FormAlert message={errorText(start.error ?? run.error)} />
    </div>
  );
}

/** The runs, newest first: date, how started, status, size, rows, error. */
function RunsTable({ runs }: { runs: BackupRunView[] }) {
  const t = useT();
  const language = useLanguage();
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('backups.runsTitle')}</h2>
      {runs.length === 0 ? (
        <p>{t('backups.noRuns')}</p>
      ) : (
        <div className="table-box">
          <table className="data-table stack-on-phone backups-runs" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t('backups.colDate')}</th>
                <th scope="col">{t('backups.colTrigger')}</th>
                <th scope="col">{t('backups.colStatus')}</th>
                <th scope="col">{t('backups.colSize')}</th>
                <th scope="col">{t('backups.colRows')}</th>
                <th scope="col">{t('backups.colError')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr
                  key={r.id}
                  className={r.status === 'failed' || r.status === 'interrupted' ? 'backups-bad' : ''}
                >
                  <td>{formatMoment(r.startedAt)}</td>
                  <td data-label={t('backups.colTrigger')}>{t(`backups.trigger.${r.trigger}`)}</td>
                  <td data-label={t('backups.colStatus')}>{t(`backups.status.${r.status}`)}</td>
                  <td data-label={t('backups.colSize')}>
                    {r.bytes === null ? '—' : formatMegabytes(language, r.bytes)}
                  </td>
                  <td data-label={t('backups.colRows')}>
                    {r.rowCount === null ? '—' : r.rowCount.toLocaleString(language)}
                  </td>
                  <td className="backups-error">{r.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The state of backups per destination, the runs, and a backup on demand. */
export default function BackupsPage(_: PageProps) {
  const t = useT();
  const language = useLanguage();
  const scheduleId = useId();
  const destinationsId = useId();
  useDocumentTitle(t('backups.title'));
  // Asked whatever the person's abilities: a refusal (403) shows as the server's message.
  const status = useBackupStatus();
  const data = status.data;
  return (
    <div className="backups-page">
      <h1>{t('backups.title')}</h1>
      <p>{t('backups.intro')}</p>
      <FormAlert message={errorText(status.error)} />
      {data && data.problems.length > 0 && (
        <div className="alert alert-warning">
          <p>{t('backups.problems')}</p>
          <ul>
            {data.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {data && !data.configured && <SetupHelp />}
      {data?.configured && (
        <>
          <section aria-labelledby={scheduleId}>
            <h2 id={scheduleId}>{t('backups.scheduleTitle')}</h2>
            <p>{data.schedule ? formatSchedule(t, data.schedule) : t('backups.scheduleOff')}</p>
            <p>{t('backups.keep', { keep: formatKeep(t, language, data.keep) })}</p>
            <MakeBackup status={data} />
          </section>
          <section aria-labelledby={destinationsId}>
            <h2 id={destinationsId}>{t('backups.destinationsTitle')}</h2>
            <ul className="backups-destinations">
              {data.destinations.map((d) => (
                <DestinationCard key={d.destination} destination={d} />
              ))}
            </ul>
          </section>
        </>
      )}
      {data && (data.configured || data.runs.length > 0) && <RunsTable runs={data.runs} />}
    </div>
  );
}
