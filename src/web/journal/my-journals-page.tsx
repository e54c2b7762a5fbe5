import { Link } from 'wouter';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { CourseTable } from './course-list.tsx';
import { useCourses } from './journal-api.ts';
import './journal.css';

/** «Журнал» of a teacher: own journals and the lessons they substitute. */
export default function MyJournalsPage(_: PageProps) {
  const t = useT();
  const title = t('journal.myTitle');
  useDocumentTitle(title);
  const list = useCourses();
  if (list.isError)
    return (
      <>
        <h1>{title}</h1>
        <FormAlert message={list.error instanceof ApiError ? list.error.message : t('journal.loadFailed')} />
      </>
    );
  if (!list.data) return <p className="loading">{t('app.loading')}</p>;
  const { courses, substitutions } = list.data;
  // Own courses first; the class teacher's class and substituted courses are read in a second list.
  const own = courses.filter((c) => c.access === 'teacher' || c.access === 'second');
  const others = courses.filter((c) => c.access !== 'teacher' && c.access !== 'second');
  return (
    <>
      <h1>{title}</h1>
      {own.length === 0 ? (
        <p className="panel">{t('journal.noCourses')}</p>
      ) : (
        <CourseTable courses={own} caption={title} />
      )}
      {others.length > 0 && (
        <>
          <h2>{t('journal.otherJournals')}</h2>
          <CourseTable courses={others} caption={t('journal.otherJournals')} />
        </>
      )}
      <h2>{t('journal.substitutions')}</h2>
      {substitutions.length === 0 ? (
        <p>{t('journal.noSubstitutions')}</p>
      ) : (
        <ul className="jg-list">
          {substitutions.map((s) => (
            <li key={s.lessonId}>
              <Link href={`/journal/${s.courseId}?lessonId=${s.lessonId}`}>
                {t('journal.substitutionItem', {
                  date: formatDate(s.date),
                  n: s.lessonNumber,
                  subject: s.subject,
                  group: s.group,
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
