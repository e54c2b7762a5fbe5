import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { attendanceColumnSaved, journalGrid } from '../../contract/journal.ts';
import { apiGet, apiPost } from '../app/api.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useT } from '../i18n/use-t.ts';
import { errorMessage, type LessonPage, refreshLessons } from './lessons-api.ts';

type Grid = z.infer<typeof journalGrid>;
type Value = 'absent' | 'late' | null;
const gridOf = (courseId: number, periodId: number | null) =>
  apiGet<Grid>(`/api/journal/courses/${courseId}${periodId ? `?periodId=${periodId}` : ''}`);

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

/** «Посещаемость»: one tap per student, «Все присутствуют», and the attendance confirmed as taken. */
export function LessonAttendance({ lesson }: { lesson: LessonPage }) {
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
  const shownValue = (id: number): Value =>
    id in draft ? (draft[id] ?? null) : (stored.get(id)?.value ?? null);
  const save = useMutation({
    mutationFn: (values: Record<number, Value>) =>
      apiPost<z.infer<typeof attendanceColumnSaved>>(`/api/journal/lessons/${lesson.id}/attendance`, {
        entries: students
          .filter((s) => s.id in values && values[s.id] !== (stored.get(s.id)?.value ?? null))
          .map((s) => ({
            studentId: s.id,
            value: values[s.id] ?? null,
            version: stored.get(s.id)?.version ?? null,
          })),
        ...(column?.needsReason && { editReason: reason.trim() }),
      }),
    onSuccess: () => {
      setDraft({});
      return refreshLessons();
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
  return (
    <section className="panel lesson-attendance" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('lessons.attendance')}</h2>
      <p className={column.attendanceTaken ? 'lessons-muted' : 'lesson-attendance-missing'}>
        {column.attendanceTaken ? t('lessons.attendanceTaken') : t('lessons.attendanceNotTaken')}
      </p>
      {students.length === 0 && <p>{t('lessons.noStudents')}</p>}
      <ol className="lesson-attendance-list">
        {students.map((s) => {
          const value = shownValue(s.id);
          return (
            <li key={s.id}>
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
                </div>
              ) : (
                <span>
                  {s.name}
                  {value && (
                    <strong> — {value === 'absent' ? t('lessons.absent') : t('lessons.late')}</strong>
                  )}
                </span>
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
          {save.isSuccess && <Notice message={t('lessons.attendanceSaved')} />}
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
