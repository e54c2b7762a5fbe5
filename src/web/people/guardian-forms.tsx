import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { GuardianItem, StudentCard } from '../../contract/people.ts';
import { apiPost } from '../app/api.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { cardChanged } from './people-api.ts';
import { kindOptions } from './people-labels.tsx';
import { orNull, useValues } from './use-values.ts';

function initial(g: GuardianItem | null) {
  return {
    lastName: g?.lastName ?? '',
    firstName: g?.firstName ?? '',
    middleName: g?.middleName ?? '',
    kind: g?.kind ?? 'mother',
    phone: g?.phone ?? '',
    extraPhone: g?.extraPhone ?? '',
    email: g?.email ?? '',
    workplace: g?.workplace ?? '',
  };
}
type Values = ReturnType<typeof initial>;

/**
 * A parent's data: adds a new parent to the student (`guardian` null; a parent of the school with
 * the same name and phone or e-mail is linked instead) or edits one.
 */
export function GuardianForm({
  studentId,
  guardian,
  onDone,
}: {
  studentId: number;
  guardian: GuardianItem | null;
  onDone?: () => void;
}) {
  const t = useT();
  const form = useValues(initial(guardian));
  const [problems, setProblems] = useState<Problems>({});
  const prefix = guardian ? `g${guardian.id}-` : 'new-guardian-';
  const save = useMutation({
    mutationFn: (v: Values) =>
      apiPost<StudentCard>(
        guardian
          ? `/api/students/${studentId}/guardians/${guardian.id}`
          : `/api/students/${studentId}/guardians`,
        {
          lastName: v.lastName,
          firstName: v.firstName,
          middleName: v.middleName.trim(),
          kind: v.kind,
          phone: orNull(v.phone),
          extraPhone: orNull(v.extraPhone),
          email: orNull(v.email),
          workplace: orNull(v.workplace),
        },
      ),
    onSuccess: (card) => {
      cardChanged(card);
      if (!guardian) form.setValues(initial(null));
      onDone?.();
    },
  });
  const errors = useFormErrors(problems, save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = requireFilled(form.values, ['lastName', 'firstName']);
    setProblems(found);
    save.reset();
    if (Object.keys(found).length === 0) save.mutate(form.values);
  };
  const bind = (name: keyof Values) => form.bind(name, errors, `${prefix}${name}`);
  return (
    <>
      <FormAlert message={errors.general} />
      <form className="form people-grid" onSubmit={onSubmit} noValidate>
        <Field label={t('people.lastName')} autoComplete="off" {...bind('lastName')} />
        <Field label={t('people.firstName')} autoComplete="off" {...bind('firstName')} />
        <Field label={t('people.middleName')} autoComplete="off" {...bind('middleName')} />
        <SelectField label={t('people.kind')} options={kindOptions(t)} {...bind('kind')} />
        <Field label={t('people.phone')} type="tel" {...bind('phone')} />
        <Field label={t('people.extraPhone')} type="tel" {...bind('extraPhone')} />
        <Field label={t('people.email')} type="email" {...bind('email')} />
        <Field label={t('people.workplace')} {...bind('workplace')} />
        <div>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {guardian ? t('people.save') : t('people.addGuardian.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

/** Links a parent already in the school (of a classmate: a brother's or sister's parent) to this student. */
export function LinkGuardianForm({
  studentId,
  candidates,
}: {
  studentId: number;
  candidates: { id: number; name: string; child: string }[];
}) {
  const t = useT();
  const form = useValues({ guardianId: String(candidates[0]?.id ?? ''), kind: 'mother' });
  const link = useMutation({
    mutationFn: (v: { guardianId: string; kind: string }) =>
      apiPost<StudentCard>(`/api/students/${studentId}/guardians/link`, {
        guardianId: Number(v.guardianId),
        kind: v.kind,
      }),
    onSuccess: cardChanged,
  });
  const errors = useFormErrors({}, link.error);
  if (candidates.length === 0) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    link.reset();
    link.mutate(form.values);
  };
  return (
    <details className="people-details">
      <summary>{t('people.linkGuardian')}</summary>
      <p className="people-muted">{t('people.linkGuardian.hint')}</p>
      <FormAlert message={errors.general} />
      <form className="form people-grid" onSubmit={onSubmit} noValidate>
        <SelectField
          label={t('people.linkGuardian.parent')}
          options={candidates.map((c) => ({ value: String(c.id), label: `${c.name} (${c.child})` }))}
          {...form.bind('guardianId', errors, 'link-guardianId')}
        />
        <SelectField
          label={t('people.kind')}
          options={kindOptions(t)}
          {...form.bind('kind', errors, 'link-kind')}
        />
        <div>
          <button type="submit" className="button button-primary" disabled={link.isPending}>
            {t('people.linkGuardian.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}
