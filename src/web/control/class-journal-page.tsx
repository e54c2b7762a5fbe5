import { Link, useSearch } from 'wouter';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { type ClassSummary, formatAverage, useClassCourses, useSummary } from './control-api.ts';
import './control.css';

/** «Успеваемость»: all subjects of the class, read-only: each student's average and period mark. */
export default function ClassJournalPage({ params }: PageProps) {
  const t = useT();
  const classId = Number(params.id);
  const search = new URLSearchParams(useSearch());
  const periodParam = Number(search.get('periodId'));
  const periodId = Number.isInteger(periodParam) && periodParam > 0 ? periodParam : null;
  const summary = useSummary(classId, periodId);
  const courses = useClassCourses(classId);
  const data = summary.data;
  const title = data ? t('control.summaryTitle', { name: data.className }) : t('control.summary');
  useDocumentTitle(title);
  if (summary.isError)
    return (
      <>
        <h1>{t('control.summary')}</h1>
        <FormAlert message={summary.error.message} />
      </>
    );
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  const gridsOf = (subject: string) => (courses.data?.courses ?? []).filter((c) => c.subject === subject);
  return (
    <section className="control-page">
      <h1>{title}</h1>
      <nav className="control-tabs" aria-label={t('control.periodTabs')}>
        {data.periods.map((p) => (
          <Link
            key={p.id}
            href={`/class/${classId}/journal?periodId=${p.id}`}
            className={p.id === data.period.id ? 'button button-primary' : 'button button-quiet'}
            aria-current={p.id === data.period.id ? 'page' : undefined}
          >
            {p.name}
          </Link>
        ))}
      </nav>
      <p>
        {t('control.periodDates', {
          name: data.period.name,
          from: formatDate(data.period.startsOn),
          to: formatDate(data.period.endsOn),
        })}
      </p>
      {data.students.length === 0 || data.subjects.length === 0 ? (
        <p>{t('control.summaryEmpty')}</p>
      ) : (
        <SummaryTable data={data} gridsOf={gridsOf} />
      )}
      <p>
        <Link href={`/class/${classId}/absences`}>{t('control.toAbsences')}</Link>
      </p>
    </section>
  );
}

function SummaryTable({
  data,
  gridsOf,
}: {
  data: ClassSummary;
  gridsOf: (subject: string) => { id: number; group: string }[];
}) {
  const t = useT();
  const language = useLanguage();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the wide table with the arrows
    <section className="table-box" aria-label={t('control.summaryCaption')} tabIndex={0}>
      <table className="data-table control-table control-summary">
        <caption className="visually-hidden">{t('control.summaryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">№</th>
            <th scope="col">{t('control.student')}</th>
            {data.subjects.map((s) => {
              const grids = gridsOf(s.name);
              return (
                <th scope="col" key={s.id} title={s.name}>
                  {grids.length === 0 ? (
                    <abbr title={s.name}>{s.shortName}</abbr>
                  ) : (
                    grids.map((g, i) => (
                      <Link key={g.id} className="control-block" href={`/journal/${g.id}`}>
                        {grids.length > 1 ? `${s.shortName} ${i + 1}` : s.shortName}
                        <span className="visually-hidden">
                          {` — ${t('control.gridOf', { subject: s.name, group: g.group })}`}
                        </span>
                      </Link>
                    ))
                  )}
                </th>
              );
            })}
            <th scope="col" className="control-num">
              {t('control.absences')}
            </th>
            <th scope="col" className="control-num">
              {t('control.lateness')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.students.map((student, index) => (
            <tr key={student.id}>
              <td>{index + 1}</td>
              <th scope="row">{student.name}</th>
              {data.subjects.map((s) => {
                const cell = student.cells.find((c) => c.subjectId === s.id);
                return (
                  <td key={s.id} className="control-num">
                    {cell?.periodMark && <strong className="control-block">{cell.periodMark}</strong>}
                    {cell && cell.average !== null && (
                      <span className="control-block">{formatAverage(cell.average, language)}</span>
                    )}
                    {cell && cell.marks > 0 && (
                      <span className="control-muted control-block">
                        {t('control.marksCount', { n: cell.marks })}
                      </span>
                    )}
                  </td>
                );
              })}
              <td className="control-num">{student.absences}</td>
              <td className="control-num">{student.lateness}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
