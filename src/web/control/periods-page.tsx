import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { yearList } from '../../contract/calendar.ts';
import { apiGet, apiPost } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { type Closures, refreshControl, useClosures } from './control-api.ts';
import './control.css';

type Target = { periodId: number; classId: number; period: string; className: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : undefined);

/** «Закрытие периодов»: classes × periods, closed or open; a deputy closes and reopens with a reason. */
export default function PeriodsPage(_: PageProps) {
  const t = useT();
  useDocumentTitle(t('control.periods'));
  const [yearId, setYearId] = useState<number | null>(null);
  const years = useQuery({
    queryKey: ['control', 'years'],
    queryFn: () => apiGet<z.infer<typeof yearList>>('/api/calendar/years'),
    retry: false,
  });
  const closures = useClosures(yearId);
  const [reopening, setReopening] = useState<Target | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const close = useMutation({
    mutationFn: (target: Target) =>
      apiPost(`/api/journal/periods/${target.periodId}/classes/${target.classId}/close`),
    onSuccess: (_data, target) => {
      setDone(t('control.closedDone', { period: target.period, className: target.className }));
      return refreshControl();
    },
  });
  const data = closures.data;
  return (
    <section className="control-page">
      <h1>{t('control.periods')}</h1>
      <p>{t('control.periodsIntro')}</p>
      {years.data && years.data.years.length > 1 && (
        <SelectField
          name="yearId"
          label={t('control.year')}
          value={String(yearId ?? data?.yearId ?? '')}
          onChange={(e) => setYearId(Number(e.target.value))}
          options={years.data.years.map((y) => ({ value: String(y.id), label: y.name }))}
        />
      )}
      <FormAlert message={errorText(closures.error) ?? errorText(close.error)} />
      {done && <Notice message={done} />}
      {closures.isPending && <p className="loading">{t('app.loading')}</p>}
      {data && data.classes.length === 0 && <p>{t('control.noClasses')}</p>}
      {data && data.classes.length > 0 && (
        <ClosuresTable
          data={data}
          busy={close.isPending}
          onClose={(target) => {
            setDone(null);
            close.reset();
            if (
              window.confirm(
                t('control.closeConfirm', { period: target.period, className: target.className }),
              )
            )
              close.mutate(target);
          }}
          onReopen={(target) => {
            setDone(null);
            setReopening(target);
          }}
        />
      )}
      {reopening && (
        <ReopenForm
          key={`${reopening.periodId}-${reopening.classId}`}
          target={reopening}
          onDone={(message) => {
            setReopening(null);
            if (message) setDone(message);
          }}
        />
      )}
    </section>
  );
}

/** Whether a period is one of the class's own: its scheme's terms, the year, exam and final for grades 9 and 11. */
function ownPeriod(period: Closures['periods'][number], cls: Closures['classes'][number]): boolean {
  if (period.kind === 'term') return period.scheme === cls.scheme;
  if (period.kind === 'year') return true;
  return cls.grade === 9 || cls.grade === 11;
}

/** The classes × periods tables, one per scheme of terms (quarters, halves, …). */
function ClosuresTable(props: {
  data: Closures;
  busy: boolean;
  onClose: (target: Target) => void;
  onReopen: (target: Target) => void;
}) {
  const schemes = [...new Set(props.data.classes.map((c) => c.scheme))];
  return (
    <>
      {schemes.map((scheme) => (
        <SchemeTable
          key={scheme}
          {...props}
          classes={props.data.classes.filter((c) => c.scheme === scheme)}
        />
      ))}
    </>
  );
}

function SchemeTable({
  data,
  classes,
  busy,
  onClose,
  onReopen,
}: {
  data: Closures;
  classes: Closures['classes'];
  busy: boolean;
  onClose: (target: Target) => void;
  onReopen: (target: Target) => void;
}) {
  const t = useT();
  const periods = data.periods.filter((p) => classes.some((c) => ownPeriod(p, c)));
  const closedOf = (periodId: number, classId: number) =>
    data.closures.find((c) => c.periodId === periodId && c.classId === classId);
  return (
    <div className="table-box control-box">
      <table className="data-table control-table">
        <caption className="visually-hidden">
          {t('control.periodsOf', { classes: classes.map((c) => c.name).join(', ') })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('control.class')}</th>
            {periods.map((p) => (
              <th scope="col" key={p.id}>
                {p.name}
                <span className="control-muted control-block">
                  {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {classes.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              {periods.map((p) => {
                if (!ownPeriod(p, c))
                  return (
                    <td key={p.id} className="control-muted">
                      —
                    </td>
                  );
                const closed = closedOf(p.id, c.id);
                const target = { periodId: p.id, classId: c.id, period: p.name, className: c.name };
                return (
                  <td key={p.id} className={closed ? 'control-closed' : undefined}>
                    {closed ? (
                      <>
                        <strong>{t('control.closed')}</strong>
                        <span className="control-muted control-block">
                          {t('control.closedBy', {
                            name: closed.closedBy,
                            date: formatDate(closed.closedAt),
                          })}
                        </span>
                      </>
                    ) : (
                      <span>{t('control.open')}</span>
                    )}
                    {data.canClose && (
                      <button
                        type="button"
                        className="button button-quiet control-small"
                        disabled={busy}
                        aria-label={t(closed ? 'control.reopenLabel' : 'control.closeLabel', {
                          period: p.name,
                          className: c.name,
                        })}
                        onClick={() => (closed ? onReopen(target) : onClose(target))}
                      >
                        {t(closed ? 'control.reopen' : 'control.close')}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReopenForm({ target, onDone }: { target: Target; onDone: (message: string | null) => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reopen = useMutation({
    mutationFn: () =>
      apiPost(`/api/journal/periods/${target.periodId}/classes/${target.classId}/reopen`, {
        reason: reason.trim(),
      }),
    onSuccess: async () => {
      await refreshControl();
      onDone(t('control.reopenedDone', { period: target.period, className: target.className }));
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = reason.trim() === '';
    setMissing(empty);
    if (!empty) reopen.mutate();
  };
  const fieldError =
    (missing ? t('validation.required') : undefined) ??
    (reopen.error instanceof ApiError ? reopen.error.fields.reason : undefined);
  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-labelledby="reopen-title">
      <h2 id="reopen-title">
        {t('control.reopenTitle', { period: target.period, className: target.className })}
      </h2>
      <FormAlert message={fieldError ? undefined : errorText(reopen.error)} />
      <Field
        name="reason"
        label={t('control.reason')}
        hint={t('control.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldError}
        maxLength={500}
      />
      <p>
        <button type="submit" className="button button-primary" disabled={reopen.isPending}>
          {t('control.reopen')}
        </button>{' '}
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('control.cancel')}
        </button>
      </p>
    </form>
  );
}
