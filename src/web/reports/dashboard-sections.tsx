import { Link } from 'wouter';
import type { DashboardAnswer } from '../../contract/report-dashboard.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { decimals } from './dashboard-format.ts';
import { journalName } from './keeping-format.ts';
import { ReportTable } from './report-table.tsx';
import { queryOf, type ReportFilterValues } from './reports-api.ts';

type Worst = DashboardAnswer['worst'][number];

/**
 * «Хуже всего ведутся»: the journals with the most problems per held lesson; the journal's name
 * opens its problem lessons in «Ведение журнала», «Открыть журнал» the grid itself.
 */
export function WorstJournals({
  worst,
  filters,
  prefix,
}: {
  worst: readonly Worst[];
  filters: ReportFilterValues;
  prefix: string;
}) {
  const t = useT();
  const lang = useLanguage();
  const keeping = (courseId: number) =>
    `${prefix}/reports${queryOf({ ...filters, courseId }, { tab: 'keeping' })}#keeping-lessons`;
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-worst">
      <h2 id="dashboard-worst">{t('dashboard.worst')}</h2>
      <ReportTable<Worst>
        caption={t('dashboard.worstCaption')}
        rows={worst}
        rowKey={(j) => j.courseId}
        empty={t('dashboard.worstEmpty')}
        columns={[
          {
            key: 'journal',
            label: t('dashboard.worstJournal'),
            cell: (j) => (
              <>
                <Link href={keeping(j.courseId)}>{journalName(j)}</Link>
                <br />
                <small>
                  {t('dashboard.worstDetail', {
                    noTopic: j.noTopic,
                    noHomework: j.noHomework,
                    noAttendance: j.noAttendance,
                    late: j.problems - j.noTopic - j.noHomework - j.noAttendance,
                  })}
                </small>
              </>
            ),
          },
          { key: 'teacher', label: t('dashboard.worstTeacher'), cell: (j) => j.teacher },
          { key: 'held', label: t('dashboard.worstHeld'), numeric: true, cell: (j) => j.held },
          { key: 'problems', label: t('dashboard.worstProblems'), numeric: true, cell: (j) => j.problems },
          {
            key: 'score',
            label: t('dashboard.worstScore'),
            numeric: true,
            cell: (j) => decimals(j.score, 2, lang),
          },
          {
            key: 'open',
            label: t('dashboard.open'),
            cell: (j) => (
              <Link
                href={`/journal/${j.courseId}`}
                aria-label={`${t('dashboard.openJournal')}: ${journalName(j)}`}
              >
                {t('dashboard.openJournal')}
              </Link>
            ),
          },
        ]}
      />
    </section>
  );
}

/** The count of open remarks and the latest five, each linking to the lesson or the journal. */
export function OpenRemarks({ remarks, prefix }: { remarks: DashboardAnswer['remarks']; prefix: string }) {
  const t = useT();
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-remarks">
      <h2 id="dashboard-remarks">{t('dashboard.remarks')}</h2>
      {remarks.open === 0 ? (
        <p className="report-empty">{t('dashboard.remarksEmpty')}</p>
      ) : (
        <>
          <p>{t('dashboard.remarksCount', { count: remarks.open })}</p>
          <ul className="dashboard-remarks">
            {remarks.latest.map((r) => (
              <li key={r.id}>
                <Link
                  href={
                    r.lessonId === null
                      ? `/journal/${r.courseId}`
                      : `/journal/${r.courseId}?lessonId=${r.lessonId}`
                  }
                >
                  {r.lessonDate
                    ? t('dashboard.remarkOn', { journal: journalName(r), date: formatDate(r.lessonDate) })
                    : journalName(r)}
                </Link>{' '}
                — {r.teacher}, {formatDate(r.createdAt)}
                <p>{r.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link href={`${prefix}/remarks`}>{t('dashboard.allRemarks')}</Link>
      </p>
    </section>
  );
}
