import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import type { ImportReport } from '../../contract/imports.ts';
import { ImportRefused, sendRawFile } from '../app/raw-file.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useT } from '../i18n/use-t.ts';
import { ReportTable } from '../imports/report-table.tsx';
import { errorMessage, lessonPaths, refreshLessons } from './lessons-api.ts';

/** The largest КТП file the page sends. */
const maxPlanFileBytes = 5 * 1024 * 1024;

/** The documented template (docs/KTP.md), served with its example rows. */
const templatePath = (format: 'xlsx' | 'csv') => `/api/journal/plan/template?format=${format}`;

/** Import of the КТП from a CSV or XLSX file: a preview with every row's problems, then saving. */
export function PlanImport({ courseId, csrfToken }: { courseId: number; csrfToken: string }) {
  const t = useT();
  const fileId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const [tooLarge, setTooLarge] = useState(false);
  const send = (f: File, commit: boolean) =>
    sendRawFile<ImportReport>(lessonPaths.planImport(courseId, f.name, commit, replace), f, csrfToken);
  const preview = useMutation({ mutationFn: (f: File) => send(f, false) });
  const save = useMutation({
    mutationFn: (f: File) => send(f, true),
    onSuccess: () => {
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      return refreshLessons();
    },
  });
  const refused = save.error instanceof ImportRefused ? save.error.report : null;
  const previewRefused = preview.error instanceof ImportRefused ? preview.error.report : null;
  const report = save.data ?? refused ?? preview.data ?? previewRefused ?? undefined;
  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    save.reset();
    preview.reset();
    setFile(chosen);
    setTooLarge(chosen !== null && chosen.size > maxPlanFileBytes);
    if (chosen && chosen.size <= maxPlanFileBytes) preview.mutate(chosen);
  };
  const blocked =
    !report || report.summary.errors > 0 || report.fileErrors.length > 0 || report.rows.length === 0;
  return (
    <details className="panel plan-tool">
      <summary>{t('lessons.importTitle')}</summary>
      <p>
        {t('lessons.importIntro')}{' '}
        <a href={templatePath('xlsx')} download>
          {t('lessons.importTemplate')}
        </a>{' '}
        <a href={templatePath('csv')} download>
          {t('lessons.importTemplateCsv')}
        </a>
      </p>
      <div className="field">
        <label htmlFor={fileId}>{t('lessons.importFile')}</label>
        <input
          ref={inputRef}
          id={fileId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={onChoose}
        />
      </div>
      <label className="lessons-check">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />{' '}
        {t('lessons.importReplace')}
      </label>
      {tooLarge && <FormAlert message={t('lessons.importTooLarge')} />}
      {preview.isPending && <p role="status">{t('lessons.importReading')}</p>}
      <FormAlert
        message={
          preview.error instanceof ImportRefused || save.error instanceof ImportRefused
            ? (preview.error ?? save.error)?.message
            : errorMessage(preview.error ?? save.error)
        }
      />
      {report?.fileErrors.map((e) => (
        <FormAlert key={e} message={e} />
      ))}
      {save.data?.applied && <Notice message={t('lessons.imported', { n: save.data.rows.length })} />}
      {report && !report.applied && (
        <>
          <p role="status">
            {t('lessons.importSummary', { n: report.summary.create, errors: report.summary.errors })}
          </p>
          <p>
            <button
              type="button"
              className="button button-primary"
              disabled={blocked || save.isPending || !file}
              onClick={() => file && save.mutate(file)}
            >
              {t('lessons.importSave')}
            </button>
          </p>
        </>
      )}
      {report && report.rows.length > 0 && <ReportTable report={report} />}
    </details>
  );
}
