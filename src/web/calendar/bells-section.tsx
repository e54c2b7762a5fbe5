import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { BellItem } from '../../contract/calendar.ts';
import { apiPost } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import { queryClient } from '../app/session.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { calendarKeys, useBells, weekdayKeys } from './calendar-api.ts';

type Row = { lessonNumber: string; startsAt: string; endsAt: string };
const refresh = () => queryClient.invalidateQueries({ queryKey: calendarKeys.bells });
const firstRows: Row[] = [
  { lessonNumber: '1', startsAt: '08:30', endsAt: '09:15' },
  { lessonNumber: '2', startsAt: '09:25', endsAt: '10:10' },
];

/** The bell schedules: each named set with its weekdays and lesson times. */
export function BellsSection() {
  const t = useT();
  const bells = useBells();
  const [adding, setAdding] = useState(false);
  if (bells.isError)
    return (
      <FormAlert message={bells.error instanceof ApiError ? bells.error.message : t('calendar.loadFailed')} />
    );
  if (!bells.data) return null;
  const manage = bells.data.can.manage;
  return (
    <section className="calendar-section" aria-labelledby="bells-title">
      <h2 id="bells-title">{t('calendar.bells')}</h2>
      {bells.data.bells.length === 0 && <p>{t('calendar.noBells')}</p>}
      <div className="calendar-bells">
        {bells.data.bells.map((b) => (
          <BellForm key={b.id} set={b} manage={manage} />
        ))}
        {manage &&
          (adding ? (
            <BellForm set={null} manage onDone={() => setAdding(false)} />
          ) : (
            <p>
              <button type="button" className="button" onClick={() => setAdding(true)}>
                {t('calendar.newBells')}
              </button>
            </p>
          ))}
      </div>
    </section>
  );
}

function BellForm({ set, manage, onDone }: { set: BellItem | null; manage: boolean; onDone?: () => void }) {
  const t = useT();
  const prefix = `bells-${set?.id ?? 'new'}`;
  const [name, setName] = useState(set?.name ?? '');
  const [weekdays, setWeekdays] = useState(new Set(set?.weekdays ?? []));
  const [rows, setRows] = useState<Row[]>(
    set
      ? set.times.map((r) => ({
          lessonNumber: String(r.lessonNumber),
          startsAt: r.startsAt,
          endsAt: r.endsAt,
        }))
      : firstRows,
  );
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      apiPost(set ? `/api/calendar/bells/${set.id}` : '/api/calendar/bells', {
        name,
        weekdays: [...weekdays],
        times: rows.map((r) => ({ ...r, lessonNumber: Number(r.lessonNumber) })),
      }),
    onSuccess: async () => {
      setSaved(true);
      onDone?.();
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => apiPost(`/api/calendar/bells/${set?.id}/delete`),
    onSuccess: refresh,
  });
  const errors = useFormErrors({}, save.error ?? remove.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const setRow = (i: number, field: keyof Row, value: string) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  const last = rows[rows.length - 1];
  return (
    <form
      className="form panel"
      onSubmit={onSubmit}
      noValidate
      aria-label={set?.name ?? t('calendar.newBells')}
    >
      <FormAlert message={errors.general} />
      {saved && set && <Notice message={t('calendar.saved')} />}
      <Field
        name={`${prefix}-name`}
        label={t('calendar.bellsName')}
        value={name}
        disabled={!manage}
        onChange={(e) => setName(e.target.value)}
        error={errors.field('name')}
      />
      <fieldset>
        <legend>{t('calendar.weekdays')}</legend>
        <div className="calendar-checks">
          {weekdayKeys.slice(0, 6).map((k, i) => (
            <label key={k} className="calendar-check">
              <input
                type="checkbox"
                checked={weekdays.has(i + 1)}
                disabled={!manage}
                onChange={(e) =>
                  setWeekdays((w) => {
                    const next = new Set(w);
                    if (e.target.checked) next.add(i + 1);
                    else next.delete(i + 1);
                    return next;
                  })
                }
              />
              {t(k)}
            </label>
          ))}
        </div>
        {errors.field('weekdays') && <p className="field-error">{errors.field('weekdays')}</p>}
      </fieldset>
      <fieldset>
        <legend>{t('calendar.lessons')}</legend>
        {errors.field('times') && <p className="field-error">{errors.field('times')}</p>}
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity of their own
          <div className="form-row calendar-row calendar-bell-row" key={i}>
            <Field
              name={`${prefix}-${i}-n`}
              label={t('calendar.lessonNumber')}
              inputMode="numeric"
              value={r.lessonNumber}
              disabled={!manage}
              onChange={(e) => setRow(i, 'lessonNumber', e.target.value)}
              error={errors.field(`times.${i}.lessonNumber`)}
            />
            <Field
              name={`${prefix}-${i}-s`}
              label={t('calendar.startsAt')}
              type="time"
              value={r.startsAt}
              disabled={!manage}
              onChange={(e) => setRow(i, 'startsAt', e.target.value)}
              error={errors.field(`times.${i}.startsAt`)}
            />
            <Field
              name={`${prefix}-${i}-e`}
              label={t('calendar.endsAt')}
              type="time"
              value={r.endsAt}
              disabled={!manage}
              onChange={(e) => setRow(i, 'endsAt', e.target.value)}
              error={errors.field(`times.${i}.endsAt`)}
            />
            {manage && rows.length > 1 && (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
              >
                {t('calendar.removeLesson', { n: r.lessonNumber })}
              </button>
            )}
          </div>
        ))}
        {manage && (
          <p>
            <button
              type="button"
              className="button button-quiet"
              onClick={() =>
                setRows((all) => [
                  ...all,
                  { lessonNumber: String(Number(last?.lessonNumber ?? 0) + 1), startsAt: '', endsAt: '' },
                ])
              }
            >
              {t('calendar.addLesson')}
            </button>
          </p>
        )}
      </fieldset>
      {manage && (
        <div className="form-row calendar-row">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {set ? t('calendar.save') : t('calendar.add')}
          </button>
          {set ? (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                if (window.confirm(t('calendar.deleteBellsConfirm', { name: set.name }))) remove.mutate();
              }}
            >
              {t('calendar.delete')}
            </button>
          ) : (
            <button type="button" className="button button-quiet" onClick={onDone}>
              {t('calendar.cancel')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
