import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import type { StructureOverview } from '../../contract/structure.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { CoursesSection } from './courses-section.tsx';
import { CrossGroupForm } from './cross-group-form.tsx';
import { optionsOf, useOverview, useStructureWrite } from './structure-api.ts';
import { SubjectsSection } from './subjects-section.tsx';
import './structure.css';

type ClassRow = StructureOverview['classes'][number];
const emptyClass = { grade: '', letter: '', classTeacherId: '', daysPerWeek: '5' };

/** «Классы и предметы»: the administrator's classes, subjects and teaching load of the current year. */
export default function StructurePage({ me }: PageProps) {
  const t = useT();
  const query = useOverview();
  useDocumentTitle(t('structure.title'));
  if (query.isError)
    return (
      <>
        <h1>{t('structure.title')}</h1>
        <FormAlert
          message={query.error instanceof ApiError ? query.error.message : t('structure.loadFailed')}
        />
      </>
    );
  if (!query.data) return <p className="loading">{t('app.loading')}</p>;
  const data = query.data;
  const manage = data.can.manage && me.abilities.includes('structure.manage');
  return (
    <>
      <h1>{t('structure.title')}</h1>
      {data.academicYear ? (
        <p>{t('structure.year', { name: data.academicYear.name })}</p>
      ) : (
        <p>{t('structure.noYear')}</p>
      )}
      <ClassesSection data={data} manage={manage} />
      <SubjectsSection data={data} manage={manage} />
      <CoursesSection data={data} manage={manage} />
      {manage && data.academicYear && <CrossGroupForm data={data} />}
    </>
  );
}

function ClassesSection({ data, manage }: { data: StructureOverview; manage: boolean }) {
  const t = useT();
  const [editing, setEditing] = useState<ClassRow | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const archive = useStructureWrite(() => setSaved(t('structure.archivedDone')));
  return (
    <section className="structure-section" aria-labelledby="classes-title">
      <h2 id="classes-title">{t('structure.classes')}</h2>
      {saved && <Notice message={saved} />}
      <FormAlert message={archive.error instanceof Error ? archive.error.message : undefined} />
      {data.classes.length === 0 ? (
        <p>{t('structure.noClasses')}</p>
      ) : (
        <div className="table-scroll structure-table-wrap">
          <table className="data-table structure-table">
            <thead>
              <tr>
                <th scope="col">{t('structure.class')}</th>
                <th scope="col">{t('structure.classTeacher')}</th>
                <th scope="col">{t('structure.daysPerWeek')}</th>
                <th scope="col">{t('structure.studentCount')}</th>
                {manage && <th scope="col">{t('structure.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {data.classes.map((c) => (
                <tr key={c.id} className={c.archived ? 'archived' : undefined}>
                  <th scope="row">
                    <Link href={`/class/${c.id}`}>{c.name}</Link>
                    {c.archived && ` (${t('structure.archived')})`}
                  </th>
                  <td>{c.classTeacher ?? '—'}</td>
                  <td>{c.daysPerWeek}</td>
                  <td>{c.studentCount}</td>
                  {manage && (
                    <td>
                      {!c.archived && (
                        <span className="structure-row-actions">
                          <Link className="button button-quiet" href={`/class/${c.id}/subgroups`}>
                            {t('structure.subgroupsOf', { name: c.name })}
                          </Link>
                          <button
                            type="button"
                            className="button button-quiet"
                            onClick={() => {
                              setSaved(null);
                              setEditing(c);
                            }}
                          >
                            {t('structure.edit', { name: c.name })}
                          </button>
                          <button
                            type="button"
                            className="button button-quiet"
                            disabled={archive.isPending}
                            onClick={() => {
                              setSaved(null);
                              if (window.confirm(t('structure.archiveConfirm')))
                                archive.mutate({ path: `/api/structure/classes/${c.id}/archive` });
                            }}
                          >
                            {t('structure.archive', { name: c.name })}
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
        <ClassForm
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

function ClassForm(props: {
  data: StructureOverview;
  editing: ClassRow | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { editing } = props;
  const [values, setValues] = useState(
    editing
      ? {
          grade: String(editing.grade),
          letter: editing.letter,
          classTeacherId: editing.classTeacherId === null ? '' : String(editing.classTeacherId),
          daysPerWeek: String(editing.daysPerWeek),
        }
      : emptyClass,
  );
  const [problems, setProblems] = useState<Problems>({});
  const save = useStructureWrite(() => {
    setValues(emptyClass);
    props.onDone();
  });
  const errors = useFormErrors(problems, save.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = requireFilled(values, ['grade', 'letter']);
    setProblems(found);
    save.reset();
    if (Object.keys(found).length > 0) return;
    save.mutate({
      path: editing ? `/api/structure/classes/${editing.id}` : '/api/structure/classes',
      body: {
        grade: Number(values.grade),
        letter: values.letter.trim().toLocaleUpperCase('ru'),
        classTeacherId: values.classTeacherId ? Number(values.classTeacherId) : null,
        daysPerWeek: Number(values.daysPerWeek),
      },
    });
  };
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const grades = Array.from({ length: 11 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));
  return (
    <form className="form structure-form" onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>
          {editing ? t('structure.editClass', { name: editing.name }) : t('structure.addClass')}
        </legend>
        <FormAlert message={errors.general} />
        <SelectField
          name="grade"
          label={t('structure.grade')}
          options={[{ value: '', label: t('structure.choose') }, ...grades]}
          value={values.grade}
          error={errors.field('grade')}
          onChange={set('grade')}
        />
        <Field
          name="letter"
          label={t('structure.letter')}
          hint={t('structure.letterHint')}
          maxLength={1}
          value={values.letter}
          error={errors.field('letter')}
          onChange={set('letter')}
        />
        <SelectField
          name="classTeacherId"
          label={t('structure.classTeacher')}
          options={optionsOf(props.data.teachers, t('structure.none'))}
          value={values.classTeacherId}
          error={errors.field('classTeacherId')}
          onChange={set('classTeacherId')}
        />
        <SelectField
          name="daysPerWeek"
          label={t('structure.daysPerWeek')}
          options={[
            { value: '5', label: t('structure.days5') },
            { value: '6', label: t('structure.days6') },
          ]}
          value={values.daysPerWeek}
          error={errors.field('daysPerWeek')}
          onChange={set('daysPerWeek')}
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
