import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { attendanceColumnSaved, journalGrid } from '../../contract/journal.ts';
import { apiGet, apiPost } from '../app/api.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useT } from '../i18n/use-t.ts';
import type { Queued } from '../offline/device-db.ts';
import { OfflineConflict } from './lesson-conflict.tsx';
import { attendanceDraft, isOffline, type LessonQueue, queuedAttendance } from './lesson-offline.ts';
import { errorMessage, type LessonPage, refreshLessons } from './lessons-api.ts';

type Grid = z.infer<typeof journalGrid>;
type Value = 'absent' | 'late' | null;
const gridOf = (courseId: number, periodId: number | null) =>
  apiGet<Grid>(`/api/journal/courses/${courseId}${periodId ? `?periodId=${periodId}` : ''}`);

/** The attendance the server holds where it refused a change kept on the device (null: present). */
function serverValue(entry: Queued): Value {
  const cell = entry.conflict?.server?.cell as { value?: Value } | null | undefined;
  return cell?.value ?? null;
}

/** The course's grid for the period holding the lesson (the current one first). */
function useLessonGrid(lesson: LessonPage) {
  const current = useQuery({
    queryKey: ['lessons', 'grid', lesson.courseId, 0],
    queryFn: () => gridOf(lesson.courseId, null),
  });
  const inCurrent = current.data?.lessons.some((l) => l.id === lesson.id);
  const periodId =
    current.data && !inCurrent
      ? (current.data.periods.find((p) => p.startsOn <= lesson.date && lesson.date <= p.endsOn)?.id ?? null)
      : null;
  const other = useQuery({
    queryKey: ['lessons', 'grid', lesson.courseId, periodId ?? 0],
    queryFn: () => gridOf(lesson.courseId, periodId),
    enabled: periodId !== null,
  });
  return inCurrent ? current : periodId !== null ? other : current;
}

/**
 * «Посещаемость»: one tap per student, «Все присутствуют», and the attendance confirmed as taken;
 * without a connection each change is kept on the device (shown as waiting) and sent later.
 */
