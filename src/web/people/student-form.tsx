import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { healthGroups, peGroups, type StudentCard } from '../../contract/people.ts';
import { apiPost } from '../app/api.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { cardChanged } from './people-api.ts';
import { orNull, useValues } from './use-values.ts';

function initial(card: StudentCard) {
  return {
    lastName: card.lastName,
    firstName: card.firstName,
    middleName: card.middleName,
    birthDate: card.birthDate ?? '',
    sex: card.sex ?? '',
    address: card.address ?? '',
    phone: card.phone ?? '',
    email: card.email ?? '',
    fileNumber: card.file?.fileNumber ?? '',
    healthGroup: card.file?.healthGroup ?? '',
    peGroup: card.file?.peGroup ?? '',
    arrivedOn: card.file?.arrivedOn ?? '',
    arrivalOrder: card.file?.arrivalOrder ?? '',
  };
}
type Values = ReturnType<typeof initial>;

function body(v: Values, hasFile: boolean) {
  const person = {
    lastName: v.lastName,
    firstName: v.firstName,
    middleName: v.middleName.trim(),
    birthDate: orNull(v.birthDate),
    sex: v.sex === '' ? null : v.sex,
    address: orNull(v.address),
    phone: orNull(v.phone),
    email: orNull(v.email),
  };
  if (!hasFile && v.fileNumber.trim() === '') return person;
  return {
    ...person,
    fileNumber: v.fileNumber,
    healthGroup: orNull(v.healthGroup),
    peGroup: orNull(v.peGroup),
    arrivedOn: orNull(v.arrivedOn),
    arrivalOrder: orNull(v.arrivalOrder),
  };
}

/** «Личные данные»: the student's data and personal file, edited by the class teacher or the admin. */
export function StudentForm({ card }: { card: StudentCard }) {
  const t = useT();
  const form = useValues(initial(card));
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    mutationFn: (v: Values) => apiPost<StudentCard>(`/api/students/${card.id}`, body(v, card.file !== null)),
    onSuccess: cardChanged,
  });
  const errors = useFormErrors(problems, save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = requireFilled(
      form.values,
      card.file ? ['lastName', 'firstName', 'fileNumber'] : ['lastName', 'firstName'],
    );
    setProblems(found);
    save.reset();
    if (Object.keys(found).length === 0) save.mutate(form.values);
  };
  const bind = (name: keyof Values) => form.bind(name, errors);
  return (
    <section aria-labelledby="student-data">
      <h2 id="student-data">{t('people.card.data')}</h2>
      {save.isSuccess && <Notice message={t('people.saved')} />}
      <FormAlert message={errors.general} />
      <form className="form people-grid" onSubmit={onSubmit} noValidate>
        <Field label={t('people.lastName')} autoComplete="off" {...bind('lastName')} />
        <Field label={t('people.firstName')} autoComplete="off" {...bind('firstName')} />
        <Field label={t('people.middleName')} autoComplete="off" {...bind('middleName')} />
        <Field label={t('people.birthDate')} type="date" {...bind('birthDate')} />
        <SelectField
          label={t('people.sex')}
          options={[
            { value: '', label: t('people.sex.unknown') },
            { value: 'f', label: t('people.sex.f') },
            { value: 'm', label: t('people.sex.m') },
          ]}
          {...bind('sex')}
        />
        <Field label={t('people.address')} {...bind('address')} />
        <Field label={t('people.phone')} type="tel" {...bind('phone')} />
        <Field label={t('people.email')} type="email" {...bind('email')} />
        <Field
          label={t('people.fileNumber')}
          hint={card.file ? undefined : t('people.fileNumber.hint')}
          {...bind('fileNumber')}
        />
        <Field label={t('people.healthGroup')} list="people-health-groups" {...bind('healthGroup')} />
        <Field label={t('people.peGroup')} list="people-pe-groups" {...bind('peGroup')} />
        <Field label={t('people.arrivedOn')} type="date" {...bind('arrivedOn')} />
        <Field label={t('people.arrivalOrder')} {...bind('arrivalOrder')} />
        <datalist id="people-health-groups">
          {healthGroups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <datalist id="people-pe-groups">
          {peGroups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <div>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('people.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
