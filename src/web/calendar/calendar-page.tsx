import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPost } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { queryClient } from '../app/session.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { BellsSection } from './bells-section.tsx';
import { calendarKeys, useYearCalendar, useYears } from './calendar-api.ts';
import { EntriesSection } from './entries-section.tsx';
import { MonthView } from './month-view.tsx';
import { PeriodsSection } from './periods-section.tsx';
import './calendar.css';

/** «Учебный год и календарь»: years, periods by scheme, vacations and transfers, bell schedules. */
export default function CalendarPage(_: PageProps) {
  const t = useT();
  const title = t('section.calendar');
  useDocumentTitle(title);
  const years = useYears();
  const [chosen, setChosen] = useState<number | null>(null);
  const yearId = chosen ?? years.data?.years[0]?.id ?? null;
  const year = useYearCalendar(yearId);

  if (years.isError)
    return (
      <>
        <h1>{title}</h1>
        <FormAlert
          message={years.error instanceof ApiError ? years.error.message : t('calendar.loadFailed')}
        />
      </>
    );
  if (!years.data) return <p className="loading">{t('app.loading')}</p>;
  const manage = years.data.can.manage;

  return (
    <>
      <h1>{title}</h1>
      {years.data.years.length === 0 ? (
        <p>{t('calendar.noYears')}</p>
      ) : (
        <SelectField
          name="year"
          label={t('calendar.year')}
          value={String(yearId)}
          onChange={(e) => setChosen(Number(e.target.value))}
          options={years.data.years.map((y) => ({ value: String(y.id), label: y.name }))}
        />
      )}
      {manage && <NewYearForm latest={years.data.years[0]?.startsOn ?? null} onCreated={setChosen} />}
      {year.data && (
        <>
          <PeriodsSection calendar={year.data} />
          <EntriesSection key={`entries-${year.data.year.id}`} calendar={year.data} />
          <MonthView key={`month-${year.data.year.id}`} calendar={year.data} />
        </>
      )}
      <BellsSection />
    </>
  );
}

const emptyYear = { name: '', startsOn: '', endsOn: '' };

/** 1 September – 31 August of the year after the latest one (or of the current one, when none). */
function nextYear(latest: string | null): typeof emptyYear {
  const now = new Date();
  const y = latest ? Number(latest.slice(0, 4)) + 1 : now.getFullYear() - (now.getMonth() >= 8 ? 0 : 1);
  return { name: `${y}/${y + 1}`, startsOn: `${y}-09-01`, endsOn: `${y + 1}-08-31` };
}

/** The form that opens a new academic year, proposing the dates of the next one. */
function NewYearForm({ latest, onCreated }: { latest: string | null; onCreated: (id: number) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(() => nextYear(latest));
  const [problems, setProblems] = useState<Problems>({});
  const create = useMutation({
    mutationFn: (body: typeof emptyYear) => apiPost<{ id: number }>('/api/calendar/years', body),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: calendarKeys.years });
      onCreated(created.id);
      setOpen(false);
    },
  });
  const errors = useFormErrors(problems, create.error);
  if (!open)
    return (
      <p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setValues(nextYear(latest));
            setOpen(true);
          }}
        >
          {t('calendar.newYear')}
        </button>
      </p>
    );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = requireFilled(values, ['name', 'startsOn', 'endsOn']);
    setProblems(found);
    create.reset();
    if (Object.keys(found).length === 0) create.mutate(values);
  };
  const bind = (name: keyof typeof emptyYear) => ({
    name: `year-${name}`,
    value: values[name],
    error: errors.field(name),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  return (
    <form className="form panel" onSubmit={onSubmit} noValidate aria-labelledby="new-year-title">
      <h2 id="new-year-title">{t('calendar.newYear')}</h2>
      <FormAlert message={errors.general} />
      <Field label={t('calendar.yearName')} hint={t('calendar.yearNameHint')} {...bind('name')} />
      <div className="form-row calendar-row">
        <Field label={t('calendar.startsOn')} type="date" {...bind('startsOn')} />
        <Field label={t('calendar.endsOn')} type="date" {...bind('endsOn')} />
      </div>
      <div className="form-row calendar-row">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('calendar.create')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
          {t('calendar.cancel')}
        </button>
      </div>
    </form>
  );
}
