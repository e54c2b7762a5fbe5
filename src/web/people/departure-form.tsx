import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { StudentCard } from '../../contract/people.ts';
import { apiPost } from '../app/api.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { todayIso } from './consent-form.tsx';
import { cardChanged } from './people-api.ts';
import { useValues } from './use-values.ts';

/** «Выбытие»: the date and order; the student leaves the class and their logins are disabled. */
export function DepartureSection({ card }: { card: StudentCard }) {
  const t = useT();
  const form = useValues({ departedOn: todayIso(), departureOrder: '' });
  const [problems, setProblems] = useState<Problems>({});
  const [asking, setAsking] = useState(false);
  const depart = useMutation({
    mutationFn: (v: typeof form.values) => apiPost<StudentCard>(`/api/students/${card.id}/departure`, v),
    onSuccess: cardChanged,
  });
  const errors = useFormErrors(problems, depart.error);
  const file = card.file;
  if (!file) return null;
  if (file.departedOn)
    return (
      <section aria-labelledby="student-departure">
        <h2 id="student-departure">{t('people.departure')}</h2>
        <p>
          {t('people.departure.done', {
            date: formatDate(file.departedOn),
            order: file.departureOrder ?? '—',
          })}
        </p>
      </section>
    );
  if (!card.can.edit) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = requireFilled(form.values, ['departedOn', 'departureOrder']);
    setProblems(found);
    depart.reset();
    if (Object.keys(found).length > 0) return;
    if (!asking) setAsking(true);
    else depart.mutate(form.values);
  };
  return (
    <section aria-labelledby="student-departure">
      <details className="people-details">
        <summary>
          <h2 id="student-departure" className="people-summary-title">
            {t('people.departure')}
          </h2>
        </summary>
        <p className="people-muted">{t('people.departure.hint')}</p>
        <FormAlert message={errors.general} />
        <form className="form people-grid" onSubmit={onSubmit} noValidate>
          <Field label={t('people.departedOn')} type="date" {...form.bind('departedOn', errors)} />
          <Field label={t('people.departureOrder')} {...form.bind('departureOrder', errors)} />
          {asking && <p className="people-warn">{t('people.departure.confirm')}</p>}
          <div className="people-actions">
            <button type="submit" className="button button-primary" disabled={depart.isPending}>
              {asking ? t('people.departure.yes') : t('people.departure.submit')}
            </button>
            {asking && (
              <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
                {t('people.cancel')}
              </button>
            )}
          </div>
        </form>
      </details>
    </section>
  );
}
