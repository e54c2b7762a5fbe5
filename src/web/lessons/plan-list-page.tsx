import { Link } from 'wouter';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { errorMessage, useJournalCourses } from './lessons-api.ts';
import './lessons.css';

/** «КТП»: the teacher's courses, each opening its calendar-thematic plan. */
export default function PlanListPage(_: PageProps) {
  const t = useT();
  useDocumentTitle(t('lessons.plans'));
  const list = useJournalCourses();
  const courses = (list.data?.courses ?? []).filter((c) => c.access === 'teacher' || c.access === 'second');
  return (
    <section className="lessons-page">
      <h1>{t('lessons.plans')}</h1>
      <p>{t('lessons.plansIntro')}</p>
      <FormAlert message={errorMessage(list.error)} />
      {list.isPending && <p className="loading">{t('app.loading')}</p>}
      {list.data && courses.length === 0 && <p>{t('lessons.plansEmpty')}</p>}
      {courses.length > 0 && (
        <div className="table-box">
          <table className="data-table">
            <caption className="visually-hidden">{t('lessons.plans')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lessons.subject')}</th>
                <th scope="col">{t('lessons.group')}</th>
                <th scope="col">{t('lessons.hoursPerWeek')}</th>
                <th scope="col">{t('lessons.journal')}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={`/plan/${c.id}`}>{t('lessons.planOf', { subject: c.subject })}</Link>
                  </th>
                  <td>{c.className && c.className !== c.group ? `${c.className}, ${c.group}` : c.group}</td>
                  <td>{c.hoursPerWeek}</td>
                  <td>
                    <Link
                      href={`/journal/${c.id}`}
                      aria-label={t('lessons.gridOf', { subject: c.subject, group: c.group })}
                    >
                      {t('lessons.toGrid')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
