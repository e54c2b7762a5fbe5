import { useMutation, useQuery } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import type { ArchiveCheckResult, ArchiveClasses } from '../../contract/archive.ts';
import type { PrintJobView } from '../../contract/print.ts';
import { apiGet, apiPost } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import { sendRawFile } from '../app/raw-file.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';

const maxArchiveBytes = 200 * 1024 * 1024;

function errorText(error: unknown): string | null {
  return error instanceof Error ? error.message : null;
}

/** One class: «Сформировать архив», its progress while the job runs, then «Скачать». */
function ArchiveRow({ classId, className }: { classId: number; className: string }) {
  const t = useT();
  const start = useMutation({
    mutationFn: () => apiPost<{ id: number }>('/api/print-jobs', { kind: 'yearArchive', classId }),
  });
  const jobId = start.data?.id;
  const job = useQuery({
    queryKey: ['print-job', jobId],
    queryFn: () => apiGet<PrintJobView>(`/api/print-jobs/${jobId}`),
    enabled: jobId !== undefined,
    refetchInterval: (q) =>
      q.state.data?.status === 'done' || q.state.data?.status === 'failed' ? false : 1000,
  });
  const state = job.data;
  return (
    <li>
      <span>{className}</span>{' '}
      {state?.status === 'done' ? (
        <a href={`/api/print-jobs/${jobId}/file`} download>
          {t('archive.download')}
        </a>
      ) : (
        <button
          type="button"
          aria-label={t('archive.makeOf', { className })}
          disabled={start.isPending || (jobId !== undefined && state?.status !== 'failed')}
          onClick={() => start.mutate()}
        >
          {t('archive.make')}
        </button>
      )}{' '}
      <span role="status">
        {state?.status === 'queued' && t('archive.queued')}
        {state?.status === 'running' && t('archive.progress', { done: state.done, total: state.total })}
      </span>
      {state?.status === 'failed' && (
        <FormAlert message={t('archive.failed', { error: state.error ?? '' })} />
      )}
      <FormAlert message={errorText(start.error ?? job.error)} />
    </li>
  );
}

/** «Проверить архив»: an archive file sent to the server, the result file by file. */
function VerifyArchive({ csrfToken }: { csrfToken: string }) {
  const t = useT();
  const fileId = useId();
  const [tooLarge, setTooLarge] = useState(false);
  const check = useMutation({
    mutationFn: (file: File) => sendRawFile<ArchiveCheckResult>('/api/archive/verify', file, csrfToken),
  });
  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    check.reset();
    setTooLarge(file !== undefined && file.size > maxArchiveBytes);
    if (file && file.size <= maxArchiveBytes) check.mutate(file);
  };
  const result = check.data;
  return (
    <section aria-labelledby={`${fileId}-title`}>
      <h2 id={`${fileId}-title`}>{t('archive.verifyTitle')}</h2>
      <div className="field">
        <label htmlFor={fileId}>{t('archive.verifyFile')}</label>
        <input id={fileId} type="file" accept=".zip,application/zip" onChange={onChoose} />
      </div>
      {tooLarge && <FormAlert message={t('archive.verifyTooLarge')} />}
      {check.isPending && <p role="status">{t('archive.verifyChecking')}</p>}
      <FormAlert message={errorText(check.error)} />
      {result && (
        <div role="status">
          {result.archive && (
            <p>
              {t('archive.verifyOf', {
                className: result.archive.class,
                year: result.archive.academicYear,
                createdOn: formatDate(result.archive.createdOn),
              })}
            </p>
          )}
          <p>{result.ok ? t('archive.verifyOk') : t('archive.verifyBad')}</p>
          {result.files.length > 0 && (
            <ul>
              {result.files.map((f) => (
                <li key={f.name}>
                  {f.name}: {t(`archive.status.${f.status}`)}
                </li>
              ))}
            </ul>
          )}
          {!result.ok && (
            <ul>
              {result.problems.map((p) => (
                <li key={`${p.code}-${p.file ?? ''}`}>{p.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** The year archive of a class: PDFs, XLSX and a manifest of checksums in one file. */
export default function ArchivePage({ me }: PageProps) {
  const t = useT();
  useDocumentTitle(t('archive.title'));
  const [yearId, setYearId] = useState<number | undefined>(undefined);
  const allowed = me.abilities.includes('archive.export');
  const list = useQuery({
    queryKey: ['archive-classes', yearId ?? null],
    queryFn: () => apiGet<ArchiveClasses>(`/api/archive/classes${yearId ? `?yearId=${yearId}` : ''}`),
    enabled: allowed,
  });
  if (!allowed) return <h1>{t('archive.title')}</h1>;
  const data = list.data;
  return (
    <>
      <h1>{t('archive.title')}</h1>
      <p>{t('archive.intro')}</p>
      <p>{t('archive.keep')}</p>
      <FormAlert message={errorText(list.error)} />
      {data && (
        <>
          <SelectField
            name="yearId"
            label={t('archive.year')}
            value={String(data.yearId ?? '')}
            options={data.years.map((y) => ({ value: String(y.id), label: y.name }))}
            onChange={(e) => setYearId(Number(e.target.value))}
          />
          <h2>{t('archive.classes')}</h2>
          {data.classes.length === 0 ? (
            <p>{t('archive.noClasses')}</p>
          ) : (
            <ul className="archive-classes">
              {data.classes.map((c) => (
                <ArchiveRow key={c.id} classId={c.id} className={c.name} />
              ))}
            </ul>
          )}
        </>
      )}
      <VerifyArchive csrfToken={me.csrfToken} />
    </>
  );
}
