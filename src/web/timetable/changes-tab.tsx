import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changeSaved } from '../../contract/timetable.ts';
import { apiPost } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { formatDate } from '../i18n/format-date.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import { courseOptions, useTimetableForm } from './form-kit.ts';
import { ConflictList } from './lessons-tab.tsx';
import { refreshTimetable, useChanges, useTeachers, type Week } from './timetable-api.ts';
import { lessonNumbersOf } from './week-grid.tsx';

const kinds = ['substitute', 'cancel', 'move', 'extra'] as const;
type Kind = (typeof kinds)[number];
const kindKey = (k: Kind) => `timetable.kind.${k}` as MessageKey;

/** «Изменения»: the class's dated changes and the form that records one. */
export function ChangesTab({ week, manage }: { week: Week; manage: boolean }) {
  const t = useT();
  const changes = useChanges(week.classId);
  const list = changes.data?.changes ?? [];
  const withdraw = useMutation({
    mutationFn: (id: number) => apiPost(`/api/timetable/changes/${id}/remove`),
    onSuccess: () => refreshTimetable(),
  });
  return (
    <section className="timetable-section" aria-labelledby="changes-title">
      <h2 id="changes-title">{t('timetable.changesTitle')}</h2>
      {changes.data && list.length === 0 && <p>{t('timetable.changesEmpty')}</p>}
      <FormAlert message={withdraw.error instanceof ApiError ? withdraw.error.message : undefined} />
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="timetable-list">
            <thead>
              <tr>
                <th scope="col">{t('timetable.colDate')}</th>
                <th scope="col">{t('timetable.colWhat')}</th>
                <th scope="col">{t('timetable.colCourse')}</th>
                <th scope="col">{t('timetable.colDetails')}</th>
                {manage && <th scope="col">{t('timetable.colActions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <td>
                    {formatDate(c.date)}, {t('timetable.lessonNo', { n: c.lessonNumber })}
                  </td>
                  <td>{t(kindKey(c.kind))}</td>
                  <td>
                    {c.subject}, {c.group}
                  </td>
                  <td>
                    {[
                      c.substitute,
                      c.movedToDate &&
                        t('timetable.movedTo', {
                          date: formatDate(c.movedToDate),
                          n: c.movedToLessonNumber ?? '',
                        }),
                      c.room && t('timetable.room', { room: c.room }),
                      c.reason,
                    ]
                      .filter(Boolean)
                      .join('; ')}
                  </td>
                  {manage && (
                    <td>
                      <button
                        type="button"
                        className="button button-quiet timetable-small"
                        disabled={withdraw.isPending}
                        aria-label={t('timetable.withdrawLabel', {
                          what: t(kindKey(c.kind)),
                          date: formatDate(c.date),
                        })}
                        onClick={() => withdraw.mutate(c.id)}
                      >
                        {t('timetable.withdraw')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage && <ChangeForm week={week} />}
    </section>
  );
}

const empty = {
  kind: 'substitute' as Kind,
  courseId: '',
  date: '',
  lessonNumber: '1',
  substituteTeacherId: '',
  movedToDate: '',
  movedToLessonNumber: '1',
  reason: '',
};
type Values = typeof empty;

function ChangeForm({ week }: { week: Week }) {
  const t = useT();
  const teachers = useTeachers();
  const {
    values,
    bind,
    run: record,
    errors,
    submit,
  } = useTimetableForm(
    { ...empty, date: week.on },
    (v: Values) =>
      apiPost<z.infer<typeof changeSaved>>('/api/timetable/changes', {
        kind: v.kind,
        courseId: Number(v.courseId),
        date: v.date,
        lessonNumber: Number(v.lessonNumber),
        ...((v.kind === 'substitute' || v.kind === 'extra') &&
          v.substituteTeacherId && { substituteTeacherId: Number(v.substituteTeacherId) }),
        ...(v.kind === 'move' && {
          movedToDate: v.movedToDate,
          movedToLessonNumber: Number(v.movedToLessonNumber),
        }),
        ...(v.reason.trim() && { reason: v.reason.trim() }),
      }),
    () => refreshTimetable(),
  );
  const required = ['courseId', 'date', 'lessonNumber'];
  if (values.kind === 'substitute') required.push('substituteTeacherId');
  if (values.kind === 'move') required.push('movedToDate');
  const numbers = lessonNumbersOf(week).map((n) => ({ value: String(n), label: String(n) }));
  return (
    <form className="form panel" onSubmit={submit(required)} noValidate aria-labelledby="change-form-title">
      <h3 id="change-form-title">{t('timetable.changeForm')}</h3>
      <FormAlert message={errors.general} />
      {record.data && <Notice message={t('timetable.changeSaved')} />}
      {record.data && <ConflictList conflicts={record.data.report.conflicts} />}
      <SelectField
        name="kind"
        label={t('timetable.kind')}
        {...bind('kind')}
        options={kinds.map((k) => ({ value: k, label: t(kindKey(k)) }))}
      />
      <SelectField
        name="change-courseId"
        label={t('timetable.course')}
        {...bind('courseId')}
        options={courseOptions(week, t)}
      />
      <div className="form-row">
        <Field name="date" type="date" label={t('timetable.date')} {...bind('date')} />
        <SelectField
          name="change-lessonNumber"
          label={t('timetable.lessonNumber')}
          {...bind('lessonNumber')}
          options={numbers}
        />
      </div>
      {(values.kind === 'substitute' || values.kind === 'extra') && (
        <SelectField
          name="substituteTeacherId"
          label={t('timetable.substitute')}
          {...bind('substituteTeacherId')}
          options={[
            { value: '', label: t('timetable.choose') },
            ...(teachers.data?.teachers ?? []).map((p) => ({ value: String(p.id), label: p.name })),
          ]}
        />
      )}
      {values.kind === 'move' && (
        <div className="form-row">
          <Field name="movedToDate" type="date" label={t('timetable.movedToDate')} {...bind('movedToDate')} />
          <SelectField
            name="movedToLessonNumber"
            label={t('timetable.movedToLessonNumber')}
            {...bind('movedToLessonNumber')}
            options={numbers}
          />
        </div>
      )}
      <Field name="reason" label={t('timetable.reason')} {...bind('reason')} />
      <button type="submit" className="button button-primary" disabled={record.isPending}>
        {t('timetable.record')}
      </button>
    </form>
  );
}
