import { Link } from 'wouter';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { HomeworkText } from './homework-text.tsx';
import { LessonAttendance } from './lesson-attendance.tsx';
import { LessonFiles } from './lesson-files.tsx';
import { LessonForm } from './lesson-form.tsx';
import { useLessonQueue, useOnline } from './lesson-offline.ts';
import { errorMessage, type LessonPage as Lesson, useLesson } from './lessons-api.ts';
import './lessons.css';

/** «Урок»: topic from the КТП, kind, plan, homework with files and due date. */
export default function LessonPage({ me, params }: PageProps) {
  const t = useT();
  const id = Number(params.id);
  const lesson = useLesson(id);
  const data = lesson.data;
  const title = data
    ? t('lessons.title', { subject: data.subject, group: data.group, date: formatDate(data.date) })
    : t('lessons.titleShort');
  useDocumentTitle(title);
  if (lesson.isError)
    return (
      <>
        <h1>{t('lessons.titleShort')}</h1>
        <FormAlert message={errorMessage(lesson.error)} />
      </>
    );
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  return <LessonContent title={title} lesson={data} csrfToken={me.csrfToken} />;
}

/** The loaded lesson, joined to the device's queue for the changes made without a connection. */
function LessonContent({
  title,
  lesson: data,
  csrfToken,
}: {
  title: string;
  lesson: Lesson;
  csrfToken: string;
}) {
  const t = useT();
  const queue = useLessonQueue(data);
  const online = useOnline();
  return (
    <section className="lessons-page">
      <h1>{title}</h1>
      <dl className="lesson-facts">
        <div>
          <dt>{t('lessons.date')}</dt>
          <dd>
            {formatDate(data.date)}, {t('lessons.lessonNo', { n: data.lessonNumber })}
          </dd>
        </div>
        <div>
          <dt>{t('lessons.teacher')}</dt>
          <dd>{data.teacher}</dd>
        </div>
        {data.substitute && (
          <div>
            <dt>{t('lessons.substitute')}</dt>
            <dd>{data.substitute}</dd>
          </div>
        )}
      </dl>
      <p className="lessons-links">
        <Link href={`/journal/${data.courseId}`}>{t('lessons.toGrid')}</Link>
        <Link href={`/plan/${data.courseId}`}>{t('lessons.toPlan')}</Link>
      </p>
      {queue.ready && <LessonAttendance lesson={data} queue={queue} />}
      {!data.canEdit ? (
        <LessonView lesson={data} />
      ) : (
        queue.ready && <LessonForm key={`${data.id}`} lesson={data} queue={queue} />
      )}
      {data.canEdit && !online && <p className="lesson-pending">{t('lessons.filesOffline')}</p>}
      <LessonFiles lessonId={data.id} files={data.files} canEdit={data.canEdit} csrfToken={csrfToken} />
    </section>
  );
}

function LessonView({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const row = (label: string, value: string | null) => (
    <div>
      <dt>{label}</dt>
      <dd>{value ?? <span className="lessons-muted">{t('lessons.none')}</span>}</dd>
    </div>
  );
  return (
    <>
      <p className="lessons-muted">{t('lessons.readOnly')}</p>
      <dl className="lesson-facts lesson-read">
        {row(t('lessons.topic'), lesson.topic)}
        {row(t('lessons.kind'), lesson.lessonKind)}
        {row(t('lessons.plan'), lesson.plan)}
        <div>
          <dt>{t('lessons.homework')}</dt>
          <dd>
            {lesson.homework ? (
              <HomeworkText text={lesson.homework} />
            ) : (
              <span className="lessons-muted">{t('lessons.none')}</span>
            )}
          </dd>
        </div>
        {row(t('lessons.dueOn'), lesson.homeworkDueOn && formatDate(lesson.homeworkDueOn))}
      </dl>
    </>
  );
}
