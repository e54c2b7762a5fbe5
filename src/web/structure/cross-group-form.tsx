import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import type { StructureOverview } from '../../contract/structure.ts';
import { apiGet } from '../app/api.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useT } from '../i18n/use-t.ts';
import { useCatalogForm } from './catalog-kit.tsx';
import { optionsOf } from './structure-api.ts';

type Student = { id: number; lastName: string; firstName: string; middleName: string };
const empty = { groupName: '', subjectId: '', teacherId: '', hoursPerWeek: '' };

/** «Межклассная группа»: an elective or profile group with students ticked class by class. */
export function CrossGroupForm({ data }: { data: StructureOverview }) {
  const t = useT();
  const [classId, setClassId] = useState('');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [created, setCreated] = useState(false);
  const students = useQuery({
    queryKey: ['structure', 'class-students', classId],
    queryFn: () => apiGet<{ students: Student[] }>(`/api/classes/${classId}/students`),
    enabled: classId !== '',
  });
  const form = useCatalogForm({
    initial: empty,
    empty,
    required: ['groupName', 'subjectId', 'teacherId', 'hoursPerWeek'],
    request: (v) => ({
      path: '/api/structure/cross-groups',
      body: {
        groupName: v.groupName,
        subjectId: Number(v.subjectId),
        teacherId: Number(v.teacherId),
        hoursPerWeek: Number(v.hoursPerWeek.replace(',', '.')),
        studentIds: [...chosen],
      },
    }),
    onDone: () => {
      setChosen(new Set());
      setCreated(true);
    },
  });
  const { bind, save, errors } = form;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setCreated(false);
    form.onSubmit(event);
  };
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
        <Field name="groupName" label={t('structure.groupName')} {...bind('groupName')} />
        <SelectField
          name="cross-subjectId"
          label={t('structure.subject')}
          options={optionsOf(
            data.subjects.filter((s) => !s.archived),
            choose,
          )}
          {...bind('subjectId')}
        />
        <SelectField
          name="cross-teacherId"
          label={t('structure.teacher')}
          options={optionsOf(data.teachers, choose)}
          {...bind('teacherId')}
        />
        <Field
          name="cross-hoursPerWeek"
          label={t('structure.hoursPerWeek')}
          inputMode="decimal"
          {...bind('hoursPerWeek')}
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
