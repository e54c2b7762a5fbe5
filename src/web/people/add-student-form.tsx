import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPost } from '../app/api.ts';
import { queryClient } from '../app/session.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { peopleKeys } from './people-api.ts';
import { orNull, useValues } from './use-values.ts';

const empty = {
  lastName: '',
  firstName: '',
  middleName: '',
  birthDate: '',
  fileNumber: '',
  arrivedOn: '',
  arrivalOrder: '',
};

/** «Добавить обучающегося» on «Мой класс»: the name and the personal file; the rest on the card. */
export function AddStudentForm({ classId }: { classId: number }) {
  const t = useT();
  const form = useValues(empty);
  const [problems, setProblems] = useState<Problems>({});
  const [added, setAdded] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (v: typeof empty) =>
      apiPost<{ id: number }>('/api/students', {
        classId,
        lastName: v.lastName,
        firstName: v.firstName,
        middleName: v.middleName,
        birthDate: orNull(v.birthDate),
        fileNumber: v.fileNumber,
        arrivedOn: orNull(v.arrivedOn),
        arrivalOrder: orNull(v.arrivalOrder),
      }),
    onSuccess: () => {
      setAdded(`${form.values.lastName} ${form.values.firstName}`);
      form.setValues(empty);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.roster(classId) });
    },
  });
  const errors = useFormErrors(problems, create.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = requireFilled(form.values, ['lastName', 'firstName', 'fileNumber']);
    setProblems(found);
    setAdded(null);
    create.reset();
    if (Object.keys(found).length === 0) create.mutate(form.values);
  };
  const bind = (name: keyof typeof empty) => form.bind(name, errors, `new-${name}`);
  return (
    <details className="people-details">
      <summary>{t('people.addStudent')}</summary>
      {added && <Notice message={t('people.addStudent.done', { name: added })} />}
      <FormAlert message={errors.general} />
      <form className="form people-grid" onSubmit={onSubmit} noValidate>
        <Field label={t('people.lastName')} {...bind('lastName')} />
        <Field label={t('people.firstName')} {...bind('firstName')} />
        <Field label={t('people.middleName')} {...bind('middleName')} />
        <Field label={t('people.birthDate')} type="date" {...bind('birthDate')} />
        <Field label={t('people.fileNumber')} {...bind('fileNumber')} />
        <Field label={t('people.arrivedOn')} type="date" {...bind('arrivedOn')} />
        <Field label={t('people.arrivalOrder')} {...bind('arrivalOrder')} />
        <div>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {t('people.addStudent.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}
