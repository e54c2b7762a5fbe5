import { Link } from 'wouter';
import type { ClassRoster } from '../../contract/people.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { AddStudentForm } from './add-student-form.tsx';
import { Badge } from './controls.tsx';
import { useRoster } from './people-api.ts';
import { AccountBadge, kindLabel } from './people-labels.tsx';
import './people.css';

type Student = ClassRoster['students'][number];

function StudentRows({ students, offset = 0 }: { students: Student[]; offset?: number }) {
  const t = useT();
  return (
    <>
      {students.map((s, i) => (
        <tr key={s.id}>
          <td className="people-num">{offset + i + 1}</td>
          <th scope="row">
            {s.canOpen ? (
              <Link href={`/students/${s.id}`}>{`${s.lastName} ${s.firstName} ${s.middleName}`.trim()}</Link>
            ) : (
              `${s.lastName} ${s.firstName} ${s.middleName}`.trim()
            )}
          </th>
          <td data-label={t('people.guardians')}>
            {s.guardians.length === 0 ? (
              <span className="people-muted">{t('people.noGuardians')}</span>
            ) : (
              <ul className="people-plain">
                {s.guardians.map((g) => (
                  <li key={g.id}>
                    {g.name} <span className="people-muted">({kindLabel(t, g.kind)})</span>
                    {g.phone && <span className="people-nowrap"> {g.phone}</span>}
                    {g.consentWithdrawnOn && (
                      <span className="people-muted">
                        {' '}
                        {t('people.consent.withdrawn', { date: formatDate(g.consentWithdrawnOn) })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </td>
          <td data-label={t('people.consent.title')}>
            {s.consent ? (
              <Badge tone="ok">{t('people.consent.yes')}</Badge>
            ) : (
              <Badge tone="warn">{t('people.consent.no')}</Badge>
            )}
          </td>
          <td data-label={t('people.account')}>
            <AccountBadge status={s.account} />
          </td>
        </tr>
      ))}
    </>
  );
}

function RosterTable({ caption, students }: { caption: string; students: Student[] }) {
  const t = useT();
  return (
    <div className="table-box people-scroll">
      <table className="people-table people-roster stack-on-phone">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">№</th>
            <th scope="col">{t('people.fullName')}</th>
            <th scope="col">{t('people.guardians')}</th>
            <th scope="col">{t('people.consent.title')}</th>
            <th scope="col">{t('people.account')}</th>
          </tr>
        </thead>
        <tbody>
          <StudentRows students={students} />
        </tbody>
      </table>
    </div>
  );
}

/** «Мой класс»: the students with their parents, consent and accounts, and the class's tools. */
export default function ClassPage({ me, params }: PageProps) {
  const t = useT();
  const classId = Number(params.id);
  const roster = useRoster(classId);
  const title = roster.data
    ? t('people.class.title', { name: roster.data.class.name })
    : t('section.myClass');
  useDocumentTitle(title);

  if (roster.isError)
    return (
      <>
        <h1>{t('section.myClass')}</h1>
        <FormAlert
          message={roster.error instanceof ApiError ? roster.error.message : t('error.unexpected')}
        />
      </>
    );
  if (!roster.data) return <p className="loading">{t('app.loading')}</p>;
  const data = roster.data;
  const current = data.students.filter((s) => s.departedOn === null);
  const departed = data.students.filter((s) => s.departedOn !== null);
  const withoutConsent = current.filter((s) => !s.consent).length;
  const readsJournal =
    me.classTeacherOf.some((c) => c.id === classId) ||
    me.roles.some((r) => r === 'director' || r === 'deputy');

  return (
    <>
      <h1>{title}</h1>
      {data.class.classTeacher && (
        <p className="people-muted">{t('people.class.teacher', { name: data.class.classTeacher })}</p>
      )}
      {readsJournal && (
        <nav className="people-actions" aria-label={t('section.classMarks')}>
          <Link className="button button-quiet" href={`/class/${classId}/journal`}>
            {t('section.classMarks')}
          </Link>
          <Link className="button button-quiet" href={`/class/${classId}/absences`}>
            {t('section.absences')}
          </Link>
        </nav>
      )}
      {data.can.edit && (
        <nav className="people-actions" aria-label={t('people.class.tools')}>
          <Link className="button button-quiet" href={`/class/${classId}/subgroups`}>
            {t('people.class.subgroups')}
          </Link>
          <Link className="button button-quiet" href={`/class/${classId}/import`}>
            {t('people.class.import')}
          </Link>
          <Link className="button button-quiet" href={`/class/${classId}/credentials`}>
            {t('people.class.credentials')}
          </Link>
        </nav>
      )}
      {current.length === 0 ? (
        <p className="people-empty">{t(data.can.edit ? 'people.class.emptyEdit' : 'people.class.empty')}</p>
      ) : (
        <>
          <p>
            {t('people.class.count', { count: current.length })}
            {withoutConsent > 0 && ` ${t('people.class.withoutConsent', { count: withoutConsent })}`}
          </p>
          <RosterTable caption={t('people.class.students')} students={current} />
        </>
      )}
      {departed.length > 0 && <RosterTable caption={t('people.class.departed')} students={departed} />}
      {data.can.edit && <AddStudentForm classId={classId} />}
    </>
  );
}
