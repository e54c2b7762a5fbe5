import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import type { GuardianItem, StudentCard } from '../../contract/people.ts';
import { apiPost } from '../app/api.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { Badge } from './controls.tsx';
import { cardChanged } from './people-api.ts';
import { useValues } from './use-values.ts';

/** Today as 'YYYY-MM-DD' in the browser's time zone. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A parent's consent to processing personal data (152-ФЗ): record it with its date, or withdraw it. */
export function ConsentForm({ studentId, guardian }: { studentId: number; guardian: GuardianItem }) {
  const t = useT();
  const given = guardian.consentGivenOn;
  const field = given ? 'withdrawnOn' : 'givenOn';
  const form = useValues({ date: todayIso() });
  const save = useMutation({
    mutationFn: (date: string) =>
      apiPost<StudentCard>(
        `/api/students/${studentId}/guardians/${guardian.id}/consent${given ? '/withdraw' : ''}`,
        { [field]: date },
      ),
    onSuccess: cardChanged,
  });
  const errors = useFormErrors({}, save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.reset();
    save.mutate(form.values.date);
  };
  const id = `consent-${guardian.id}`;
  return (
    <div className="people-consent">
      <p>
        {given ? (
          <Badge tone="ok">{t('people.consent.given', { date: formatDate(given) })}</Badge>
        ) : guardian.consentWithdrawnOn ? (
          <Badge tone="warn">
            {t('people.consent.withdrawn', { date: formatDate(guardian.consentWithdrawnOn) })}
          </Badge>
        ) : (
          <Badge tone="warn">{t('people.consent.no')}</Badge>
        )}
      </p>
      <FormAlert message={errors.general} />
      <form className="people-inline" onSubmit={onSubmit} noValidate>
        <Field
          label={given ? t('people.consent.withdrawnOn') : t('people.consent.givenOn')}
          type="date"
          name={id}
          value={form.values.date}
          error={errors.field(field)}
          onChange={(e) => form.setValues({ date: e.target.value })}
        />
        <button type="submit" className="button button-quiet" disabled={save.isPending}>
          {given ? t('people.consent.withdraw') : t('people.consent.record')}
        </button>
      </form>
    </div>
  );
}
