import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { SchoolStructure } from '../../contract/district.ts';
import { apiGet } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import './district.css';

/** A school's structure for the district, read-only: year, periods, classes, subjects, courses. */
export default function SchoolPage({ params }: PageProps) {
  const t = useT();
  const id = Number(params.id);
  const [yearId, setYearId] = useState<number | null>(null);
  const query = useQuery({
    queryKey: ['district', 'school', id, yearId],
    queryFn: () =>
      apiGet<SchoolStructure>(`/api/district/schools/${id}${yearId === null ? '' : `?yearId=${yearId}`}`),
  });
  const data = query.data;
  useDocumentTitle(data?.school.shortName ?? t('district.schoolsTitle'));
  const back = (
    <p>
      <Link href="/district/schools">{t('district.back')}</Link>
    </p>
  );
  if (query.isError)
    return (
      <>
        {back}
        <h1>{t('district.schoolsTitle')}</h1>
        <FormAlert
          message={query.error instanceof ApiError ? query.error.message : t('district.loadFailed')}
        />
      </>
    );
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  return (
    <>
      {back}
      <h1>{data.school.shortName}</h1>
      <p className="district-muted">{data.school.name}</p>
      <p>{t('district.readOnly')}</p>
      {data.years.length > 0 && (
        <div className="field district-year">
          <label htmlFor="district-year">{t('district.year')}</label>
          <select
            id="district-year"
            value={data.year?.id ?? ''}
            onChange={(e) => setYearId(Number(e.target.value))}
          >
            {data.years.map((y) => (
              <option key={y.id} value={y.id}>
                {y.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {!data.year && <p>{t('district.noYear')}</p>}
      {data.year && (
        <section aria-labelledby="periods-title">
          <h2 id="periods-title">{t('district.periods')}</h2>
          {data.year.periods.length === 0 ? (
            <p>{t('district.noPeriods')}</p>
          ) : (
            <ul>
              {data.year.periods.map((p) => (
                <li key={`${p.scheme}-${p.name}`}>
                  {p.name}: {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
                  {p.scheme !== 'year' && (
                    <span className="district-muted">
                      {' '}
                      ({t('district.gradesList')}{' '}
                      {data.year?.schemes
                        .filter((s) => s.scheme === p.scheme)
                        .map((s) => s.grade)
                        .join(', ') || '—'}
                      )
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <Table
        id="classes"
        title={t('district.classesTitle')}
        empty={t('district.noClasses')}
        headers={[t('district.class'), t('district.classTeacher'), t('district.students')]}
        rows={data.classes.map((c) => [c.id, c.name, c.classTeacher ?? '—', String(c.students)])}
      />
      <Table
        id="subjects"
        title={t('district.subjects')}
        empty={t('district.noSubjects')}
        headers={[t('district.subject')]}
        rows={data.subjects.map((s) => [s.id, s.name])}
      />
      <Table
        id="courses"
        title={t('district.courses')}
        empty={t('district.noCourses')}
        headers={[t('district.group'), t('district.subject'), t('district.teacher'), t('district.hours')]}
        rows={data.courses.map((c) => [
          c.id,
          c.group,
          c.subject,
          c.secondTeacher ? `${c.teacher}, ${c.secondTeacher}` : c.teacher,
          String(c.hoursPerWeek),
        ])}
      />
    </>
  );
}

function Table(props: {
  id: string;
  title: string;
  empty: string;
  headers: string[];
  rows: [number, ...string[]][];
}) {
  return (
    <section aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <div className="district-scroll">
          <table className="district-table">
            <thead>
              <tr>
                {props.headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map(([key, ...cells]) => (
                <tr key={key}>
                  {cells.map((c, i) => (
                    <td key={props.headers[i]}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
