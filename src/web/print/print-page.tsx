import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { PrintClassView } from '../../contract/print.ts';
import { apiPost } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { usePrintClasses } from './print-api.ts';
import { JobProgress, OtherDocuments, RecentPrints } from './print-pieces.tsx';
import './print.css';

type Kind = 'classJournal' | 'yearArchive';

/** Printing the class journal, report cards and extracts, with the progress of large prints. */
export default function PrintPage(_props: PageProps) {
  const t = useT();
  useDocumentTitle(t('print.title'));
  const { data, error } = usePrintClasses();
  return (
    <section className="print-page">
      <h1>{t('print.title')}</h1>
      <p>{t('print.intro')}</p>
      <FormAlert message={error?.message} />
      {!data && !error && <p role="status">{t('print.loading')}</p>}
      {data && data.classes.length === 0 && <p>{t('print.none')}</p>}
      {data && data.classes.length > 0 && <PrintForm classes={data.classes} archive={data.archive} />}
      <RecentPrints />
    </section>
  );
}

function PrintForm({ classes, archive }: { classes: PrintClassView[]; archive: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [classId, setClassId] = useState(classes[0]!.id);
  const cls = classes.find((c) => c.id === classId) ?? classes[0]!;
  const [periodId, setPeriodId] = useState<number | null>(null);
  const [unchecked, setUnchecked] = useState<ReadonlySet<number>>(new Set());
  const [jobId, setJobId] = useState<number | null>(null);
  const courseIds = cls.courses.map((c) => c.id).filter((id) => !unchecked.has(id));
  const noCourse = !cls.whole && courseIds.length === 0;

  const start = useMutation({
    mutationFn: (kind: Kind) =>
      apiPost<{ id: number }>('/api/print-jobs', {
        kind,
        classId: cls.id,
        periodId: kind === 'yearArchive' ? null : periodId,
        ...(kind === 'classJournal' && !cls.whole ? { courseIds } : {}),
      }),
    onSuccess: ({ id }) => {
      setJobId(id);
      void queryClient.invalidateQueries({ queryKey: ['print', 'jobs'] });
    },
  });

  const chooseClass = (value: string) => {
    setClassId(Number(value));
    setPeriodId(null);
    setUnchecked(new Set());
    setJobId(null);
    start.reset();
  };
  const toggle = (id: number, on: boolean) => {
    const next = new Set(unchecked);
    if (on) next.delete(id);
    else next.add(id);
    setUnchecked(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!noCourse) start.mutate('classJournal');
  };

  return (
    <>
      <form className="panel print-form" onSubmit={submit} noValidate>
        <div className="form-row">
          <SelectField
            name="classId"
            label={t('print.class')}
            value={String(cls.id)}
            onChange={(e) => chooseClass(e.target.value)}
            options={classes.map((c) => ({ value: String(c.id), label: c.name }))}
          />
          <SelectField
            name="periodId"
            label={t('print.period')}
            value={periodId === null ? '' : String(periodId)}
            onChange={(e) => setPeriodId(e.target.value === '' ? null : Number(e.target.value))}
            options={[
              { value: '', label: t('print.wholeYear') },
              ...cls.terms.map((term) => ({ value: String(term.id), label: term.name })),
            ]}
          />
        </div>
        {cls.whole ? (
          <p className="print-muted">{t('print.wholeJournal')}</p>
        ) : (
          <fieldset className="print-courses" aria-describedby="print-courses-hint">
            <legend>{t('print.courses')}</legend>
            <p className="field-hint" id="print-courses-hint">
              {t('print.coursesHint')}
            </p>
            {cls.courses.map((c) => (
              <label key={c.id} className="print-check">
                <input
                  type="checkbox"
                  checked={!unchecked.has(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
                {c.subject} · {c.teacher}
              </label>
            ))}
            {noCourse && <p className="field-error">{t('print.noCourse')}</p>}
          </fieldset>
        )}
        <p className="print-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={start.isPending || noCourse}
            aria-busy={start.isPending}
          >
            {t('print.makePdf')}
          </button>
          {archive && (
            <button
              type="button"
              className="button"
              disabled={start.isPending}
              onClick={() => start.mutate('yearArchive')}
            >
              {t('print.makeArchive')}
            </button>
          )}
        </p>
        <FormAlert message={start.error?.message} />
        {jobId !== null && <JobProgress key={jobId} id={jobId} />}
      </form>
      <OtherDocuments cls={cls} periodId={periodId} courseIds={courseIds} />
    </>
  );
}
