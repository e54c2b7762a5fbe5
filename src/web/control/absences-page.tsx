import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { absenceReasonSaved } from '../../contract/control.ts';
import type { absenceReasons } from '../../contract/journal.ts';
import { apiPost } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { formatDate } from '../i18n/format-date.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import { useRoster } from '../people/people-api.ts';
import { type Absence, isoDay, refreshControl, useAbsences } from './control-api.ts';
import './control.css';

type Reason = (typeof absenceReasons)[number];
const reasons: readonly Reason[] = ['illness', 'excused', 'unexcused'];
const reasonKey = (r: Reason) => `control.reason.${r}` as MessageKey;
type Note = { studentId: string; from: string; to: string; reason: string };

/** «Пропуски»: the class's absences by date; the class teacher sets their reasons. */
export default function AbsencesPage({ params }: PageProps) {
  const t = useT();
  const classId = Number(params.id);
  useDocumentTitle(t('control.absencesTitle'));
  const [range, setRange] = useState({ from: isoDay(-13), to: isoDay(0) });
  const absences = useAbsences(classId, range.from, range.to);
  const [note, setNote] = useState<Note>({
    studentId: '',
    from: range.from,
    to: range.to,
    reason: 'illness',
  });
  const [noteKey, setNoteKey] = useState(0);
  const setOne = useMutation({
    mutationFn: ({ item, reason }: { item: Absence; reason: Reason }) =>
      apiPost<z.infer<typeof absenceReasonSaved>>(`/api/journal/classes/${classId}/absence-reasons`, {
        studentId: item.studentId,
        from: item.date,
        to: item.date,
        lessonId: item.lessonId,
        reason,
      }),
    onSuccess: () => refreshControl(),
  });
  const list = absences.data?.absences ?? [];
  const days = [...new Set(list.map((a) => a.date))].sort();
  const wholeDay = (item: Absence) => {
    setNote({
      studentId: String(item.studentId),
      from: item.date,
      to: item.date,
      reason: item.reason ?? 'illness',
    });
    setNoteKey((k) => k + 1);
    document.getElementById('note-title')?.scrollIntoView();
  };
  return (
    <section className="control-page">
      <h1>{t('control.absencesTitle')}</h1>
      <form className="form-row" onSubmit={(e) => e.preventDefault()} aria-label={t('control.range')}>
        <Field
          name="rangeFrom"
          type="date"
          label={t('control.from')}
          value={range.from}
          onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))}
        />
        <Field
          name="rangeTo"
          type="date"
          label={t('control.to')}
          value={range.to}
          onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))}
        />
      </form>
      <FormAlert message={absences.error?.message ?? setOne.error?.message} />
      {absences.isPending && <p className="loading">{t('app.loading')}</p>}
      {absences.data && list.length === 0 && <p>{t('control.noAbsences')}</p>}
      {days.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 className="control-day" id={`day-${day}`}>
            {`${t('control.weekdays').split(',')[new Date(`${day}T12:00:00`).getDay()]} ${formatDate(day)}`}
          </h2>
          <div className="table-box">
            <table className="data-table control-table">
              <thead>
                <tr>
                  <th scope="col">{t('control.student')}</th>
                  <th scope="col">{t('control.lesson')}</th>
                  <th scope="col">{t('control.what')}</th>
                  <th scope="col">{t('control.reasonColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {list
                  .filter((a) => a.date === day)
                  .map((a) => (
                    <tr key={`${a.lessonId}-${a.studentId}`}>
                      <th scope="row">{a.student}</th>
                      <td>{t('control.lessonOf', { n: a.lessonNumber, subject: a.subject })}</td>
                      <td>{t(a.value === 'absent' ? 'control.absent' : 'control.late')}</td>
                      <td>
                        {a.value === 'late' ? (
                          <span className="control-muted">{t('control.lateNoReason')}</span>
                        ) : (
                          <div className="control-reason">
                            <label
                              className="visually-hidden"
                              htmlFor={`reason-${a.lessonId}-${a.studentId}`}
                            >
                              {t('control.reasonFor', {
                                student: a.student,
                                n: a.lessonNumber,
                                date: formatDate(a.date),
                              })}
                            </label>
                            <select
                              id={`reason-${a.lessonId}-${a.studentId}`}
                              className={a.reason ? undefined : 'control-reason-none'}
                              value={a.reason ?? ''}
                              disabled={setOne.isPending}
                              onChange={(e) => setOne.mutate({ item: a, reason: e.target.value as Reason })}
                            >
                              {a.reason === null && (
                                <option value="" disabled>
                                  {t('control.reasonNone')}
                                </option>
                              )}
                              {reasons.map((r) => (
                                <option key={r} value={r}>
                                  {t(reasonKey(r))}
                                </option>
                              ))}
                            </select>
                            <button
                              type="button"
                              className="button button-quiet control-small"
                              aria-label={t('control.wholeDayLabel', {
                                student: a.student,
                                date: formatDate(a.date),
                              })}
                              onClick={() => wholeDay(a)}
                            >
                              {t('control.wholeDay')}
                            </button>
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <NoteForm key={noteKey} classId={classId} initial={note} />
    </section>
  );
}

function NoteForm({ classId, initial }: { classId: number; initial: Note }) {
  const t = useT();
  const roster = useRoster(classId);
  const [values, setValues] = useState<Note>(initial);
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    mutationFn: (v: Note) =>
      apiPost<z.infer<typeof absenceReasonSaved>>(`/api/journal/classes/${classId}/absence-reasons`, {
        studentId: Number(v.studentId),
        from: v.from,
        to: v.to,
        reason: v.reason,
      }),
    onSuccess: () => refreshControl(),
  });
  const errors = useFormErrors(problems, save.error);
  const bind = (name: keyof Note) => ({
    value: values[name],
    error: errors.field(name),
    onChange: (e: { target: { value: string } }) => {
      save.reset();
      setValues((v) => ({ ...v, [name]: e.target.value }));
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = requireFilled(values, ['studentId', 'from', 'to', 'reason']);
    setProblems(found);
    save.reset();
    if (Object.keys(found).length === 0) save.mutate(values);
  };
  const students = (roster.data?.students ?? []).filter((s) => s.departedOn === null);
  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-labelledby="note-title">
      <h2 id="note-title">{t('control.noteTitle')}</h2>
      <p className="control-muted">{t('control.noteIntro')}</p>
      <FormAlert message={errors.general} />
      {save.data && <Notice message={t('control.noteSaved', { n: save.data.updated })} />}
      <div className="form-row">
        <SelectField
          name="studentId"
          label={t('control.student')}
          options={[
            { value: '', label: t('control.choose') },
            ...students.map((s) => ({
              value: String(s.id),
              label: `${s.lastName} ${s.firstName} ${s.middleName}`.trim(),
            })),
          ]}
          {...bind('studentId')}
        />
        <Field name="from" type="date" label={t('control.from')} {...bind('from')} />
        <Field name="to" type="date" label={t('control.to')} {...bind('to')} />
        <SelectField
          name="reason"
          label={t('control.reasonColumn')}
          options={reasons.map((r) => ({ value: r, label: t(reasonKey(r)) }))}
          {...bind('reason')}
        />
      </div>
      <p>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('control.noteSave')}
        </button>
      </p>
    </form>
  );
}
