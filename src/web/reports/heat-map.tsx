import { Link } from 'wouter';
import type { HeatmapAnswer } from '../../contract/report-keeping.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { heatLevel, heatText } from './keeping-format.ts';
import { queryOf, type ReportFilterValues } from './reports-api.ts';
import './keeping.css';

/**
 * The heat map of keeping: teachers (rows) × days (columns). A cell counts the lessons with
 * missing entries («н») and with late ones («о»), is shaded by their share, and links to
 * «Ведение журнала» filtered by the teacher and the day. `reportsPath` is the reports page of the
 * role (`/deputy/reports`); `filters` are kept in the link except the dates and the period.
 */
export function HeatMap({
  data,
  reportsPath,
  filters = {},
}: {
  data: HeatmapAnswer;
  reportsPath: string;
  filters?: ReportFilterValues;
}) {
  const t = useT();
  const lang = useLanguage();
  const caption = t('heatmap.caption', { from: formatDate(data.from), to: formatDate(data.to) });
  if (data.teachers.length === 0) return <p className="report-empty">{t('heatmap.empty')}</p>;
  const link = (teacherId: number, date: string) =>
    `${reportsPath}${queryOf(
      { ...filters, periodId: undefined, courseId: undefined, teacherId, from: date, to: date },
      { tab: 'keeping' },
    )}`;
  return (
    <div className="report-table-wrap heat-map">
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('heatmap.teacher')}</th>
            {data.days.map((d) => (
              <th key={d} scope="col" className="num">
                <abbr title={formatDate(d)}>{formatDate(d).slice(0, 5)}</abbr>
              </th>
            ))}
            <th scope="col" className="num">
              {t('heatmap.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.teachers.map((row) => (
            <tr key={row.teacherId}>
              <th scope="row">{row.teacher}</th>
              {row.cells.map((c) => (
                <td key={c.date} className={`num heat-${heatLevel(c)}`}>
                  {c.held > 0 && (
                    <Link
                      href={link(row.teacherId, c.date)}
                      aria-label={`${heatText(c, lang)}: ${t('heatmap.cell', {
                        teacher: row.teacher,
                        date: formatDate(c.date),
                        held: c.held,
                        missing: c.missing,
                        late: c.late,
                      })}`}
                    >
                      {heatText(c, lang)}
                    </Link>
                  )}
                </td>
              ))}
              <td className={`num heat-${heatLevel(row)}`}>{heatText(row, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">{t('heatmap.legend')}</p>
    </div>
  );
}
