import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { draftReport } from '../../contract/timetable.ts';
import { apiPost } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import { ChangesTab } from './changes-tab.tsx';
import { LessonsTab } from './lessons-tab.tsx';
import { SlotForm, type SlotTarget } from './slot-form.tsx';
import { refreshTimetable, todayIso, useClasses, useWeek, type Week } from './timetable-api.ts';
import { WeekGrid } from './week-grid.tsx';
import './timetable.css';

type Tab = 'week' | 'changes' | 'lessons';
const tabs: [Tab, MessageKey][] = [
  ['week', 'timetable.tabWeek'],
  ['changes', 'timetable.tabChanges'],
  ['lessons', 'timetable.tabLessons'],
];

/** «Расписание»: a class's week grid, its dated changes and lesson generation. */
export default function TimetablePage(_: PageProps) {
  const t = useT();
  const title = t('section.timetable');
  useDocumentTitle(title);
  const classes = useClasses();
  const [chosen, setChosen] = useState<number | null>(null);
  const [on, setOn] = useState(todayIso);
  const [tab, setTab] = useState<Tab>('week');
  const classId = chosen ?? classes.data?.classes[0]?.id ?? null;
  const week = useWeek(classId, on);

  if (classes.isError)
    return (
      <>
        <h1>{title}</h1>
        <FormAlert
          message={classes.error instanceof ApiError ? classes.error.message : t('timetable.loadFailed')}
        />
      </>
    );
  if (!classes.data) return <p className="loading">{t('app.loading')}</p>;
  if (classes.data.classes.length === 0)
    return (
      <>
        <h1>{title}</h1>
        <p>{t('timetable.noClasses')}</p>
      </>
    );
  const visibleTabs = week.data?.canManage ? tabs : tabs.filter(([id]) => id !== 'lessons');

  return (
    <>
      <h1>{title}</h1>
      <div className="form-row">
        <SelectField
          name="class"
          label={t('timetable.class')}
          value={String(classId)}
          onChange={(e) => setChosen(Number(e.target.value))}
          options={classes.data.classes.map((c) => ({ value: String(c.id), label: c.name }))}
        />
        <Field
          name="on"
          type="date"
          label={t('timetable.on')}
          value={on}
          onChange={(e) => setOn(e.target.value)}
        />
      </div>
      <div className="timetable-tabs">
        {visibleTabs.map(([id, key]) => (
          <button
            key={id}
            type="button"
            className={tab === id ? 'button button-primary' : 'button'}
            aria-pressed={tab === id}
            onClick={() => setTab(id)}
          >
            {t(key)}
          </button>
        ))}
      </div>
      {week.isError && (
        <FormAlert
          message={week.error instanceof ApiError ? week.error.message : t('timetable.loadFailed')}
        />
      )}
      {!week.data && !week.isError && <p className="loading">{t('app.loading')}</p>}
      {week.data && tab === 'week' && <WeekTab key={`${week.data.classId}-${on}`} week={week.data} />}
      {week.data && tab === 'changes' && (
        <ChangesTab key={week.data.classId} week={week.data} manage={week.data.canManage} />
      )}
      {week.data && tab === 'lessons' && week.data.canManage && (
        <LessonsTab key={week.data.classId} week={week.data} />
      )}
    </>
  );
}

function WeekTab({ week }: { week: Week }) {
  const t = useT();
  const [target, setTarget] = useState<SlotTarget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const draft = useMutation({
    mutationFn: () =>
      apiPost<z.infer<typeof draftReport>>(`/api/timetable/classes/${week.classId}/draft`, { from: week.on }),
    onSuccess: async (report) => {
      await refreshTimetable();
      const unplaced = report.unplaced.map((u) => `${u.subject} (${u.hours})`).join(', ');
      setNotice(
        [
          t('timetable.draftDone', { placed: report.placed }),
          unplaced && t('timetable.draftUnplaced', { list: unplaced }),
        ]
          .filter(Boolean)
          .join(' '),
      );
    },
  });
  const manage = week.canManage;
  const open = (next: SlotTarget) => {
    setNotice(null);
    setTarget(next);
  };
  return (
    <section className="timetable-section" aria-label={t('timetable.tabWeek')}>
      {notice && <Notice message={notice} />}
      {week.slots.length === 0 && (
        <div className="panel">
          <p>
            {manage
              ? t(week.courses.length ? 'timetable.empty' : 'timetable.noCourses')
              : t('timetable.emptyView')}
          </p>
          <FormAlert message={draft.error instanceof ApiError ? draft.error.message : undefined} />
          {manage && week.courses.length > 0 && (
            <button
              type="button"
              className="button button-primary"
              disabled={draft.isPending}
              onClick={() => draft.mutate()}
            >
              {t('timetable.draft')}
            </button>
          )}
        </div>
      )}
      {target && (
        <SlotForm
          key={`${target.weekday}-${target.lessonNumber}-${target.slot?.id ?? 0}`}
          week={week}
          target={target}
          onDone={(message) => {
            setTarget(null);
            setNotice(message ? t(message) : null);
          }}
        />
      )}
      <WeekGrid
        week={week}
        onAdd={manage ? (weekday, lessonNumber) => open({ weekday, lessonNumber }) : undefined}
        onEdit={
          manage
            ? (slot) => open({ weekday: slot.weekday, lessonNumber: slot.lessonNumber, slot })
            : undefined
        }
      />
    </section>
  );
}
