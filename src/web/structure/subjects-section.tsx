import { type FormEvent, useState } from 'react';
import type { StructureOverview } from '../../contract/structure.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { useStructureWrite } from './structure-api.ts';

type SubjectRow = StructureOverview['subjects'][number];
const empty = { subjectName: '', shortName: '', sortOrder: '' };

/** The school's subjects: a table, and a form to add one or change the chosen one. */
export function SubjectsSection({ data, manage }: { data: StructureOverview; manage: boolean }) {
  const t = useT();
  const [editing, setEditing] = useState<SubjectRow | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const archive = useStructureWrite(() => setSaved(t('structure.archivedDone')));
  return (
    <section className="structure-section" aria-labelledby="subjects-title">
      <h2 id="subjects-title">{t('structure.subjects')}</h2>
      {saved && <Notice message={saved} />}
      <FormAlert message={archive.error instanceof Error ? archive.error.message : undefined} />
      {data.subjects.length === 0 ? (
        <p>{t('structure.noSubjects')}</p>
      ) : (
        <div className="table-scroll structure-table-wrap">
          <table className="data-table structure-table">
            <thead>
              <tr>
                <th scope="col">{t('structure.subjectName')}</th>
                <th scope="col">{t('structure.shortName')}</th>
                <th scope="col">{t('structure.sortOrder')}</th>
                {manage && <th scope="col">{t('structure.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {data.subjects.map((s) => (
                <tr key={s.id} className={s.archived ? 'archived' : undefined}>
                  <th scope="row">
                    {s.name}
                    {s.archived && ` (${t('structure.archived')})`}
                  </th>
                  <td>{s.shortName}</td>
                  <td>{s.sortOrder}</td>
                  {manage && (
                    <td>
                      {!s.archived && (
                        <span className="structure-row-actions">
                          <button
                            type="button"
                            className="button button-quiet"
                            onClick={() => {
                              setSaved(null);
                              setEditing(s);
                            }}
                          >
                            {t('structure.edit', { name: s.name })}
                          </button>
                          <button
                            type="button"
                            className="button button-quiet"
                            disabled={archive.isPending}
                            onClick={() => {
                              setSaved(null);
                              if (window.confirm(t('structure.archiveConfirm')))
                                archive.mutate({ path: `/api/structure/subjects/${s.id}/archive` });
                            }}
                          >
                            {t('structure.archive', { name: s.name })}
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
      {manage && (
        <SubjectForm
          key={editing?.id ?? 'new'}
          editing={editing}
          nextOrder={Math.max(0, ...data.subjects.map((s) => s.sortOrder)) + 1}
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

function SubjectForm(props: {
  editing: SubjectRow | null;
  nextOrder: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { editing } = props;
  const [values, setValues] = useState(
    editing
      ? { subjectName: editing.name, shortName: editing.shortName, sortOrder: String(editing.sortOrder) }
      : { ...empty, sortOrder: String(props.nextOrder) },
  );
  const [problems, setProblems] = useState<Problems>({});
  const save = useStructureWrite(() => {
    setValues(empty);
    props.onDone();
  });
  const errors = useFormErrors(problems, save.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = requireFilled(values, ['subjectName', 'shortName', 'sortOrder']);
    setProblems(found);
    save.reset();
    if (Object.keys(found).length > 0) return;
    save.mutate({
      path: editing ? `/api/structure/subjects/${editing.id}` : '/api/structure/subjects',
      body: {
        subjectName: values.subjectName,
        shortName: values.shortName,
        sortOrder: Number(values.sortOrder),
      },
    });
  };
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  return (
    <form className="form structure-form" onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>
          {editing ? t('structure.editSubject', { name: editing.name }) : t('structure.addSubject')}
        </legend>
        <FormAlert message={errors.general} />
        <Field
          name="subjectName"
          label={t('structure.subjectName')}
          value={values.subjectName}
          error={errors.field('subjectName')}
          onChange={set('subjectName')}
        />
        <Field
          name="shortName"
          label={t('structure.shortName')}
          value={values.shortName}
          error={errors.field('shortName')}
          onChange={set('shortName')}
        />
        <Field
          name="sortOrder"
          label={t('structure.sortOrder')}
          inputMode="numeric"
          value={values.sortOrder}
          error={errors.field('sortOrder')}
          onChange={set('sortOrder')}
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
