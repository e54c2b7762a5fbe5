import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ClassSubgroups } from '../../contract/structure.ts';
import { apiPost } from '../app/api.ts';
import { queryClient } from '../app/session.ts';
import type { Problems } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';

type Part = { key: number; name: string; teacherId: string; hoursPerWeek: string };

/** «Разделить класс на подгруппы»: a subject, two subgroups with teachers and hours, and who goes where. */
export function SplitForm({ data, on }: { data: ClassSubgroups; on: string }) {
  const t = useT();
  const [subjectId, setSubjectId] = useState('');
  const [parts, setParts] = useState<Part[]>(
    [1, 2].map((n) => ({ key: n, name: t('subgroups.defaultName', { n }), teacherId: '', hoursPerWeek: '' })),
  );
  const half = Math.ceil(data.students.length / 2);
  const [placement, setPlacement] = useState<Record<number, number>>({});
  const placeOf = (id: number, index: number) => placement[id] ?? (index < half ? 0 : 1);
  const [problems, setProblems] = useState<Problems>({});
  const [created, setCreated] = useState(false);
  const split = useMutation({
    mutationFn: (body: unknown) => apiPost(`/api/classes/${data.class.id}/subgroups`, body),
    onSuccess: () => {
      setCreated(true);
      setSubjectId('');
      return queryClient.invalidateQueries({ queryKey: ['structure', 'subgroups', data.class.id] });
    },
  });
  const errors = useFormErrors(problems, split.error);
  const teacherOptions = [
    { value: '', label: t('structure.choose') },
    ...data.teachers.map((p) => ({ value: String(p.id), label: p.name })),
  ];
  const taken = new Set(data.subjects.map((s) => s.subjectId));
  const subjectOptions = [
    { value: '', label: t('structure.choose') },
    ...data.subjectOptions
      .filter((s) => !taken.has(s.id))
      .map((s) => ({ value: String(s.id), label: s.name })),
  ];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(false);
    const found: Problems = {};
    if (!subjectId) found.subjectId = { key: 'validation.required' };
    parts.forEach((p, i) => {
      if (!p.name.trim()) found[`groups.${i}.name`] = { key: 'validation.required' };
      if (!p.teacherId) found[`groups.${i}.teacherId`] = { key: 'validation.required' };
      if (!(Number(p.hoursPerWeek) > 0)) found[`groups.${i}.hoursPerWeek`] = { key: 'validation.required' };
    });
    setProblems(found);
    split.reset();
    if (Object.keys(found).length > 0) return;
    split.mutate({
      subjectId: Number(subjectId),
      startsOn: on,
      groups: parts.map((p, i) => ({
        name: p.name.trim(),
        teacherId: Number(p.teacherId),
        hoursPerWeek: Number(p.hoursPerWeek.replace(',', '.')),
        studentIds: data.students.filter((s, index) => placeOf(s.id, index) === i).map((s) => s.id),
      })),
    });
  };
  const setPart = (i: number, change: Partial<Part>) =>
    setParts((all) => all.map((p, j) => (j === i ? { ...p, ...change } : p)));

  return (
    <section className="structure-section" aria-labelledby="split-title">
      <h2 id="split-title">{t('subgroups.split')}</h2>
      {created && <Notice message={t('subgroups.created')} />}
      <FormAlert message={errors.general} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <SelectField
          name="subjectId"
          label={t('structure.subject')}
          options={subjectOptions}
          value={subjectId}
          error={errors.field('subjectId')}
          onChange={(e) => setSubjectId(e.target.value)}
        />
        <div className="subgroups-columns">
          {parts.map((p, i) => (
            <fieldset key={p.key}>
              <legend>{t('subgroups.groupN', { n: i + 1 })}</legend>
              <Field
                name={`groups.${i}.name`}
                label={t('subgroups.name')}
                value={p.name}
                error={errors.field(`groups.${i}.name`)}
                onChange={(e) => setPart(i, { name: e.target.value })}
              />
              <SelectField
                name={`groups.${i}.teacherId`}
                label={t('structure.teacher')}
                options={teacherOptions}
                value={p.teacherId}
                error={errors.field(`groups.${i}.teacherId`)}
                onChange={(e) => setPart(i, { teacherId: e.target.value })}
              />
              <Field
                name={`groups.${i}.hoursPerWeek`}
                label={t('subgroups.hours')}
                inputMode="decimal"
                value={p.hoursPerWeek}
                error={errors.field(`groups.${i}.hoursPerWeek`)}
                onChange={(e) => setPart(i, { hoursPerWeek: e.target.value })}
              />
              {errors.field(`groups.${i}.studentIds`) && (
                <p className="field-error">{errors.field(`groups.${i}.studentIds`)}</p>
              )}
            </fieldset>
          ))}
        </div>
        <fieldset>
          <legend>{t('subgroups.students')}</legend>
          {data.students.length === 0 && <p>{t('subgroups.noStudents')}</p>}
          <ul className="split-students">
            {data.students.map((s, index) => (
              <li key={s.id}>
                <SelectField
                  name={`split-${s.id}`}
                  label={s.name}
                  options={parts.map((p, i) => ({
                    value: String(i),
                    label: p.name || t('subgroups.groupN', { n: i + 1 }),
                  }))}
                  value={String(placeOf(s.id, index))}
                  onChange={(e) => setPlacement((all) => ({ ...all, [s.id]: Number(e.target.value) }))}
                />
              </li>
            ))}
          </ul>
        </fieldset>
        <button
          type="submit"
          className="button button-primary"
          disabled={split.isPending}
          aria-busy={split.isPending}
        >
          {t('subgroups.create')}
        </button>
      </form>
    </section>
  );
}
