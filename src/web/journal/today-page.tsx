import { useQueries } from '@tanstack/react-query';
import { Link } from 'wouter';
import { apiGet } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { TodayRemarks } from '../reports/course-remarks.tsx';
import { type Grid, gridPath, journalKeys, todayIso, useCourses } from './journal-api.ts';
import './journal.css';

interface TodayLesson {
  lessonId: number;
  courseId: number;
  lessonNumber: number;
  subject: string;
  group: string;
  topic: string | null;
  homework: string | null;
  attendanceTaken: boolean;
  marks: number | null;
}

function lessonsOn(grid: Grid, date: string): TodayLesson[] {
  return grid.lessons
    .filter((l) => l.date === date)
    .map((l) => ({
      lessonId: l.id,
      courseId: grid.course.id,
      lessonNumber: l.lessonNumber,
      subject: grid.course.subject,
      group: grid.course.group,
      topic: l.topic,
      homework: l.homework,
      attendanceTaken: l.attendanceTaken,
      marks: grid.marks.filter((m) => m.lessonId === l.id).length,
    }));
}

/** «Сегодня» of a teacher: today's lessons in order, what each still lacks, links to the grid and the lesson. */
export default function TodayPage({ me }: PageProps) {
  const t = useT();
  const title = t('journal.todayTitle');
  useDocumentTitle(title);
  const today = todayIso();
  const list = useCourses();
  const own = (list.data?.courses ?? []).filter((c) => c.access === 'teacher' || c.access === 'second');
  const grids = useQueries({
    queries: own.map((c) => ({
      queryKey: journalKeys.grid(c.id, null),
      queryFn: () => apiGet<Grid>(gridPath(c.id, null)),
      staleTime: 30_000,
    })),
  });
  if (list.isError)
    return (
      <>
        <h1>{title}</h1>
        <FormAlert message={list.error instanceof ApiError ? list.error.message : t('journal.loadFailed')} />
      </>
    );
  if (!list.data || grids.some((g) => g.isPending)) return <p className="loading">{t('app.loading')}</p>;
  const lessons: TodayLesson[] = grids.flatMap((g) => (g.data ? lessonsOn(g.data, today) : []));
  for (const s of list.data.substitutions) {
    if (s.date !== today) continue;
    lessons.push({
      lessonId: s.lessonId,
      courseId: s.courseId,
      lessonNumber: s.lessonNumber,
      subject: s.subject,
      group: s.group,
      topic: null,
      homework: null,
      attendanceTaken: false,
      marks: null,
    });
  }
  lessons.sort((a, b) => a.lessonNumber - b.lessonNumber);
  const failed = grids.find((g) => g.isError);
  return (
    <>
      <h1>{title}</h1>
      <p>{formatDate(today)}</p>
      <TodayRemarks me={me} />
      {failed && (
        <FormAlert
          message={failed.error instanceof ApiError ? failed.error.message : t('journal.loadFailed')}
        />
      )}
      {lessons.length === 0 ? (
        <p className="panel">
          {t('journal.todayEmpty')} <Link href="/teacher/journal">{t('journal.myTitle')}</Link>
        </p>
      ) : (
        <ol className="jg-today">
          {lessons.map((l) => (
            <li key={l.lessonId} className="panel">
              <h2>{t('journal.lessonHeading', { n: l.lessonNumber, subject: l.subject, group: l.group })}</h2>
              <ul className="jg-today-status">
                <li>{l.topic ? t('journal.topicIs', { topic: l.topic }) : t('journal.noTopic')}</li>
                {l.marks !== null && (
                  <li>{l.attendanceTaken ? t('journal.attendanceDone') : t('journal.attendanceMissing')}</li>
                )}
                {l.marks !== null && (
                  <li>{l.homework ? t('journal.homeworkDone') : t('journal.homeworkMissing')}</li>
                )}
                {l.marks !== null && <li>{t('journal.marksCount', { count: l.marks })}</li>}
              </ul>
              <p className="form-row">
                <Link className="button button-primary" href={`/lessons/${l.lessonId}`}>
                  {t('journal.openLesson')}
                </Link>
                <Link className="button" href={`/journal/${l.courseId}?lessonId=${l.lessonId}`}>
                  {t('journal.openGrid')}
                </Link>
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
