import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'wouter';
import { apiGet } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { type LessonPage, lessonKeys, lessonPaths } from '../lessons/lessons-api.ts';
import { CourseRemarks } from '../reports/course-remarks.tsx';
import { useGrid } from './journal-api.ts';
import { JournalGrid } from './journal-grid.tsx';
import './journal.css';

function numberParam(value: string | null | undefined): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

/** «Журнал» of a course: period tabs and the grid (`/journal/:courseId?periodId=&lessonId=`). */
export default function GridPage({ me, params }: PageProps) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const courseId = numberParam(params.courseId) ?? 0;
  const periodId = numberParam(search.get('periodId'));
  const lessonId = numberParam(search.get('lessonId'));
  const grid = useGrid(courseId, periodId);
  // A lesson a link asks for (a report, a remark) may lie in another period than the current one:
  // its date tells which period to open.
  const elsewhere =
    grid.data !== undefined &&
    lessonId !== null &&
    periodId === null &&
    !grid.data.lessons.some((l) => l.id === lessonId);
  const asked = useQuery({
    queryKey: lessonKeys.lesson(lessonId ?? 0),
    queryFn: () => apiGet<LessonPage>(lessonPaths.lesson(lessonId ?? 0)),
    enabled: elsewhere,
  });
  const askedDate = elsewhere ? asked.data?.date : undefined;
  const periods = grid.data?.periods;
  const shown = grid.data?.period.id;
  useEffect(() => {
    if (askedDate === undefined || lessonId === null) return;
    const period = periods?.find(
      (p) => p.kind === 'term' && p.startsOn <= askedDate && askedDate <= p.endsOn,
    );
    if (period && period.id !== shown) setSearch({ periodId: String(period.id), lessonId: String(lessonId) });
  }, [askedDate, periods, shown, lessonId, setSearch]);
  const title = grid.data ? `${grid.data.course.subject}, ${grid.data.course.group}` : t('section.journal');
  useDocumentTitle(title);

  if (grid.isError)
    return (
      <>
        <h1>{t('section.journal')}</h1>
        <FormAlert message={grid.error instanceof ApiError ? grid.error.message : t('journal.loadFailed')} />
      </>
    );
  if (!grid.data) return <p className="loading">{t('app.loading')}</p>;
  const data = grid.data;
  return (
    <>
      <h1>{title}</h1>
      <p className="jg-meta">
        {t('journal.teacher', { name: data.course.teacher })}
        {data.course.className ? ` · ${t('journal.className', { name: data.course.className })}` : ''}
      </p>
      <CourseRemarks me={me} courseId={courseId} lessonId={lessonId} />
      <nav className="jg-periods" aria-label={t('journal.periods')}>
        {data.periods.map((p) => (
          <button
            key={p.id}
            type="button"
            className={p.id === data.period.id ? 'button button-primary' : 'button'}
            aria-current={p.id === data.period.id ? 'page' : undefined}
            onClick={() => setSearch({ periodId: String(p.id) })}
          >
            {p.name}
            {p.closed ? ` (${t('journal.closed')})` : ''}
          </button>
        ))}
      </nav>
      <JournalGrid
        key={`${courseId}-${data.period.id}`}
        grid={data}
        lessonId={lessonId}
        periodId={periodId}
      />
    </>
  );
}
