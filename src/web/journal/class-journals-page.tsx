import { useState } from 'react';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { CourseTable } from './course-list.tsx';
import { useClassList, useCourses } from './journal-api.ts';
import './journal.css';

/** «Журналы» of the director and deputy: a class, its courses, each opening its grid (read-only). */
export default function ClassJournalsPage(_: PageProps) {
  const t = useT();
  const title = t('section.journals');
  useDocumentTitle(title);
  const classes = useClassList();
  const [chosen, setChosen] = useState<number | null>(null);
  const classId = chosen ?? classes.data?.classes[0]?.id ?? null;
  const courses = useCourses(classId, classId !== null);
  if (classes.isError)
    return (
      <>
        <h1>{title}</h1>
        <FormAlert
          message={classes.error instanceof ApiError ? classes.error.message : t('journal.loadFailed')}
        />
      </>
    );
  if (!classes.data) return <p className="loading">{t('app.loading')}</p>;
  if (classes.data.classes.length === 0)
    return (
      <>
        <h1>{title}</h1>
        <p className="panel">{t('journal.noClasses')}</p>
      </>
    );
  return (
    <>
      <h1>{title}</h1>
      <div className="form-row">
        <SelectField
          name="class"
          label={t('journal.class')}
          value={String(classId)}
          onChange={(e) => setChosen(Number(e.target.value))}
          options={classes.data.classes.map((c) => ({ value: String(c.id), label: c.name }))}
        />
      </div>
      {courses.isError && (
        <FormAlert
          message={courses.error instanceof ApiError ? courses.error.message : t('journal.loadFailed')}
        />
      )}
      {!courses.data && !courses.isError && <p className="loading">{t('app.loading')}</p>}
      {courses.data &&
        (courses.data.courses.length === 0 ? (
          <p className="panel">{t('journal.classNoCourses')}</p>
        ) : (
          <CourseTable courses={courses.data.courses} caption={t('journal.classCourses')} />
        ))}
    </>
  );
}
