import { useLocation, useSearch } from 'wouter';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { isoParam, useClassAcks, useClassNotices } from './diary-api.ts';
import { addDays, dateTime, mondayOf } from './diary-dates.ts';
import { NoticeList } from './notice-list.tsx';
import { WeekNav } from './week-nav.tsx';
import './diary.css';
import './diary-pages.css';

/** The class teacher's «Ознакомление»: who of the parents has seen the week; parents' absence notices. */
export default function AcknowledgementsPage({ params }: PageProps) {
  const t = useT();
  const classId = Number(params.id);
  const [path] = useLocation();
  const week = isoParam(useSearch(), 'week');
  const acks = useClassAcks(classId, week ? mondayOf(week) : null);
  const data = acks.data;
  const notices = useClassNotices(classId, data?.weekStart ?? null);
  const title = data ? t('diary.acksTitleOf', { name: data.className }) : t('diary.acksTitle');
  useDocumentTitle(title);
  if (acks.isError)
    return (
      <section className="diary-page">
        <h1>{t('diary.acksTitle')}</h1>
        <FormAlert message={acks.error.message} />
      </section>
    );
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  const done = data.students.filter((s) => s.guardians.some((g) => g.at !== null)).length;
  return (
    <section className="diary-page diary-wide">
      <h1>{title}</h1>
      <WeekNav path={path} weekStart={data.weekStart} weekEnd={addDays(data.weekStart, 6)} />
      <p className="diary-count" role="status">
        {t('diary.acksCount', { done, total: data.students.length })}
      </p>
      {data.students.length === 0 ? (
        <p className="diary-muted">{t('diary.noStudents')}</p>
      ) : (
        <table className="data-table stack-on-phone diary-acks">
          <caption className="visually-hidden">{t('diary.acksCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('diary.student')}</th>
              <th scope="col">{t('diary.parents')}</th>
            </tr>
          </thead>
          <tbody>
            {data.students.map((s) => {
              const seen = s.guardians.some((g) => g.at !== null);
              return (
                <tr key={s.studentId} className={seen ? 'diary-ack-row-done' : 'diary-ack-row-none'}>
                  <th scope="row">{s.name}</th>
                  <td>
                    {s.guardians.length === 0 ? (
                      <span className="diary-muted">{t('diary.noGuardians')}</span>
                    ) : (
                      <ul className="diary-guardians">
                        {s.guardians.map((g) => (
                          <li key={g.id}>
                            {`${g.name} — `}
                            {g.at ? (
                              <span className="diary-ack-yes">
                                <span aria-hidden="true">✓ </span>
                                {t('diary.ackAt', { date: dateTime(g.at) })}
                              </span>
                            ) : (
                              <span className="diary-ack-no">{t('diary.ackNone')}</span>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h2 className="diary-section-title">{t('diary.classNotices')}</h2>
      <p className="diary-muted">{t('diary.classNoticesFrom', { date: formatDate(data.weekStart) })}</p>
      <FormAlert message={notices.error?.message} />
      {notices.data && (
        <NoticeList notices={notices.data.notices} empty={t('diary.noClassNotices')} showStudent />
      )}
    </section>
  );
}
