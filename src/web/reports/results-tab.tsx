import type { ResultsAnswer } from '../../contract/results.ts';
import { ApiError } from '../app/api-error.ts';
import { FormAlert } from '../components/form-alert.tsx';
import type { MessageKey } from '../i18n/ru.ts';
import type { Language } from '../i18n/translate.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { BarChart } from './bar-chart.tsx';
import { decimals, formatPercent, oneDecimal } from './dashboard-format.ts';
import { ExportLinks } from './export-links.tsx';
import { type Column, ReportTable } from './report-table.tsx';
import { useReport } from './reports-api.ts';
import type { TabProps } from './tabs.ts';
import './results.css';

type Figures = ResultsAnswer['totals'];
type ListName = keyof ResultsAnswer['lists'];
const listNames: ListName[] = ['excellent', 'good', 'oneFour', 'oneThree', 'failing', 'notAssessed'];

const ruDate = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

/** The figure columns every table of the results shares. */
function figureColumns<Row extends Omit<Figures, 'students' | 'unmarked'>>(
  t: (key: MessageKey) => string,
  lang: Language,
): Column<Row>[] {
  return [
    { key: 'assessed', label: t('results.assessed'), numeric: true, cell: (r) => r.assessed },
    {
      key: 'success',
      label: t('results.success'),
      numeric: true,
      cell: (r) => formatPercent(r.successPct, lang),
    },
    {
      key: 'quality',
      label: t('results.quality'),
      numeric: true,
      cell: (r) => formatPercent(r.qualityPct, lang),
    },
    { key: 'sou', label: t('results.sou'), numeric: true, cell: (r) => formatPercent(r.sou, lang) },
    {
      key: 'average',
      label: t('results.average'),
      numeric: true,
      cell: (r) => (r.average === null ? '—' : decimals(r.average, 2, lang)),
    },
    { key: 'n5', label: '«5»', numeric: true, cell: (r) => r.n5 },
    { key: 'n4', label: '«4»', numeric: true, cell: (r) => r.n4 },
    { key: 'n3', label: '«3»', numeric: true, cell: (r) => r.n3 },
    { key: 'n2', label: '«2»', numeric: true, cell: (r) => r.n2 },
    { key: 'nNa', label: t('results.notAssessed'), numeric: true, cell: (r) => r.nNa },
    { key: 'provisional', label: t('results.provisional'), numeric: true, cell: (r) => r.provisional },
  ];
}

function Totals({ a }: { a: ResultsAnswer }) {
  const t = useT();
  const lang = useLanguage();
  const items: [MessageKey, string][] = [
    ['results.students', String(a.totals.students)],
    ['results.assessed', String(a.totals.assessed)],
    ['results.success', formatPercent(a.totals.successPct, lang)],
    ['results.quality', formatPercent(a.totals.qualityPct, lang)],
    ['results.sou', formatPercent(a.totals.sou, lang)],
    ['results.average', a.totals.average === null ? '—' : decimals(a.totals.average, 2, lang)],
  ];
  return (
    <section aria-labelledby="results-totals">
      <h2 id="results-totals">{t('results.totals')}</h2>
      <dl className="results-totals">
        {items.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {a.totals.provisional > 0 && <p>{t('results.provisionalNote', { count: a.totals.provisional })}</p>}
      {a.totals.unmarked > 0 && <p>{t('results.unmarked', { count: a.totals.unmarked })}</p>}
    </section>
  );
}

function Lists({ a }: { a: ResultsAnswer }) {
  const t = useT();
  return (
    <section aria-labelledby="results-lists">
      <h2 id="results-lists">{t('results.lists')}</h2>
      <div className="results-lists">
        {listNames.map((name) => (
          <div key={name}>
            <h3>
              {t(`results.list.${name}`)} ({a.lists[name].length})
            </h3>
            {a.lists[name].length === 0 ? (
              <p>{t('results.listEmpty')}</p>
            ) : (
              <ol>
                {a.lists[name].map((p) => (
                  <li key={p.studentId}>
                    {p.name}, {p.className}
                  </li>
                ))}
              </ol>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

/** «Успеваемость и качество»: totals, by class with a chart of качество, by subject, by teacher, the lists. */
export default function ResultsTab({ filters }: TabProps) {
  const t = useT();
  const lang = useLanguage();
  const report = useReport<ResultsAnswer>('results', filters);
  if (report.isPending) return <p>{t('reports.loading')}</p>;
  if (report.isError)
    return (
      <FormAlert
        message={report.error instanceof ApiError ? report.error.message : t('reports.loadFailed')}
      />
    );
  const a = report.data;
  const figures = figureColumns<ResultsAnswer['byClass'][number]>(t, lang);
  return (
    <div className="results-tab">
      <p>
        {t('results.period', {
          name: a.period.name,
          from: ruDate(a.period.startsOn),
          to: ruDate(a.period.endsOn),
          roll: ruDate(a.rollOn),
        })}
      </p>
      <ExportLinks name="results" filters={{ ...filters, periodId: a.period.id }} />
      {a.totals.assessed === 0 ? (
        <p className="report-empty">{t('results.empty')}</p>
      ) : (
        <>
          <Totals a={a} />
          <ReportTable
            caption={t('results.byClass')}
            columns={[
              { key: 'class', label: t('results.class'), cell: (r) => r.className },
              { key: 'students', label: t('results.students'), numeric: true, cell: (r) => r.students },
              ...figures,
            ]}
            rows={a.byClass}
            rowKey={(r) => r.classId}
            empty={t('results.empty')}
          />
          <BarChart
            title={t('results.qualityChart')}
            max={100}
            bars={a.byClass.map((r) => ({
              label: r.className,
              value: r.qualityPct ?? 0,
              text: r.qualityPct === null ? '—' : oneDecimal(r.qualityPct, lang),
            }))}
          />
          <ReportTable
            caption={t('results.bySubject')}
            columns={[
              { key: 'subject', label: t('results.subject'), cell: (r) => r.subject },
              ...figureColumns<ResultsAnswer['bySubject'][number]>(t, lang),
            ]}
            rows={a.bySubject}
            rowKey={(r) => r.subjectId}
            empty={t('results.empty')}
          />
          <ReportTable
            caption={t('results.byTeacher')}
            columns={[
              { key: 'teacher', label: t('results.teacher'), cell: (r) => r.teacher },
              ...figureColumns<ResultsAnswer['byTeacher'][number]>(t, lang),
            ]}
            rows={a.byTeacher}
            rowKey={(r) => r.teacherId}
            empty={t('results.empty')}
          />
          <Lists a={a} />
        </>
      )}
    </div>
  );
}
