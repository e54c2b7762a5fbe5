import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { useCardViews } from './people-api.ts';

function formatMoment(iso: string): string {
  const d = new Date(iso);
  return `${formatDate(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** «Кто открывал карточку»: every view of the student's or their parents' data, newest first. */
export function ViewLog({ studentId }: { studentId: number }) {
  const t = useT();
  const views = useCardViews(studentId, true);
  return (
    <section aria-labelledby="student-views">
      <h2 id="student-views">{t('people.views')}</h2>
      {!views.data ? (
        <p className="loading">{t('app.loading')}</p>
      ) : (
        <div className="table-box people-scroll">
          <table className="people-table">
            <thead>
              <tr>
                <th scope="col">{t('people.views.at')}</th>
                <th scope="col">{t('people.views.who')}</th>
                <th scope="col">{t('people.views.whose')}</th>
                <th scope="col">{t('people.views.where')}</th>
              </tr>
            </thead>
            <tbody>
              {views.data.views.map((v) => (
                <tr key={`${v.at}-${v.viewer}-${v.subject.kind}-${v.subject.id}-${v.source}`}>
                  <td className="people-nowrap">{formatMoment(v.at)}</td>
                  <td>{v.viewer}</td>
                  <td>{v.subject.name}</td>
                  <td>{t(`people.views.source.${v.source}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
