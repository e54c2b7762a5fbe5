import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { apiPost } from '../app/api.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import { courseOptions, useTimetableForm } from './form-kit.ts';
import { refreshTimetable, type Slot, type Week } from './timetable-api.ts';
import { lessonNumbersOf, weekdaysOf } from './week-grid.tsx';

/** Where the form opens: an empty cell, or an existing slot to change. */
export interface SlotTarget {
  weekday: number;
  lessonNumber: number;
  slot?: Slot;
}

type Values = { courseId: string; weekday: string; lessonNumber: string; room: string; from: string };

/** Adds, changes or removes a lesson of the weekly timetable from a date; clashes show by their field. */
export function SlotForm({
  week,
  target,
  onDone,
}: {
  week: Week;
  target: SlotTarget;
  onDone: (message?: MessageKey) => void;
}) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  // The form opens above the grid: take the keyboard there.
  useEffect(() => form.current?.querySelector('select')?.focus(), []);
  const remove = useMutation({
    mutationFn: (from: string) => apiPost(`/api/timetable/slots/${target.slot?.id}/close`, { from }),
    onSuccess: async () => {
      await refreshTimetable();
      onDone('timetable.removed');
    },
  });
  const {
    values,
    bind,
    run: save,
    errors,
    submit,
  } = useTimetableForm<Values, unknown>(
    {
      courseId: String(target.slot?.courseId ?? ''),
      weekday: String(target.weekday),
      lessonNumber: String(target.lessonNumber),
      room: target.slot?.room ?? '',
      from: week.on,
    },
    (v) =>
      apiPost(target.slot ? `/api/timetable/slots/${target.slot.id}` : '/api/timetable/slots', {
        courseId: Number(v.courseId),
        weekday: Number(v.weekday),
        lessonNumber: Number(v.lessonNumber),
        from: v.from,
        ...(v.room.trim() && { room: v.room.trim() }),
      }),
    async () => {
      await refreshTimetable();
      onDone('timetable.saved');
    },
    remove,
  );

  return (
    <form
      ref={form}
      className="form panel"
      onSubmit={submit(['courseId', 'from'])}
      noValidate
      aria-labelledby="slot-form-title"
    >
      <h2 id="slot-form-title">{t(target.slot ? 'timetable.formEdit' : 'timetable.formAdd')}</h2>
      <FormAlert message={errors.general} />
      <SelectField
        name="courseId"
        label={t('timetable.course')}
        {...bind('courseId')}
        options={courseOptions(week, t)}
      />
      <div className="form-row">
        <SelectField
          name="weekday"
          label={t('timetable.weekday')}
          {...bind('weekday')}
          options={weekdaysOf({ ...week, daysPerWeek: 6 }).map((d) => ({
            value: String(d),
            label: t(`timetable.day${d}` as MessageKey),
          }))}
        />
        <SelectField
          name="lessonNumber"
          label={t('timetable.lessonNumber')}
          {...bind('lessonNumber')}
          options={lessonNumbersOf(week).map((n) => ({ value: String(n), label: String(n) }))}
        />
        <Field name="room" label={t('timetable.roomField')} {...bind('room')} />
      </div>
      <Field
        name="from"
        type="date"
        label={t('timetable.from')}
        hint={t('timetable.fromHint')}
        {...bind('from')}
      />
      <div className="form-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('timetable.save')}
        </button>
        {target.slot && (
          <button
            type="button"
            className="button"
            disabled={remove.isPending}
            onClick={() => {
              save.reset();
              remove.mutate(values.from);
            }}
          >
            {t('timetable.remove')}
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={() => onDone()}>
          {t('timetable.cancel')}
        </button>
      </div>
    </form>
  );
}
