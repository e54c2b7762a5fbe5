import type { StructureOverview } from '../../contract/structure.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { useT } from '../i18n/use-t.ts';
import { CatalogSection, FormButtons, useCatalog, useCatalogForm } from './catalog-kit.tsx';

type SubjectRow = StructureOverview['subjects'][number];
const empty = { subjectName: '', shortName: '', sortOrder: '' };

/** The school's subjects: a table, and a form to add one or change the chosen one. */
export function SubjectsSection({ data, manage }: { data: StructureOverview; manage: boolean }) {
  const t = useT();
  const catalog = useCatalog<SubjectRow>();
  return (
    <CatalogSection
      id="subjects-title"
      title={t('structure.subjects')}
      catalog={catalog}
      manage={manage}
      rows={data.subjects}
      empty={t('structure.noSubjects')}
      columns={[t('structure.subjectName'), t('structure.shortName'), t('structure.sortOrder')]}
      rowHeader={(s) => s.name}
      cells={(s) => (
        <>
          <td>{s.shortName}</td>
          <td>{s.sortOrder}</td>
        </>
      )}
      nameOf={(s) => s.name}
      archivePath={(s) => `/api/structure/subjects/${s.id}/archive`}
    >
      {manage && (
        <SubjectForm
          key={catalog.formKey}
          {...catalog.formProps}
          nextOrder={Math.max(0, ...data.subjects.map((s) => s.sortOrder)) + 1}
        />
      )}
    </CatalogSection>
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
  const { bind, save, errors, onSubmit } = useCatalogForm({
    initial: editing
      ? { subjectName: editing.name, shortName: editing.shortName, sortOrder: String(editing.sortOrder) }
      : { ...empty, sortOrder: String(props.nextOrder) },
    empty,
    required: ['subjectName', 'shortName', 'sortOrder'],
    request: (v) => ({
      path: editing ? `/api/structure/subjects/${editing.id}` : '/api/structure/subjects',
      body: { subjectName: v.subjectName, shortName: v.shortName, sortOrder: Number(v.sortOrder) },
    }),
    onDone: props.onDone,
  });
  return (
    <form className="form structure-form" onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>
          {editing ? t('structure.editSubject', { name: editing.name }) : t('structure.addSubject')}
        </legend>
        <FormAlert message={errors.general} />
        <Field name="subjectName" label={t('structure.subjectName')} {...bind('subjectName')} />
        <Field name="shortName" label={t('structure.shortName')} {...bind('shortName')} />
        <Field name="sortOrder" label={t('structure.sortOrder')} inputMode="numeric" {...bind('sortOrder')} />
        <FormButtons editing={editing !== null} pending={save.isPending} onCancel={props.onCancel} />
      </fieldset>
    </form>
  );
}