export function LessonAttendance({ lesson, queue }: { lesson: LessonPage; queue: LessonQueue }) {
  const t = useT();
  const grid = useLessonGrid(lesson);
  const [draft, setDraft] = useState<Record<number, Value>>({});
  const [reason, setReason] = useState('');
  const data = grid.data;
  const column = data?.lessons.find((l) => l.id === lesson.id);
  const stored = new Map(
    (data?.attendance ?? []).filter((a) => a.lessonId === lesson.id).map((a) => [a.studentId, a]),
  );
  const students = (data?.students ?? []).filter((s) =>
    s.spans.some((sp) => sp.startsOn <= lesson.date && (sp.endsOn === null || lesson.date <= sp.endsOn)),
  );
  /** What the student's cell holds on this device: the change waiting here, else what was loaded. */
  const keptValue = (id: number): Value => {
    const queued = queue.attendance.get(id);
    return queued ? queuedAttendance(queued) : (stored.get(id)?.value ?? null);
  };
  const shownValue = (id: number): Value => (id in draft ? (draft[id] ?? null) : keptValue(id));
  /** Keeps each changed student and the «taken» confirmation on the device; false if it cannot. */
  const keep = (values: Record<number, Value>, editReason: string | null) => {
    if (!column || !queue.canKeep()) return false;
    for (const s of students) {
      const value = values[s.id] ?? null;
      if (!(s.id in values) || value === keptValue(s.id)) continue;
      queue.keep(attendanceDraft(lesson.id, s.id, value, stored.get(s.id), editReason));
    }
    if (!column.attendanceTaken)
      queue.keep({ kind: 'attendanceTaken', lessonId: lesson.id, ...(editReason ? { editReason } : {}) });
    return true;
  };
  const save = useMutation({
    // Paused mutations wait for the connection: this one decides itself what to do without it.
    networkMode: 'always',
    mutationFn: async (values: Record<number, Value>): Promise<'saved' | 'kept'> => {
      const editReason = column?.needsReason ? reason.trim() : null;
      // Changes already waiting on the device go the same way, so the two do not collide.
      if ((!navigator.onLine || queue.attendance.size > 0) && keep(values, editReason)) return 'kept';
      try {
        await apiPost<z.infer<typeof attendanceColumnSaved>>(`/api/journal/lessons/${lesson.id}/attendance`, {
          entries: students
            .filter((s) => s.id in values && values[s.id] !== (stored.get(s.id)?.value ?? null))
            .map((s) => ({
              studentId: s.id,
              value: values[s.id] ?? null,
              version: stored.get(s.id)?.version ?? null,
            })),
          ...(editReason !== null && { editReason }),
        });
        return 'saved';
      } catch (error) {
        if (isOffline(error) && keep(values, editReason)) return 'kept';
        throw error;
      }
    },
    onSuccess: (result) => {
      setDraft({});
      if (result === 'saved') return refreshLessons();
    },
    onError: () => refreshLessons(),
  });
  if (grid.isError) return <FormAlert message={errorMessage(grid.error)} />;
  if (!data || !column) return null;
  const canEdit = column.canEdit && !data.period.closed;
  const choices: { value: Value; label: string }[] = [
    { value: null, label: t('lessons.present') },
    { value: 'absent', label: t('lessons.absent') },
    { value: 'late', label: t('lessons.late') },
  ];
  const missing = column.needsReason && reason.trim() === '';
  const label = (v: Value) => choices.find((c) => c.value === v)?.label ?? '';
  return (
    <section className="panel lesson-attendance" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('lessons.attendance')}</h2>
      <p className={column.attendanceTaken ? 'lessons-muted' : 'lesson-attendance-missing'}>
        {column.attendanceTaken
          ? t('lessons.attendanceTaken')
          : queue.taken
            ? t('lessons.takenKept')
            : t('lessons.attendanceNotTaken')}
      </p>
      {queue.taken?.state === 'conflict' && <OfflineConflict entry={queue.taken} rows={[]} />}
      {students.length === 0 && <p>{t('lessons.noStudents')}</p>}
      <ol className="lesson-attendance-list">
        {students.map((s) => {
          const value = shownValue(s.id);
          const queued = queue.attendance.get(s.id);
          const conflict = queued?.state === 'conflict' && !(s.id in draft) ? queued : undefined;
          return (
            <li key={s.id} className={queued && !(s.id in draft) ? 'lesson-attendance-kept' : undefined}>
              {canEdit ? (
                <div className="lesson-attendance-row" role="radiogroup" aria-labelledby={`student-${s.id}`}>
                  <span className="lesson-attendance-name" id={`student-${s.id}`}>
                    {s.name}
                  </span>
                  {choices.map((c) => (
                    <label
                      key={c.label}
                      className={value === c.value ? 'lesson-choice lesson-choice-on' : 'lesson-choice'}
                    >
                      <input
                        type="radio"
                        name={`attendance-${s.id}`}
                        checked={value === c.value}
                        onChange={() => {
                          save.reset();
                          setDraft((d) => ({ ...d, [s.id]: c.value }));
                        }}
                      />
                      {c.label}
                    </label>
                  ))}
                  {queued?.state === 'waiting' && !(s.id in draft) && (
                    <span className="lesson-pending-mark">{t('lessons.pendingMark')}</span>
                  )}
                </div>
              ) : (
                <span>
                  {s.name}
                  {value && (
                    <strong> — {value === 'absent' ? t('lessons.absent') : t('lessons.late')}</strong>
                  )}
                </span>
              )}
              {conflict && (
                <OfflineConflict
                  entry={conflict}
                  rows={[{ label: s.name, server: label(serverValue(conflict)), yours: label(value) }]}
                />
              )}
            </li>
          );
        })}
      </ol>
      {canEdit && students.length > 0 && (
        <>
          {column.needsReason && (
            <div className="field">
              <label htmlFor="attendanceReason">{t('lessons.attendanceReason')}</label>
              <input
                id="attendanceReason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={300}
              />
            </div>
          )}
          <FormAlert message={errorMessage(save.error)} />
          {save.data === 'saved' && <Notice message={t('lessons.attendanceSaved')} />}
          {save.data === 'kept' && (queue.attendance.size > 0 || queue.taken) && (
            <Notice message={t('lessons.keptOffline')} />
          )}
          {queue.synced.attendance && queue.attendance.size === 0 && !queue.taken && (
            <Notice message={t('lessons.syncedAttendance')} />
          )}
          <p className="lessons-links">
            <button
              type="button"
              className="button button-primary"
              disabled={save.isPending || missing}
              onClick={() => save.mutate(draft)}
            >
              {t('lessons.attendanceSave')}
            </button>
            <button
              type="button"
              className="button"
              disabled={save.isPending || missing}
              onClick={() => save.mutate(Object.fromEntries(students.map((s) => [s.id, null])))}
            >
              {t('lessons.allPresent')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
