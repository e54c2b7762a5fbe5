import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'wouter';
import type { CrossGroupList } from '../../contract/structure.ts';
import { apiPost } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import { queryClient } from '../app/session.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';

/** Today as 'YYYY-MM-DD' in the browser's time zone. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The date of the page (`?on=`, kept in the address so a reload shows the same day), default today. */
export function useMoveDate(): [string, (on: string) => void] {
  const [search, setSearch] = useSearchParams();
  const asked = search.get('on') ?? '';
  const on = /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : todayIso();
  return [on, (next) => setSearch({ on: next }, { replace: true })];
}

type Move = { fromGroupId: number; toGroupId: number; toName: string; studentId: number; student: string };

/**
 * The date a move takes effect, then each subject's groups as columns of students, each student
 * with a button per other group of the subject. `queryKey` is refreshed after a move.
 */
export function GroupColumns(props: {
  subjects: CrossGroupList['subjects'];
  on: string;
  onDate: (on: string) => void;
  queryKey: readonly unknown[];
}) {
  const t = useT();
  const { on, subjects } = props;
  const [done, setDone] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: (m: Move) =>
      apiPost(`/api/groups/${m.fromGroupId}/moves`, {
        studentId: m.studentId,
        toGroupId: m.toGroupId,
        moveDate: on,
      }),
    onSuccess: (_, m) => {
      setDone(t('subgroups.moved', { student: m.student, group: m.toName, date: formatDate(on) }));
      return queryClient.invalidateQueries({ queryKey: props.queryKey });
    },
  });
  const moveError = move.error instanceof ApiError ? move.error : undefined;
  // A refused move names its field; the date's message sits by the date, the others say it here.
  const otherField = Object.entries(moveError?.fields ?? {}).find(([name]) => name !== 'moveDate')?.[1];
  const moveAlert = moveError
    ? (otherField ?? (moveError.fields.moveDate ? undefined : moveError.message))
    : move.error
      ? t('error.unexpected')
      : undefined;

  return (
    <>
      <div className="structure-date">
        <Field
          name="moveDate"
          type="date"
          label={t('subgroups.date')}
          value={on}
          error={moveError?.fields.moveDate}
          onChange={(e) => {
            if (e.target.value) props.onDate(e.target.value);
          }}
        />
      </div>
      <p>{t('subgroups.membersOn', { date: formatDate(on) })}</p>
      {done && !move.isError && <Notice message={done} />}
      <FormAlert message={moveAlert} />
      {subjects.map((subject) => (
        <section
          key={subject.subjectId}
          className="structure-section"
          aria-labelledby={`subject-${subject.subjectId}`}
        >
          <h2 id={`subject-${subject.subjectId}`}>{subject.subject}</h2>
          <div className="subgroups-columns">
            {subject.groups.map((group) => (
              <section key={group.id} className="subgroup-column" aria-labelledby={`group-${group.id}`}>
                <h3 id={`group-${group.id}`}>{group.name}</h3>
                {group.teachers.length > 0 && (
                  <p className="field-hint">
                    {t('subgroups.teachers', { names: group.teachers.join(', ') })}
                  </p>
                )}
                {group.members.length === 0 && <p>{t('subgroups.noMembers')}</p>}
                <ul className="subgroup-members">
                  {group.members.map((student) => (
                    <li key={student.id}>
                      <span>{student.name}</span>
                      <span className="subgroup-moves">
                        {subject.groups
                          .filter((other) => other.id !== group.id)
                          .map((other) => (
                            <button
                              key={other.id}
                              type="button"
                              className="button button-quiet"
                              disabled={move.isPending}
                              aria-label={t('subgroups.moveLabel', {
                                student: student.name,
                                group: other.name,
                              })}
                              onClick={() => {
                                setDone(null);
                                move.mutate({
                                  fromGroupId: group.id,
                                  toGroupId: other.id,
                                  toName: other.name,
                                  studentId: student.id,
                                  student: student.name,
                                });
                              }}
                            >
                              {t('subgroups.moveTo', { group: other.name })}
                            </button>
                          ))}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
