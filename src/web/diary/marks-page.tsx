import { Link, useLocation, useSearch } from 'wouter';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { ChildSwitcher } from './child-switcher.tsx';
import { type DiaryMarks, studentOf, useDiaryMarks } from './diary-api.ts';
import { dayMonth, formatAverage } from './diary-dates.ts';
import { MarkBadge } from './mark-badge.tsx';
import { TrendLine } from './trend-line.tsx';
import './diary.css';
import './diary-pages.css';

/** «Оценки»: a student's marks by subject for a period, with averages, trends and final marks. */
export default function MarksPage(props: PageProps) {
  const t = useT();
  const studentId = studentOf(props);
  const [path] = useLocation();
  const periodParam = Number(new URLSearchParams(useSearch()).get('periodId'));
  const periodId = Number.isInteger(periodParam) && periodParam > 0 ? periodParam : null;
  const query = useDiaryMarks(studentId, periodId);
  const data = query.data;
  const title = data ? t('diary.marksTitleOf', { name: data.student.name }) : t('diary.marksTitle');
  useDocumentTitle(title);
  const switcher = (
    <ChildSwitcher
      me={props.me}
      studentId={studentId}
      page="marks"
      search={periodId ? `?periodId=${periodId}` : ''}
    />
  );
  if (query.isError)
    return (
      <section className="diary-page">
        <h1>{t('diary.marksTitle')}</h1>
        {switcher}
        <FormAlert message={query.error.message} />
      </section>
    );
  if (!data)
    return (
      <section className="diary-page">
        {switcher}
        <p className="loading">{t('app.loading')}</p>
      </section>
    );
  const period = data.periods.find((p) => p.id === data.periodId);
  return (
    <section className="diary-page">
      <h1>
        {title}
        {data.student.className && <span className="diary-class">{data.student.className}</span>}
      </h1>
      {switcher}
      {data.periods.length > 0 && (
        <nav className="diary-chips" aria-label={t('diary.periods')}>
          {data.periods.map((p) => (
            <Link
              key={p.id}
              href={`${path}?periodId=${p.id}`}
              className="diary-segment"
              aria-current={p.id === data.periodId ? 'page' : undefined}
            >
              {p.name}
            </Link>
          ))}
        </nav>
      )}
      {period && (
        <p className="diary-muted">
          {t('diary.periodDates', {
            name: period.name,
            from: formatDate(period.startsOn),
            to: formatDate(period.endsOn),
          })}
        </p>
      )}
      {data.subjects.length === 0 ? (
        <p className="diary-empty">{t('diary.noSubjects')}</p>
      ) : (
        <ul className="diary-subjects">
          {data.subjects.map((s) => (
            <SubjectCard key={s.subjectId} subject={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SubjectCard({ subject }: { subject: DiaryMarks['subjects'][number] }) {
  const t = useT();
  const language = useLanguage();
  const marks = [...subject.marks].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <li className="diary-subject-card">
      <div className="diary-subject-head">
        <h2>{subject.subject}</h2>
        <p className="diary-average">
          {subject.average === null
            ? t('diary.noAverage')
            : t('diary.average', { value: formatAverage(subject.average, language) })}
        </p>
        <TrendLine marks={marks.map((m) => m.value)} average={subject.average} />
      </div>
      {marks.length === 0 ? (
        <p className="diary-muted">{t('diary.noMarks')}</p>
      ) : (
        <ul className="diary-marks diary-mark-list">
          {marks.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a lesson may hold two marks; the list is fixed
            <li key={`${m.lessonId}-${i}`}>
              <MarkBadge mark={m} extra={dayMonth(m.date)} />
            </li>
          ))}
        </ul>
      )}
      {subject.periodMarks.length > 0 && (
        <p className="diary-finals">
          <span className="diary-label">{t('diary.finalMarks')}:</span>{' '}
          {subject.periodMarks.map((p) => (
            <span key={`${p.periodId}-${p.kind}`} className="diary-final">
              {t('diary.finalMark', { period: p.period, value: p.value })}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}
