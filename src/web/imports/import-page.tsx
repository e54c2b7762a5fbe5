import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { ImportReport } from '../../contract/imports.ts';
import { apiGet } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { ImportRefused, maxFileBytes, sendImportFile } from './import-api.ts';
import { ReportTable } from './report-table.tsx';
import './imports.css';

function errorText(error: unknown): string | null {
  return error instanceof Error ? error.message : null;
}

/** «Загрузка учеников и родителей»: a class's students with their parents from a CSV or XLSX file. */
export default function ImportPage({ me, params }: PageProps) {
  const t = useT();
  const classId = Number(params.id);
  const fileId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const leads = me.classTeacherOf.find((c) => c.id === classId);
  const isAdmin = me.roles.includes('admin');
  const canImport = me.abilities.includes('student.import') && (isAdmin || leads !== undefined);
  const classes = useQuery({
    queryKey: ['classes'],
    queryFn: () => apiGet<{ classes: { id: number; name: string }[] }>('/api/classes'),
    enabled: isAdmin && !leads,
  });
  const className = leads?.name ?? classes.data?.classes.find((c) => c.id === classId)?.name;
  const title = className ? t('imports.titleOf', { className }) : t('imports.title');
  useDocumentTitle(title);

  const preview = useMutation({
    mutationFn: (f: File) => sendImportFile(classId, f, me.csrfToken, 'preview'),
  });
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (f: File) => sendImportFile(classId, f, me.csrfToken, 'import'),
    // Class lists, cards and counts anywhere in the app may now be out of date.
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const refused = save.error instanceof ImportRefused ? save.error.report : null;
  const report: ImportReport | undefined = save.data ?? refused ?? preview.data;

  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    save.reset();
    preview.reset();
    setFile(chosen);
    setTooLarge(chosen !== null && chosen.size > maxFileBytes);
    if (chosen && chosen.size <= maxFileBytes) preview.mutate(chosen);
  };
  const startAgain = () => {
    save.reset();
    preview.reset();
    setFile(null);
    if (inputRef.current) {
      inputRef.current.value = '';
      inputRef.current.focus();
    }
  };

  if (!canImport) {
    return (
      <section className="imports-page">
        <h1>{t('imports.title')}</h1>
        <p>{t('imports.notAllowed')}</p>
      </section>
    );
  }

  const blocked =
    !report || report.summary.errors > 0 || report.fileErrors.length > 0 || report.rows.length === 0;
  const done = save.data?.applied === true;
  return (
    <section className="imports-page">
      <h1>{title}</h1>
      <p>{t('imports.intro')}</p>
      <p className="imports-templates">
        <a href="/api/imports/students/template" download>
          {t('imports.templateXlsx')}
        </a>
        <a href="/api/imports/students/template?format=csv" download>
          {t('imports.templateCsv')}
        </a>
      </p>
      {!done && (
        <div className="field">
          <label htmlFor={fileId}>{t('imports.file')}</label>
          <p className="field-hint" id={`${fileId}-hint`}>
            {t('imports.fileHint')}
          </p>
          <input
            ref={inputRef}
            id={fileId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${fileId}-hint`}
            onChange={onChoose}
          />
        </div>
      )}
      {tooLarge && <FormAlert message={t('imports.tooLarge')} />}
      {preview.isPending && <p role="status">{t('imports.reading')}</p>}
      <FormAlert message={errorText(preview.error) ?? (refused ? null : errorText(save.error))} />
      {save.error instanceof ImportRefused && <FormAlert message={save.error.message} />}
      {report && <ReportSummary report={report} done={done} />}
      {done && (
        <p className="imports-actions">
          <Link className="button button-primary" href={`/class/${classId}`}>
            {t('imports.toClass')}
          </Link>
          <button type="button" className="button" onClick={startAgain}>
            {t('imports.another')}
          </button>
        </p>
      )}
      {report && !done && (
        <p className="imports-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={blocked || save.isPending || !file}
            aria-busy={save.isPending}
            onClick={() => file && save.mutate(file)}
          >
            {save.isPending ? t('imports.saving') : t('imports.submit')}
          </button>
        </p>
      )}
      {report && report.rows.length > 0 && <ReportTable report={report} />}
    </section>
  );
}

function ReportSummary({ report, done }: { report: ImportReport; done: boolean }) {
  const t = useT();
  const s = report.summary;
  return (
    <div className="imports-summary">
      {report.fileErrors.map((e) => (
        <FormAlert key={e} message={e} />
      ))}
      {done ? (
        <Notice message={t('imports.done', { create: s.create, update: s.update, unchanged: s.unchanged })} />
      ) : (
        <p role="status" className="imports-counts">
          {t('imports.summary', {
            create: s.create,
            update: s.update,
            unchanged: s.unchanged,
            errors: s.errors,
          })}
        </p>
      )}
      {!done && s.errors > 0 && (
        <>
          <p>{t('imports.fixFirst')}</p>
          <ul className="imports-problems">
            {report.rows
              .flatMap((row) =>
                row.errors.map((e) => (
                  <li key={`${row.line}-${e.column}`}>
                    {t('imports.problem', { line: row.line, column: e.label, message: e.message })}
                  </li>
                )),
              )
              .slice(0, 50)}
          </ul>
        </>
      )}
      {report.unknownColumns.length > 0 && (
        <p className="alert alert-info">
          {t('imports.unknownColumns', { columns: report.unknownColumns.join(', ') })}
        </p>
      )}
    </div>
  );
}
