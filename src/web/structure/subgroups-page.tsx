import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import type { ClassSubgroups } from '../../contract/structure.ts';
import { apiGet, apiPost } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { queryClient } from '../app/session.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { SplitForm } from './split-form.tsx';
import './structure.css';

/** Today as 'YYYY-MM-DD' in the browser's time zone. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

type Move = { fromGroupId: number; toGroupId: number; toName: string; studentId: number; student: string };

/** «Подгруппы» of a class: each subject's subgroups as columns, moving students from a date. */
export default function SubgroupsPage({ me, params }: PageProps) {
  const t = useT();
  const classId = Number(params.id);
  const [search, setSearch] = useSearchParams();
  const on = /^\d{4}-\d{2}-\d{2}$/.test(search.get('on') ?? '') ? (search.get('on') as string) : todayIso();
  const [done, setDone] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['structure', 'subgroups', classId, on],
    queryFn: () => apiGet<ClassSubgroups>(`/api/classes/${classId}/subgroups?on=${on}`),
    enabled: Number.isInteger(classId) && classId > 0,
  });
  const move = useMutation({
    mutationFn: (m: Move) =>
      apiPost(`/api/groups/${m.fromGroupId}/moves`, {
        studentId: m.studentId,
        toGroupId: m.toGroupId,
        moveDate: on,
      }),
    onSuccess: (_, m) => {
      setDone(t('subgroups.moved', { student: m.student, group: m.toName, date: formatDate(on) }));
      return queryClient.invalidateQueries({ queryKey: ['structure', 'subgroups', classId] });
    },
  });
  const title = query.data
    ? t('subgroups.title', { name: query.data.class.name })
    : t('subgroups.titleShort');
  useDocumentTitle(title);
  const moveError = move.error instanceof ApiError ? move.error : undefined;
  // A refused move names its field; the date's message sits by the date, the others say it here.
  const otherField = Object.entries(moveError?.fields ?? {}).find(([name]) => name !== 'moveDate')?.[1];
  const moveAlert = moveError
    ? (otherField ?? (moveError.fields.moveDate ? undefined : moveError.message))
    : move.error
      ? t('error.unexpected')
      : undefined;

  if (query.isError)
    return (
      <>
        <h1>{t('subgroups.titleShort')}</h1>
        <FormAlert
          message={query.error instanceof ApiError ? query.error.message : t('structure.loadFailed')}
        />
      </>
    );
  if (!query.data) return <p className="loading">{t('app.loading')}</p>;
  const data = query.data;

  return (
    <>
      {me.abilities.includes('structure.manage') && (
        <p className="eyebrow">
          <Link href="/admin/structure">{t('subgroups.back')}</Link>
        </p>
      )}
      <h1>{title}</h1>
      <p>{t('subgroups.intro')}</p>
      <div className="structure-date">
        <Field
          name="moveDate"
          type="date"
          label={t('subgroups.date')}
          value={on}
          error={moveError?.fields.moveDate}
          onChange={(e) => {
            if (e.target.value) setSearch({ on: e.target.value }, { replace: true });
          }}
        />
      </div>
      <p>{t('subgroups.membersOn', { date: formatDate(on) })}</p>
      {done && !move.isError && <Notice message={done} />}
      <FormAlert message={moveAlert} />
      {data.subjects.length === 0 && <p>{t('subgroups.empty')}</p>}
      {data.subjects.map((subject) => (
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
      <SplitForm data={data} on={on} />
    </>
  );
}
