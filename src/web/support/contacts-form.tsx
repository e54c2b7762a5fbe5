import { useState } from 'react';
import type { SupportContacts } from '../../contract/support.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { useSaveContacts } from './support-api.ts';

/** The administrator's form for the school's support contacts (all fields may stay empty). */
export function ContactsForm({ initial }: { initial: SupportContacts }) {
  const t = useT();
  const [values, setValues] = useState<SupportContacts>(initial);
  const [saved, setSaved] = useState(false);
  const save = useSaveContacts();
  const errors = useFormErrors({}, save.error);
  const set = (name: keyof SupportContacts) => (e: { target: { value: string } }) => {
    setSaved(false);
    setValues({ ...values, [name]: e.target.value });
  };
  return (
    <section className="panel" aria-labelledby="support-edit-title">
      <h2 id="support-edit-title">{t('support.editTitle')}</h2>
      <p className="field-hint">{t('support.editHint')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(values, { onSuccess: () => setSaved(true) });
        }}
      >
        <FormAlert message={errors.general} />
        {saved && <Notice message={t('support.saved')} />}
        <Field
          name="who"
          label={t('support.who')}
          hint={t('support.whoHint')}
          value={values.who}
          onChange={set('who')}
          error={errors.field('who')}
        />
        <Field
          name="phone"
          label={t('support.phone')}
          value={values.phone}
          onChange={set('phone')}
          error={errors.field('phone')}
        />
        <Field
          name="email"
          type="email"
          label={t('support.email')}
          value={values.email}
          onChange={set('email')}
          error={errors.field('email')}
        />
        <Field
          name="hours"
          label={t('support.hours')}
          hint={t('support.hoursHint')}
          value={values.hours}
          onChange={set('hours')}
          error={errors.field('hours')}
        />
        <Field
          name="details"
          label={t('support.details')}
          value={values.details}
          onChange={set('details')}
          error={errors.field('details')}
        />
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('support.save')}
        </button>
      </form>
    </section>
  );
}
