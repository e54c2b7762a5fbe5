import { Link } from 'wouter';
import type { StructureOverview } from '../../contract/structure.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { CatalogSection, FormButtons, useCatalog, useCatalogForm } from './catalog-kit.tsx';
import { CoursesSection } from './courses-section.tsx';
import { CrossGroupForm } from './cross-group-form.tsx';
import { optionsOf, useOverview } from './structure-api.ts';
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
  const catalog = useCatalog<ClassRow>();
  return (
    <CatalogSection
      id="classes-title"
      title={t('structure.classes')}
      catalog={catalog}
      manage={manage}
      rows={data.classes}
      empty={t('structure.noClasses')}
      columns={[
        t('structure.class'),
        t('structure.classTeacher'),
        t('structure.daysPerWeek'),
        t('structure.studentCount'),
      ]}
      rowHeader={(c) => <Link href={`/class/${c.id}`}>{c.name}</Link>}
      cells={(c) => (
        <>
          <td>{c.classTeacher ?? '—'}</td>
          <td>{c.daysPerWeek}</td>
          <td>{c.studentCount}</td>
        </>
      )}
      nameOf={(c) => c.name}
      archivePath={(c) => `/api/structure/classes/${c.id}/archive`}
      extraActions={(c) => (
        <Link className="button button-quiet" href={`/class/${c.id}/subgroups`}>
          {t('structure.subgroupsOf', { name: c.name })}
        </Link>
      )}
    >
      {manage && data.academicYear && <ClassForm key={catalog.formKey} data={data} {...catalog.formProps} />}
    </CatalogSection>
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
  const { bind, save, errors, onSubmit } = useCatalogForm({
    initial: editing
      ? {
          grade: String(editing.grade),
          letter: editing.letter,
          classTeacherId: editing.classTeacherId === null ? '' : String(editing.classTeacherId),
          daysPerWeek: String(editing.daysPerWeek),
        }
      : emptyClass,
    empty: emptyClass,
    required: ['grade', 'letter'],
    request: (v) => ({
      path: editing ? `/api/structure/classes/${editing.id}` : '/api/structure/classes',
      body: {
        grade: Number(v.grade),
        letter: v.letter.trim().toLocaleUpperCase('ru'),
        classTeacherId: v.classTeacherId ? Number(v.classTeacherId) : null,
        daysPerWeek: Number(v.daysPerWeek),
      },
    }),
    onDone: props.onDone,
  });
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
          {...bind('grade')}
        />
        <Field
          name="letter"
          label={t('structure.letter')}
          hint={t('structure.letterHint')}
          maxLength={1}
          {...bind('letter')}
        />
        <SelectField
          name="classTeacherId"
          label={t('structure.classTeacher')}
          options={optionsOf(props.data.teachers, t('structure.none'))}
          {...bind('classTeacherId')}
        />
        <SelectField
          name="daysPerWeek"
          label={t('structure.daysPerWeek')}
          options={[
            { value: '5', label: t('structure.days5') },
            { value: '6', label: t('structure.days6') },
          ]}
          {...bind('daysPerWeek')}
        />
        <FormButtons editing={editing !== null} pending={save.isPending} onCancel={props.onCancel} />
      </fieldset>
    </form>
  );
}
