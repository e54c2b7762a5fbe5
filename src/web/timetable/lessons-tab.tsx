import type { z } from 'zod';
import type { generationReport, keptLesson } from '../../contract/timetable.ts';
import { apiPost } from '../app/api.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { formatDate } from '../i18n/format-date.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import { useTimetableForm } from './form-kit.ts';
import type { Week } from './timetable-api.ts';

/** The lessons kept against the timetable because they hold records: date, lesson, course, why. */
export function ConflictList({ conflicts }: { conflicts: z.infer<typeof keptLesson>[] }) {
  const t = useT();
  if (conflicts.length === 0) return null;
  return (
    <div className="timetable-conflicts">
      <h4>{t('timetable.conflicts')}</h4>
      <ul>
        {conflicts.map((c) => (
          <li key={`${c.courseId}-${c.date}-${c.lessonNumber}`}>
            {formatDate(c.date)}, {t('timetable.lessonNo', { n: c.lessonNumber })}: {c.subject}, {c.group} —{' '}
            {t(`timetable.reason.${c.reason}` as MessageKey)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** «Уроки»: generate the lessons of a period from the timetable, with the report. */
export function LessonsTab({ week }: { week: Week }) {
  const t = useT();
  const { values, setValues, bind, run, errors, submit } = useTimetableForm(
    { from: week.on, to: week.on, whole: '' },
    (v) =>
      apiPost<z.infer<typeof generationReport>>('/api/timetable/lessons', {
        from: v.from,
        to: v.to,
        ...(!v.whole && { classId: week.classId }),
      }),
  );
  return (
    <section className="timetable-section" aria-labelledby="lessons-title">
      <h2 id="lessons-title">{t('timetable.lessonsTitle')}</h2>
      <p>{t('timetable.lessonsIntro')}</p>
      <form
        className="form panel"
        onSubmit={submit(['from', 'to'])}
        noValidate
        aria-labelledby="lessons-title"
      >
        <FormAlert message={errors.general} />
        {week.periods.length > 0 && (
          <SelectField
            name="lessons-period"
            label={t('timetable.period')}
            value={String(
              week.periods.find((p) => p.startsOn === values.from && p.endsOn === values.to)?.id ?? '',
            )}
            onChange={(e) => {
              const period = week.periods.find((p) => String(p.id) === e.target.value);
              if (period) setValues((v) => ({ ...v, from: period.startsOn, to: period.endsOn }));
            }}
            options={[
              { value: '', label: t('timetable.periodDates') },
              ...week.periods.map((p) => ({
                value: String(p.id),
                label: `${p.name} (${formatDate(p.startsOn)}–${formatDate(p.endsOn)})`,
              })),
            ]}
          />
        )}
        <div className="form-row">
          <Field name="lessons-from" type="date" label={t('timetable.lessonsFrom')} {...bind('from')} />
          <Field name="lessons-to" type="date" label={t('timetable.lessonsTo')} {...bind('to')} />
        </div>
        <div className="timetable-check">
          <input
            id="lessons-whole"
            type="checkbox"
            checked={values.whole === '1'}
            onChange={(e) => setValues((v) => ({ ...v, whole: e.target.checked ? '1' : '' }))}
          />
          <label htmlFor="lessons-whole">{t('timetable.wholeSchool')}</label>
        </div>
        <button
          type="submit"
          className="button button-primary"
          disabled={run.isPending}
          aria-busy={run.isPending}
        >
          {t('timetable.generate')}
        </button>
      </form>
      {run.data && (
        <>
          <Notice
            message={t('timetable.report', {
              created: run.data.created,
              updated: run.data.updated,
              removed: run.data.removed,
              unchanged: run.data.unchanged,
            })}
          />
          <ConflictList conflicts={run.data.conflicts} />
        </>
      )}
    </section>
  );
}
