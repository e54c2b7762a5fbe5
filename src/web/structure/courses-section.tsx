import { useState } from 'react';
import type { StructureOverview } from '../../contract/structure.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useT } from '../i18n/use-t.ts';
import { CatalogSection, FormButtons, useCatalog, useCatalogForm } from './catalog-kit.tsx';
import { optionsOf } from './structure-api.ts';

type CourseRow = StructureOverview['courses'][number];
const empty = { subjectId: '', groupId: '', teacherId: '', secondTeacherId: '', hoursPerWeek: '' };

/** The teaching load, filtered by class: a table and a form to add or change a course. */
export function CoursesSection({ data, manage }: { data: StructureOverview; manage: boolean }) {
  const t = useT();
  // One class at a time by default: a whole school's load is hundreds of rows.
  const [filter, setFilter] = useState(() => String(data.classes.find((c) => !c.archived)?.id ?? ''));
  const catalog = useCatalog<CourseRow>();
  const shown = data.courses.filter((c) =>
    filter === '' ? true : filter === 'cross' ? c.classId === null : c.classId === Number(filter),
  );
  const filterOptions = [
    { value: '', label: t('structure.allClasses') },
    ...data.classes.filter((c) => !c.archived).map((c) => ({ value: String(c.id), label: c.name })),
    { value: 'cross', label: t('structure.crossGroups') },
  ];
  return (
    <CatalogSection
      id="courses-title"
      title={t('structure.courses')}
      catalog={catalog}
      manage={manage}
      before={
        <div className="structure-date">
          <SelectField
            name="courseFilter"
            label={t('structure.coursesOf')}
            options={filterOptions}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
      }
      rows={shown}
      empty={t('structure.noCourses')}
      columns={[
        t('structure.group'),
        t('structure.subject'),
        t('structure.teacher'),
        t('structure.secondTeacher'),
        t('structure.hoursPerWeek'),
      ]}
      rowHeader={(c) => c.group}
      cells={(c) => (
        <>
          <td>{c.subject}</td>
          <td>{c.teacher}</td>
          <td>{c.secondTeacher ?? '—'}</td>
          <td>{c.hoursPerWeek}</td>
        </>
      )}
      nameOf={(c) => `${c.group}, ${c.subject}`}
      archivePath={(c) => `/api/structure/courses/${c.id}/archive`}
    >
      {manage && data.academicYear && <CourseForm key={catalog.formKey} data={data} {...catalog.formProps} />}
    </CatalogSection>
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
  const { bind, save, errors, onSubmit } = useCatalogForm({
    initial: editing
      ? {
          subjectId: String(editing.subjectId),
          groupId: String(editing.groupId),
          teacherId: String(editing.teacherId),
          secondTeacherId: editing.secondTeacherId === null ? '' : String(editing.secondTeacherId),
          hoursPerWeek: String(editing.hoursPerWeek),
        }
      : empty,
    empty,
    required: ['subjectId', 'groupId', 'teacherId', 'hoursPerWeek'],
    request: (v) => ({
      path: editing ? `/api/structure/courses/${editing.id}` : '/api/structure/courses',
      body: {
        subjectId: Number(v.subjectId),
        groupId: Number(v.groupId),
        teacherId: Number(v.teacherId),
        secondTeacherId: v.secondTeacherId ? Number(v.secondTeacherId) : null,
        hoursPerWeek: Number(v.hoursPerWeek.replace(',', '.')),
      },
    }),
    onDone: props.onDone,
  });
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
          {...bind('subjectId')}
        />
        <SelectField
          name="groupId"
          label={t('structure.group')}
          options={optionsOf(data.groups, choose)}
          {...bind('groupId')}
        />
        <SelectField
          name="teacherId"
          label={t('structure.teacher')}
          options={optionsOf(data.teachers, choose)}
          {...bind('teacherId')}
        />
        <SelectField
          name="secondTeacherId"
          label={t('structure.secondTeacher')}
          options={optionsOf(data.teachers, t('structure.none'))}
          {...bind('secondTeacherId')}
        />
        <Field
          name="hoursPerWeek"
          label={t('structure.hoursPerWeek')}
          inputMode="decimal"
          {...bind('hoursPerWeek')}
        />
        <FormButtons editing={editing !== null} pending={save.isPending} onCancel={props.onCancel} />
      </fieldset>
    </form>
  );
}
