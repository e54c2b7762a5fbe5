import { type FormEvent, useEffect, useId, useState } from 'react';
import type { RegulationView } from '../../contract/regulation.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { useApprove, useRegulation, useSaveDraft } from './regulation-api.ts';

const errorText = (error: unknown) => (error instanceof Error ? error.message : null);

/** The sections as editable text areas, with «Сохранить проект» and «Утвердить». */
function Editor({ view }: { view: RegulationView }) {
  const t = useT();
  const save = useSaveDraft();
  const approve = useApprove();
  const [texts, setTexts] = useState(() => view.sections.map((s) => s.text));
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setTexts(view.sections.map((s) => s.text)), [view]);
  const serverFields = save.error instanceof ApiError ? save.error.fields : {};
  const submit = async (event: FormEvent, then?: () => Promise<unknown>) => {
    event.preventDefault();
    setNotice(null);
    const missing = Object.fromEntries(
      texts.flatMap((text, i) => (text.trim() ? [] : [[i, t('regulation.required')]])),
    );
    setErrors(missing);
    if (Object.keys(missing).length) return;
    await save.mutateAsync({ sections: view.sections.map((s, i) => ({ key: s.key, text: texts[i] ?? '' })) });
    if (then) await then();
    setNotice(t(then ? 'regulation.approved' : 'regulation.saved'));
  };
  return (
    <form noValidate onSubmit={(e) => submit(e).catch(() => undefined)}>
      <FormAlert message={errorText(save.error ?? approve.error)} />
      {notice && <Notice message={notice} />}
      {view.sections.map((s, i) => {
        const id = `regulation-${s.key}`;
        const error = errors[i] ?? serverFields[`sections.${i}.text`];
        return (
          <div key={s.key} className={error ? 'field field-invalid' : 'field'}>
            <label htmlFor={id}>{`${i + 1}. ${s.title}`}</label>
            {s.edited && <p className="field-hint">{t('regulation.edited')}</p>}
            <textarea
              id={id}
              rows={8}
              value={texts[i] ?? ''}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setTexts(texts.map((x, j) => (j === i ? e.target.value : x)))}
            />
            {s.edited && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => setTexts(texts.map((x, j) => (j === i ? s.generated : x)))}
              >
                {t('regulation.restore')}
              </button>
            )}
            {error && (
              <p className="field-error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div className="form-actions">
        <button type="submit" disabled={save.isPending || approve.isPending}>
          {t('regulation.save')}
        </button>
        <button
          type="button"
          disabled={save.isPending || approve.isPending}
          onClick={(e) => submit(e, () => approve.mutateAsync()).catch(() => undefined)}
        >
          {t('regulation.approve')}
        </button>
      </div>
    </form>
  );
}

/** The sections read-only, for the deputy and the administrator. */
function Reader({ view }: { view: RegulationView }) {
  return view.sections.map((s, i) => (
    <section key={s.key}>
      <h2>{`${i + 1}. ${s.title}`}</h2>
      {s.text.split(/\n\s*\n/).map((p) => (
        <p key={p}>{p}</p>
      ))}
    </section>
  ));
}

/** «Положение о ведении журнала»: generated from the settings, edited and approved by the director. */
export default function RegulationPage(_: PageProps) {
  const t = useT();
  const versionsId = useId();
  useDocumentTitle(t('regulation.title'));
  const query = useRegulation();
  const view = query.data;
  return (
    <div className="regulation-page">
      <h1>{t('regulation.title')}</h1>
      <p>{t('regulation.intro')}</p>
      <FormAlert message={errorText(query.error)} />
      {view && (
        <>
          <p>
            {t('regulation.draftFiles')} <a href="/api/regulation/file?format=pdf">PDF</a>{' '}
            <a href="/api/regulation/file?format=docx">DOCX</a>
          </p>
          {view.abilities.edit ? <Editor view={view} /> : <Reader view={view} />}
          <section aria-labelledby={versionsId}>
            <h2 id={versionsId}>{t('regulation.versionsTitle')}</h2>
            {view.versions.length === 0 && <p>{t('regulation.noVersions')}</p>}
            <ul>
              {view.versions.map((v) => (
                <li key={v.id}>
                  {t('regulation.version', { date: formatDate(v.approvedAt), who: v.approvedBy })}{' '}
                  <a href={`/api/regulation/versions/${v.id}/file?format=pdf`}>PDF</a>{' '}
                  <a href={`/api/regulation/versions/${v.id}/file?format=docx`}>DOCX</a>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
