import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { z } from 'zod';
import type { Me } from '../../contract/auth.ts';
import type { acknowledgeAnswer } from '../../contract/diary.ts';
import { apiPost } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import { fullName } from '../app/person.ts';
import { queryClient } from '../app/session.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { ChildSwitcher } from './child-switcher.tsx';
import { DayCard } from './day-card.tsx';
import { type DiaryWeek, diaryKeys, isoParam, refreshDiary, studentOf, useWeek } from './diary-api.ts';
import { addDays, openingPlace, todayIso } from './diary-dates.ts';
import { WeekNav } from './week-nav.tsx';
import './diary.css';

/** The end of the week: «Ознакомлен» and the way on to the next week. */
const weekEndId = 'diary-week-end';

/** «Дневник»: a student's week, a card per day, today's card in view; «Ознакомлен» for parents. */
export default function WeekPage(props: PageProps) {
  const t = useT();
  const studentId = studentOf(props);
  const [path] = useLocation();
  const search = useSearch();
  const week = isoParam(search, 'week');
  const query = useWeek(studentId, week);
  const data = query.data;
  const title = data ? t('diary.titleOf', { name: data.student.name }) : t('diary.title');
  useDocumentTitle(title);
  const today = todayIso();
  const empty = data ? data.days.every((d) => d.lessons.length === 0 && d.due.length === 0) : false;
  const shown = data ? data.days.filter((d) => !empty || d.dayOff || d.date === today) : [];
  const place = data
    ? openingPlace(
        data.weekStart,
        shown.map((d) => d.date),
        today,
      )
    : null;
  const scrolledTo = useRef('');
  useEffect(() => {
    if (!data || scrolledTo.current === data.weekStart) return;
    scrolledTo.current = data.weekStart;
    if (place === 'end') document.getElementById(weekEndId)?.scrollIntoView({ block: 'end' });
    else if (place) document.getElementById(`diary-${place}`)?.scrollIntoView({ block: 'start' });
  }, [data, place]);
  const switcher = (
    <ChildSwitcher me={props.me} studentId={studentId} page="diary" search={week ? `?week=${week}` : ''} />
  );
  if (query.isError)
    return (
      <section className="diary-page">
        <h1>{t('diary.title')}</h1>
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
  const weekEnd = addDays(data.weekStart, 6);
  return (
    <section className="diary-page">
      <h1>
        {title}
        {data.student.className && <span className="diary-class">{data.student.className}</span>}
      </h1>
      {switcher}
      <WeekNav path={path} weekStart={data.weekStart} weekEnd={weekEnd} />
      {empty && <p className="diary-empty">{t('diary.emptyWeek')}</p>}
      {shown.map((day) => (
        <DayCard key={day.date} day={day} studentId={studentId} today={day.date === today} />
      ))}
      <div className="diary-week-end" id={weekEndId}>
        <Acknowledge me={props.me} studentId={studentId} week={week} data={data} />
        <p className="diary-end-nav">
          <Link
            className="button button-quiet diary-next"
            href={`${path}?week=${addDays(data.weekStart, 7)}`}
          >
            {t('diary.nextWeek')}
          </Link>
        </p>
      </div>
    </section>
  );
}

function localDay(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? formatDate(at) : formatDate(d);
}

/** «Ознакомлен»: saved at once on screen; a refusal puts the button back with the reason. */
function Acknowledge({
  me,
  studentId,
  week,
  data,
}: {
  me: Me;
  studentId: number;
  week: string | null;
  data: DiaryWeek;
}) {
  const t = useT();
  const key = diaryKeys.week(studentId, week);
  const save = useMutation({
    mutationFn: () =>
      apiPost<z.infer<typeof acknowledgeAnswer>>(`/api/diary/${studentId}/acknowledge`, {
        weekStart: data.weekStart,
      }),
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<DiaryWeek>(key);
      if (before)
        queryClient.setQueryData<DiaryWeek>(key, {
          ...before,
          acknowledged: [
            ...before.acknowledged,
            { guardianId: me.person.id, name: fullName(me.person), at: new Date().toISOString() },
          ],
        });
      return { before };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => refreshDiary(),
  });
  const mine = data.acknowledged.find((a) => a.guardianId === me.person.id);
  const others = data.acknowledged.filter((a) => a.guardianId !== me.person.id);
  if (!mine && !data.canAcknowledge && others.length === 0) return null;
  return (
    <footer className="diary-ack">
      {others.map((a) => (
        <p key={a.guardianId} className="diary-muted">
          {t('diary.acknowledgedBy', { name: a.name, date: localDay(a.at) })}
        </p>
      ))}
      {mine ? (
        <p className="diary-ack-done" role="status">
          <span aria-hidden="true">✓ </span>
          {t('diary.acknowledged', { date: localDay(mine.at) })}
          {save.isPending && <span className="diary-muted"> {t('diary.acknowledgeSaving')}</span>}
        </p>
      ) : (
        data.canAcknowledge && (
          <button
            type="button"
            className="button button-primary diary-ack-button"
            aria-label={t('diary.acknowledgeLabel', {
              from: formatDate(data.weekStart),
              to: formatDate(addDays(data.weekStart, 6)),
            })}
            onClick={() => save.mutate()}
          >
            {t('diary.acknowledge')}
          </button>
        )
      )}
      {save.isError && <FormAlert message={t('diary.acknowledgeFailed', { message: save.error.message })} />}
    </footer>
  );
}
