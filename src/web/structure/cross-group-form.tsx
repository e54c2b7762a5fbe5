import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import type { StructureOverview } from '../../contract/structure.ts';
import { apiGet } from '../app/api.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { optionsOf, useStructureWrite } from './structure-api.ts';

type Student = { id: number; lastName: string; firstName: string; middleName: string };
const empty = { groupName: '', subjectId: '', teacherId: '', hoursPerWeek: '' };

/** «Межклассная группа»: an elective or profile group with students ticked class by class. */
export function CrossGroupForm({ data }: { data: StructureOverview }) {
  const t = useT();
  const [values, setValues] = useState(empty);
  const [classId, setClassId] = useState('');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [problems, setProblems] = useState<Problems>({});
  const [created, setCreated] = useState(false);
  const students = useQuery({
    queryKey: ['structure', 'class-students', classId],
    queryFn: () => apiGet<{ students: Student[] }>(`/api/classes/${classId}/students`),
    enabled: classId !== '',
  });
  const save = useStructureWrite(() => {
    setValues(empty);
    setChosen(new Set());
    setCreated(true);
  });
  const errors = useFormErrors(problems, save.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(false);
    const found = requireFilled(values, ['groupName', 'subjectId', 'teacherId', 'hoursPerWeek']);
    setProblems(found);
    save.reset();
    if (Object.keys(found).length > 0) return;
    save.mutate({
      path: '/api/structure/cross-groups',
      body: {
        groupName: values.groupName,
        subjectId: Number(values.subjectId),
        teacherId: Number(values.teacherId),
        hoursPerWeek: Number(values.hoursPerWeek.replace(',', '.')),
        studentIds: [...chosen],
      },
    });
  };
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const toggle = (id: number) =>
    setChosen((all) => {
      const next = new Set(all);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const choose = t('structure.choose');
  return (
    <section className="structure-section" aria-labelledby="cross-title">
      <h2 id="cross-title">{t('structure.crossGroup')}</h2>
      <p>{t('structure.crossIntro')}</p>
      <p>
        <Link href="/admin/groups">{t('cross.open')}</Link>
      </p>
      {created && <Notice message={t('structure.saved')} />}
      <form className="form structure-form" onSubmit={onSubmit} noValidate>
        <FormAlert message={errors.general} />
        <Field
          name="groupName"
          label={t('structure.groupName')}
          value={values.groupName}
          error={errors.field('groupName')}
          onChange={set('groupName')}
        />
        <SelectField
          name="cross-subjectId"
          label={t('structure.subject')}
          options={optionsOf(
            data.subjects.filter((s) => !s.archived),
            choose,
          )}
          value={values.subjectId}
          error={errors.field('subjectId')}
          onChange={set('subjectId')}
        />
        <SelectField
          name="cross-teacherId"
          label={t('structure.teacher')}
          options={optionsOf(data.teachers, choose)}
          value={values.teacherId}
          error={errors.field('teacherId')}
          onChange={set('teacherId')}
        />
        <Field
          name="cross-hoursPerWeek"
          label={t('structure.hoursPerWeek')}
          inputMode="decimal"
          value={values.hoursPerWeek}
          error={errors.field('hoursPerWeek')}
          onChange={set('hoursPerWeek')}
        />
        <fieldset>
          <legend>{t('structure.membersOf')}</legend>
          <SelectField
            name="cross-classId"
            label={t('structure.class')}
            options={optionsOf(
              data.classes.filter((c) => !c.archived),
              choose,
            )}
            value={classId}
            onChange={(e) => setClassId(e.target.value)}
          />
          <ul className="split-students">
            {(students.data?.students ?? []).map((s) => {
              const name = `${s.lastName} ${s.firstName} ${s.middleName}`.trim();
              return (
                <li key={s.id}>
                  <label>
                    <input type="checkbox" checked={chosen.has(s.id)} onChange={() => toggle(s.id)} /> {name}
                  </label>
                </li>
              );
            })}
          </ul>
          <p role="status">{t('structure.selected', { count: chosen.size })}</p>
          {errors.field('studentIds') && <p className="field-error">{errors.field('studentIds')}</p>}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('structure.createCross')}
        </button>
      </form>
    </section>
  );
}
