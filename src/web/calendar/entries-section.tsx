import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { YearCalendar } from '../../contract/calendar.ts';
import { apiPost } from '../app/api.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { refreshYear, weekdayKeys } from './calendar-api.ts';

type Entry = YearCalendar['entries'][number];
type Kind = Entry['kind'];
const blank = { kind: 'vacation' as Kind, name: '', startsOn: '', endsOn: '', grade: '', asWeekday: '' };
type Values = typeof blank;

const toBody = (v: Values) => ({
  kind: v.kind,
  name: v.name,
  startsOn: v.startsOn,
  endsOn: v.kind === 'workday' ? v.startsOn : v.endsOn,
  grade: v.grade ? Number(v.grade) : null,
  asWeekday: v.kind === 'workday' && v.asWeekday ? Number(v.asWeekday) : null,
});

/** The list of vacations, holidays and transfers with forms to add, correct and remove them. */
export function EntriesSection({ calendar }: { calendar: YearCalendar }) {
  const t = useT();
  const yearId = calendar.year.id;
  const [editing, setEditing] = useState<Entry | null>(null);
  const [notice, setNotice] = useState('');
  const remove = useMutation({
    mutationFn: (id: number) => apiPost(`/api/calendar/entries/${id}/delete`),
    onSuccess: () => refreshYear(yearId),
  });
  const prefill = useMutation({
    mutationFn: () => apiPost<{ added: number }>(`/api/calendar/years/${yearId}/holidays`),
    onSuccess: async (r) => {
      setNotice(t('calendar.holidaysAdded', { count: r.added }));
      await refreshYear(yearId);
    },
  });
  const vacations = useMutation({
    mutationFn: () => apiPost<{ added: number }>(`/api/calendar/years/${yearId}/vacations`),
    onSuccess: async (r) => {
      setNotice(t('calendar.vacationsAdded', { count: r.added }));
      await refreshYear(yearId);
    },
  });
  const kindName = (e: Entry) => t(`calendar.kind.${e.kind}`);
  const dates = (e: Entry) =>
    e.startsOn === e.endsOn ? formatDate(e.startsOn) : `${formatDate(e.startsOn)} – ${formatDate(e.endsOn)}`;
  return (
    <section className="calendar-section" aria-labelledby="entries-title">
      <h2 id="entries-title">{t('calendar.entries')}</h2>
      {notice && <Notice message={notice} />}
      {calendar.can.manage && (
        <p className="form-row calendar-row">
          <button
            type="button"
            className="button"
            onClick={() => vacations.mutate()}
            disabled={vacations.isPending}
          >
            {t('calendar.prefillVacations')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => prefill.mutate()}
            disabled={prefill.isPending}
          >
            {t('calendar.prefillHolidays')}
          </button>
        </p>
      )}
      {calendar.entries.length === 0 ? (
        <p>{t('calendar.noEntries')}</p>
      ) : (
        <div className="table-box calendar-scroll">
          <table className="data-table calendar-table stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t('calendar.dates')}</th>
                <th scope="col">{t('calendar.kind')}</th>
                <th scope="col">{t('calendar.name')}</th>
                <th scope="col">{t('calendar.grade')}</th>
                {calendar.can.manage && <th scope="col">{t('calendar.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {calendar.entries.map((e) => (
                <tr key={e.id} className={`calendar-entry-${e.kind}`}>
                  <td>{dates(e)}</td>
                  <td>
                    {kindName(e)}
                    {e.asWeekday && ` (${t('calendar.follows', { day: t(weekdayKeys[e.asWeekday - 1]!) })})`}
                  </td>
                  <td>{e.name}</td>
                  <td>{e.grade ? t('calendar.onlyGrade', { grade: e.grade }) : t('calendar.allGrades')}</td>
                  {calendar.can.manage && (
                    <td className="calendar-actions">
                      <button type="button" className="button button-quiet" onClick={() => setEditing(e)}>
                        {t('calendar.edit')}
                        <span className="visually-hidden"> {e.name}</span>
                      </button>
                      <button
                        type="button"
                        className="button button-quiet"
                        onClick={() => {
                          if (window.confirm(t('calendar.deleteConfirm', { name: e.name })))
                            remove.mutate(e.id);
                        }}
                      >
                        {t('calendar.delete')}
                        <span className="visually-hidden"> {e.name}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {calendar.can.manage && (
        <EntryForm
          key={editing?.id ?? 'new'}
          yearId={yearId}
          editing={editing}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function EntryForm({
  yearId,
  editing,
  onDone,
}: {
  yearId: number;
  editing: Entry | null;
  onDone: () => void;
}) {
  const t = useT();
  const [values, setValues] = useState<Values>(
    editing
      ? {
          kind: editing.kind,
          name: editing.name,
          startsOn: editing.startsOn,
          endsOn: editing.endsOn,
          grade: editing.grade ? String(editing.grade) : '',
          asWeekday: editing.asWeekday ? String(editing.asWeekday) : '',
        }
      : blank,
  );
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    mutationFn: (v: Values) =>
      apiPost(
        editing ? `/api/calendar/entries/${editing.id}` : `/api/calendar/years/${yearId}/entries`,
        toBody(v),
      ),
    onSuccess: async () => {
      setValues(blank);
      onDone();
      await refreshYear(yearId);
    },
  });
  const errors = useFormErrors(problems, save.error);
  const transfer = values.kind === 'workday';
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = requireFilled(values, ['name', 'startsOn', ...(transfer ? ['asWeekday'] : ['endsOn'])]);
    setProblems(found);
    save.reset();
    if (Object.keys(found).length === 0) save.mutate(values);
  };
  const set = (name: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  return (
    <form className="form panel" onSubmit={onSubmit} noValidate aria-labelledby="entry-form-title">
      <h3 id="entry-form-title">{editing ? t('calendar.editEntry') : t('calendar.addEntry')}</h3>
      <FormAlert message={errors.general} />
      <SelectField
        name="entry-kind"
        label={t('calendar.kind')}
        value={values.kind}
        onChange={set('kind')}
        error={errors.field('kind')}
        options={(['vacation', 'holiday', 'workday'] as const).map((k) => ({
          value: k,
          label: t(`calendar.kind.${k}`),
        }))}
      />
      <Field
        name="entry-name"
        label={t('calendar.name')}
        value={values.name}
        onChange={set('name')}
        error={errors.field('name')}
      />
      <div className="form-row calendar-row">
        <Field
          name="entry-startsOn"
          label={transfer ? t('calendar.date') : t('calendar.startsOn')}
          type="date"
          value={values.startsOn}
          onChange={set('startsOn')}
          error={errors.field('startsOn')}
        />
        {!transfer && (
          <Field
            name="entry-endsOn"
            label={t('calendar.endsOn')}
            type="date"
            value={values.endsOn}
            onChange={set('endsOn')}
            error={errors.field('endsOn')}
          />
        )}
      </div>
      {transfer && (
        <SelectField
          name="entry-asWeekday"
          label={t('calendar.asWeekday')}
          value={values.asWeekday}
          onChange={set('asWeekday')}
          error={errors.field('asWeekday')}
          options={[
            { value: '', label: t('calendar.choose') },
            ...weekdayKeys.slice(0, 6).map((k, i) => ({ value: String(i + 1), label: t(k) })),
          ]}
        />
      )}
      <SelectField
        name="entry-grade"
        label={t('calendar.grade')}
        value={values.grade}
        onChange={set('grade')}
        error={errors.field('grade')}
        options={[
          { value: '', label: t('calendar.allGrades') },
          ...Array.from({ length: 11 }, (_, i) => ({
            value: String(i + 1),
            label: t('calendar.onlyGrade', { grade: i + 1 }),
          })),
        ]}
      />
      <div className="form-row calendar-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {editing ? t('calendar.save') : t('calendar.add')}
        </button>
        {editing && (
          <button type="button" className="button button-quiet" onClick={onDone}>
            {t('calendar.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
