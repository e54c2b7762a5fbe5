import { useState } from 'react';
import { formatDate } from '../i18n/format-date.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import { HomeworkText } from '../lessons/homework-text.tsx';
import type { DiaryWeek } from './diary-api.ts';
import { weekdayIndex } from './diary-dates.ts';
import { MarkBadge } from './mark-badge.tsx';

type Day = DiaryWeek['days'][number];
type Lesson = Day['lessons'][number];

/** Homework longer than this is shown collapsed with «Показать полностью». */
const longHomework = 160;

/** A day of the week as a card: its lessons, or the day off's name, and the homework due that day. */
export function DayCard({ day, studentId, today }: { day: Day; studentId: number; today: boolean }) {
  const t = useT();
  const weekday = t('diary.weekdays').split(',')[weekdayIndex(day.date)] ?? '';
  const headingId = `day-${day.date}`;
  return (
    <section
      className={today ? 'diary-day diary-day-today' : 'diary-day'}
      aria-labelledby={headingId}
      id={`diary-${day.date}`}
    >
      <h2 className="diary-day-title" id={headingId}>
        <span>{`${weekday} ${formatDate(day.date)}`}</span>
        {today && <span className="diary-today">{t('diary.today')}</span>}
      </h2>
      {day.dayOff && <p className="diary-day-off">{day.dayOff}</p>}
      {day.lessons.length === 0 && !day.dayOff && day.due.length === 0 && (
        <p className="diary-muted">{t('diary.noLessons')}</p>
      )}
      {day.lessons.length > 0 && (
        <ol className="diary-lessons">
          {day.lessons.map((lesson) => (
            <LessonItem key={lesson.lessonId} lesson={lesson} studentId={studentId} />
          ))}
        </ol>
      )}
      {day.due.length > 0 && (
        <div className="diary-due">
          <h3>{t('diary.due')}</h3>
          <ul className="diary-due-list">
            {day.due.map((d) => (
              <li key={d.lessonId}>
                <strong>{d.subject}</strong>{' '}
                <span className="diary-muted">({t('diary.setOn', { date: formatDate(d.setOn) })})</span>
                <Homework text={d.homework} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function LessonItem({ lesson, studentId }: { lesson: Lesson; studentId: number }) {
  const t = useT();
  const when =
    lesson.startsAt && lesson.endsAt
      ? t('diary.lessonTime', { n: lesson.lessonNumber, from: lesson.startsAt, to: lesson.endsAt })
      : t('diary.lessonNumber', { n: lesson.lessonNumber });
  const who = [lesson.teacher, lesson.room ? t('diary.room', { room: lesson.room }) : '']
    .filter(Boolean)
    .join(', ');
  return (
    <li className={lesson.cancelled ? 'diary-lesson diary-lesson-cancelled' : 'diary-lesson'}>
      <div className="diary-lesson-head">
        <span className="diary-lesson-when">{when}</span>
        <strong className="diary-subject">{lesson.subject}</strong>
        {who && <span className="diary-muted">{who}</span>}
      </div>
      {lesson.cancelled && <p className="diary-cancelled">{t('diary.cancelled')}</p>}
      {(lesson.marks.length > 0 || lesson.attendance) && (
        <div className="diary-marks">
          {lesson.attendance && <Attendance value={lesson.attendance} />}
          {lesson.marks.map((m, i) => (
            // A lesson's marks have no id of their own; their order is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <MarkBadge key={i} mark={m} />
          ))}
        </div>
      )}
      {lesson.topic && (
        <p className="diary-topic">
          <span className="diary-label">{t('diary.topic')}</span> {lesson.topic}
        </p>
      )}
      {lesson.homework && (
        <div className="diary-homework">
          <span className="diary-label">{t('diary.homework')}</span>
          <Homework text={lesson.homework} />
          {lesson.homeworkDueOn && (
            <p className="diary-muted">{t('diary.dueOn', { date: formatDate(lesson.homeworkDueOn) })}</p>
          )}
        </div>
      )}
      {lesson.files.length > 0 && (
        <ul className="diary-files" aria-label={t('diary.files')}>
          {lesson.files.map((f) => (
            <li key={f.id}>
              <a href={`/api/diary/${studentId}/files/${f.id}`} download={f.name}>
                {f.name}
              </a>{' '}
              <span className="diary-muted">{fileSize(f.size, t)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function fileSize(bytes: number, t: ReturnType<typeof useT>): string {
  if (bytes >= 1024 * 1024) return t('diary.mb', { n: (bytes / 1024 / 1024).toFixed(1) });
  return t('diary.kb', { n: Math.max(1, Math.round(bytes / 1024)) });
}

function Attendance({ value }: { value: NonNullable<Lesson['attendance']> }) {
  const t = useT();
  const short = t(value.value === 'absent' ? 'diary.absent' : 'diary.late');
  const long = t(value.value === 'absent' ? 'diary.absentLong' : 'diary.lateLong');
  const reason = value.reason ? t(`diary.reason.${value.reason}` as MessageKey) : '';
  return (
    <span className="diary-attendance">
      <span className="diary-attendance-value" aria-hidden="true">
        {short}
      </span>
      <span className="diary-attendance-text">{reason ? `${long} ${reason}` : long}</span>
    </span>
  );
}

/** Homework with its formatting; a long one is collapsed until «Показать полностью». */
function Homework({ text }: { text: string }) {
  const t = useT();
  const long = text.length > longHomework;
  const [open, setOpen] = useState(false);
  if (!long) return <HomeworkText text={text} />;
  return (
    <div className={open ? 'diary-hw-open' : 'diary-hw-closed'}>
      <HomeworkText text={text} />
      <button type="button" className="diary-link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t(open ? 'diary.collapse' : 'diary.expand')}
      </button>
    </div>
  );
}
