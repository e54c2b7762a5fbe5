import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { YearCalendar } from '../../contract/calendar.ts';
import { apiPost } from '../app/api.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { refreshYear } from './calendar-api.ts';

type Scheme = 'quarters' | 'trimesters' | 'halves';
const schemes: Scheme[] = ['quarters', 'trimesters', 'halves'];
const grades = Array.from({ length: 11 }, (_, i) => i + 1);

/** Periods by scheme: which grades follow it and the dates of its periods. */
export function PeriodsSection({ calendar }: { calendar: YearCalendar }) {
  const t = useT();
  const yearPeriod = calendar.periods.find((p) => p.kind === 'year');
  return (
    <section className="calendar-section" aria-labelledby="periods-title">
      <h2 id="periods-title">{t('calendar.periods')}</h2>
      <p>
        {yearPeriod
          ? t('calendar.yearSpan', {
              from: formatDate(yearPeriod.startsOn),
              to: formatDate(yearPeriod.endsOn),
            })
          : t('calendar.noPeriods')}
      </p>
      <div className="calendar-schemes">
        {schemes.map((s) => (
          <SchemeForm key={`${calendar.year.id}-${s}`} scheme={s} calendar={calendar} />
        ))}
      </div>
    </section>
  );
}

function SchemeForm({ scheme, calendar }: { scheme: Scheme; calendar: YearCalendar }) {
  const t = useT();
  const stored = calendar.periods.filter((p) => p.scheme === scheme && p.kind === 'term');
  const initial = (stored.length ? stored : calendar.defaults[scheme]).map(({ startsOn, endsOn }) => ({
    startsOn,
    endsOn,
  }));
  const [periods, setPeriods] = useState(initial);
  const [chosen, setChosen] = useState(
    new Set(calendar.schemes.filter((g) => g.scheme === scheme).map((g) => g.grade)),
  );
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      apiPost(`/api/calendar/years/${calendar.year.id}/schemes/${scheme}`, {
        grades: [...chosen],
        periods,
      }),
    onSuccess: async () => {
      setSaved(true);
      await refreshYear(calendar.year.id);
    },
  });
  const errors = useFormErrors({}, save.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const names = calendar.defaults[scheme].map((p) => p.name);
  const disabled = !calendar.can.manage;
  const id = (s: string) => `${scheme}-${s}`;
  return (
    <form className="form panel" onSubmit={onSubmit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t(`calendar.scheme.${scheme}`)}</h3>
      {!stored.length && calendar.can.manage && <p className="field-hint">{t('calendar.defaultsHint')}</p>}
      <FormAlert message={errors.general} />
      {saved && <Notice message={t('calendar.saved')} />}
      <fieldset>
        <legend>{t('calendar.gradesOfScheme')}</legend>
        <div className="calendar-checks">
          {grades.map((g) => (
            <label key={g} className="calendar-check">
              <input
                type="checkbox"
                checked={chosen.has(g)}
                disabled={disabled}
                onChange={(e) =>
                  setChosen((c) => {
                    const next = new Set(c);
                    if (e.target.checked) next.add(g);
                    else next.delete(g);
                    return next;
                  })
                }
              />
              {g}
            </label>
          ))}
        </div>
        {errors.field('grades') && <p className="field-error">{errors.field('grades')}</p>}
      </fieldset>
      {errors.field('periods') && <p className="field-error">{errors.field('periods')}</p>}
      {periods.map((p, i) => (
        <fieldset key={names[i]}>
          <legend>{names[i]}</legend>
          <div className="form-row calendar-row">
            {(['startsOn', 'endsOn'] as const).map((f) => (
              <Field
                key={f}
                name={id(`periods.${i}.${f}`)}
                label={t(f === 'startsOn' ? 'calendar.startsOn' : 'calendar.endsOn')}
                type="date"
                value={p[f]}
                disabled={disabled}
                error={errors.field(`periods.${i}.${f}`)}
                onChange={(e) => {
                  const value = e.target.value;
                  setPeriods((all) => all.map((q, j) => (j === i ? { ...q, [f]: value } : q)));
                }}
              />
            ))}
          </div>
        </fieldset>
      ))}
      {calendar.can.manage && (
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('calendar.saveScheme', { scheme: t(`calendar.scheme.${scheme}`) })}
        </button>
      )}
    </form>
  );
}
