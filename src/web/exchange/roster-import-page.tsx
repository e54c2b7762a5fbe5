import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { Link } from 'wouter';
import type { z } from 'zod';
import type { yearList } from '../../contract/calendar.ts';
import type { RosterImportReport } from '../../contract/roster-import.ts';
import { apiGet } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import { ImportRefused, sendRawFile } from '../app/raw-file.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { RosterReport } from './roster-import-report.tsx';
import '../imports/imports.css';
import './roster-import.css';

/** The largest archive the server accepts. */
const maxBytes = 50 * 1024 * 1024;

const errorText = (error: unknown) =>
  error instanceof Error && !(error instanceof ImportRefused) ? error.message : null;

function send(yearId: number, file: File, csrf: string, step: 'preview' | 'import') {
  return sendRawFile<RosterImportReport>(`/api/exchange/oneroster/${step}?yearId=${yearId}`, file, csrf);
}

/** The OneRoster roster import: upload, preview, per-row report, all or nothing. */
export default function RosterImportPage({ me }: PageProps) {
  const t = useT();
  useDocumentTitle(t('rosterImport.title'));
  const fileId = useId();
  const allowed = me.abilities.includes('roster.exchange');
  const [file, setFile] = useState<File | null>(null);
  const [yearId, setYearId] = useState<number | null>(null);
  const years = useQuery({
    queryKey: ['exchange', 'years'],
    queryFn: () => apiGet<z.infer<typeof yearList>>('/api/calendar/years'),
    enabled: allowed,
  });
  const year = yearId ?? years.data?.years[0]?.id ?? null;
  const preview = useMutation({ mutationFn: (f: File) => send(year!, f, me.csrfToken, 'preview') });
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (f: File) => send(year!, f, me.csrfToken, 'import'),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const refused =
    save.error instanceof ImportRefused ? (save.error.report as unknown as RosterImportReport) : null;
  const report = save.data ?? refused ?? preview.data;
  const tooLarge = file !== null && file.size > maxBytes;
  const reset = () => {
    preview.reset();
    save.reset();
  };
  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    reset();
    setFile(event.target.files?.[0] ?? null);
  };
  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    reset();
    if (file && !tooLarge && year !== null) preview.mutate(file);
  };

  if (!allowed) {
    return (
      <section className="imports-page">
        <h1>{t('rosterImport.title')}</h1>
        <p>{t('rosterImport.notAllowed')}</p>
      </section>
    );
  }
  const done = save.data?.applied === true;
  const clean = report && report.totals.errors === 0 && report.fileErrors.length === 0;
  return (
    <section className="imports-page roster-import">
      <p>
        <Link href="/admin/exchange">{t('rosterImport.back')}</Link>
      </p>
      <h1>{t('rosterImport.title')}</h1>
      <p>{t('rosterImport.intro')}</p>
      <p className="alert alert-info">{t('rosterImport.notCarried')}</p>
      <p>{t('rosterImport.yearFirst')}</p>
      {years.data && years.data.years.length === 0 && <FormAlert message={t('rosterImport.noYears')} />}
      <FormAlert message={errorText(years.error)} />
      {!done && (
        <form onSubmit={onCheck} className="roster-import-form">
          {years.data && years.data.years.length > 0 && (
            <SelectField
              name="yearId"
              label={t('rosterImport.year')}
              value={String(year ?? '')}
              onChange={(e) => {
                reset();
                setYearId(Number(e.target.value));
              }}
              options={years.data.years.map((y) => ({ value: String(y.id), label: y.name }))}
            />
          )}
          <div className="field">
            <label htmlFor={fileId}>{t('rosterImport.file')}</label>
            <p className="field-hint" id={`${fileId}-hint`}>
              {t('rosterImport.fileHint')}
            </p>
            <input
              id={fileId}
              type="file"
              accept=".zip,application/zip"
              aria-describedby={`${fileId}-hint`}
              onChange={onChoose}
            />
          </div>
          {tooLarge && <FormAlert message={t('rosterImport.tooLarge')} />}
          <p className="imports-actions">
            <button
              type="submit"
              className="button"
              disabled={!file || tooLarge || year === null || preview.isPending}
              aria-busy={preview.isPending}
            >
              {preview.isPending ? t('rosterImport.checking') : t('rosterImport.check')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={!clean || !file || save.isPending || preview.data === undefined}
              aria-busy={save.isPending}
              onClick={() => file && save.mutate(file)}
            >
              {save.isPending ? t('rosterImport.saving') : t('rosterImport.submit')}
            </button>
          </p>
        </form>
      )}
      <FormAlert message={errorText(preview.error) ?? errorText(save.error)} />
      {save.error instanceof ImportRefused && <FormAlert message={save.error.message} />}
      {report && (
        <div className="imports-summary">
          {report.fileErrors.map((e) => (
            <FormAlert key={e} message={e} />
          ))}
          {done ? (
            <Notice message={t('rosterImport.done', { ...report.totals })} />
          ) : (
            <p role="status" className="imports-counts">
              {t('rosterImport.summary', { ...report.totals })}
            </p>
          )}
          <p>{t('rosterImport.links', { ...report.links })}</p>
          {!done && !clean && <p>{t('rosterImport.fixFirst')}</p>}
        </div>
      )}
      {done && (
        <p className="imports-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              reset();
              setFile(null);
            }}
          >
            {t('rosterImport.another')}
          </button>
        </p>
      )}
      {report && <RosterReport report={report} />}
    </section>
  );
}
