import { type FormEvent, useState } from 'react';
import type { StructureOverview } from '../../contract/structure.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { optionsOf, useStructureWrite } from './structure-api.ts';

type CourseRow = StructureOverview['courses'][number];
const empty = { subjectId: '', groupId: '', teacherId: '', secondTeacherId: '', hoursPerWeek: '' };

/** The teaching load, filtered by class: a table and a form to add or change a course. */
export function CoursesSection({ data, manage }: { data: StructureOverview; manage: boolean }) {
  const t = useT();
  // One class at a time by default: a whole school's load is hundreds of rows.
  const [filter, setFilter] = useState(() => String(data.classes.find((c) => !c.archived)?.id ?? ''));
  const [editing, setEditing] = useState<CourseRow | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const archive = useStructureWrite(() => setSaved(t('structure.archivedDone')));
  const shown = data.courses.filter((c) =>
    filter === '' ? true : filter === 'cross' ? c.classId === null : c.classId === Number(filter),
  );
  const filterOptions = [
    { value: '', label: t('structure.allClasses') },
    ...data.classes.filter((c) => !c.archived).map((c) => ({ value: String(c.id), label: c.name })),
    { value: 'cross', label: t('structure.crossGroups') },
  ];
  return (
    <section className="structure-section" aria-labelledby="courses-title">
      <h2 id="courses-title">{t('structure.courses')}</h2>
      <div className="structure-date">
        <SelectField
          name="courseFilter"
          label={t('structure.coursesOf')}
          options={filterOptions}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      {saved && <Notice message={saved} />}
      <FormAlert message={archive.error instanceof Error ? archive.error.message : undefined} />
      {shown.length === 0 ? (
        <p>{t('structure.noCourses')}</p>
      ) : (
        <div className="table-scroll structure-table-wrap">
          <table className="data-table structure-table">
            <thead>
              <tr>
                <th scope="col">{t('structure.group')}</th>
                <th scope="col">{t('structure.subject')}</th>
                <th scope="col">{t('structure.teacher')}</th>
                <th scope="col">{t('structure.secondTeacher')}</th>
                <th scope="col">{t('structure.hoursPerWeek')}</th>
                {manage && <th scope="col">{t('structure.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id} className={c.archived ? 'archived' : undefined}>
                  <th scope="row">
                    {c.group}
                    {c.archived && ` (${t('structure.archived')})`}
                  </th>
                  <td>{c.subject}</td>
                  <td>{c.teacher}</td>
                  <td>{c.secondTeacher ?? '—'}</td>
                  <td>{c.hoursPerWeek}</td>
                  {manage && (
                    <td>
                      {!c.archived && (
                        <span className="structure-row-actions">
                          <button
                            type="button"
                            className="button button-quiet"
                            onClick={() => {
                              setSaved(null);
                              setEditing(c);
                            }}
                          >
                            {t('structure.edit', { name: `${c.group}, ${c.subject}` })}
                          </button>
                          <button
                            type="button"
                            className="button button-quiet"
                            disabled={archive.isPending}
                            onClick={() => {
                              setSaved(null);
                              if (window.confirm(t('structure.archiveConfirm')))
                                archive.mutate({ path: `/api/structure/courses/${c.id}/archive` });
                            }}
                          >
                            {t('structure.archive', { name: `${c.group}, ${c.subject}` })}
                          </button>
                        </span>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage && data.academicYear && (
        <CourseForm
          key={editing?.id ?? 'new'}
          data={data}
          editing={editing}
          onDone={() => {
            setEditing(null);
            setSaved(t('structure.saved'));
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function CourseForm(props: {
  data: StructureOverview;
  editing: CourseRow | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { editing, data } = props;
  const [values, setValues] = useState(
    editing
      ? {
          subjectId: String(editing.subjectId),
          groupId: String(editing.groupId),
          teacherId: String(editing.teacherId),
          secondTeacherId: editing.secondTeacherId === null ? '' : String(editing.secondTeacherId),
          hoursPerWeek: String(editing.hoursPerWeek),
        }
      : empty,
  );
  const [problems, setProblems] = useState<Problems>({});
  const save = useStructureWrite(() => {
    setValues(empty);
    props.onDone();
  });
  const errors = useFormErrors(problems, save.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = requireFilled(values, ['subjectId', 'groupId', 'teacherId', 'hoursPerWeek']);
    setProblems(found);
    save.reset();
    if (Object.keys(found).length > 0) return;
    save.mutate({
      path: editing ? `/api/structure/courses/${editing.id}` : '/api/structure/courses',
      body: {
        subjectId: Number(values.subjectId),
        groupId: Number(values.groupId),
        teacherId: Number(values.teacherId),
        secondTeacherId: values.secondTeacherId ? Number(values.secondTeacherId) : null,
        hoursPerWeek: Number(values.hoursPerWeek.replace(',', '.')),
      },
    });
  };
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const choose = t('structure.choose');
  return (
    <form className="form structure-form" onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>{editing ? t('structure.editCourse') : t('structure.addCourse')}</legend>
        <FormAlert message={errors.general} />
        <SelectField
          name="subjectId"
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
          name="groupId"
          label={t('structure.group')}
          options={optionsOf(data.groups, choose)}
          value={values.groupId}
          error={errors.field('groupId')}
          onChange={set('groupId')}
        />
        <SelectField
          name="teacherId"
          label={t('structure.teacher')}
          options={optionsOf(data.teachers, choose)}
          value={values.teacherId}
          error={errors.field('teacherId')}
          onChange={set('teacherId')}
        />
        <SelectField
          name="secondTeacherId"
          label={t('structure.secondTeacher')}
          options={optionsOf(data.teachers, t('structure.none'))}
          value={values.secondTeacherId}
          error={errors.field('secondTeacherId')}
          onChange={set('secondTeacherId')}
        />
        <Field
          name="hoursPerWeek"
          label={t('structure.hoursPerWeek')}
          inputMode="decimal"
          value={values.hoursPerWeek}
          error={errors.field('hoursPerWeek')}
          onChange={set('hoursPerWeek')}
        />
        <span className="structure-row-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {editing ? t('structure.save') : t('structure.add')}
          </button>
          {editing && (
            <button type="button" className="button button-quiet" onClick={props.onCancel}>
              {t('structure.cancel')}
            </button>
          )}
        </span>
      </fieldset>
    </form>
  );
}
