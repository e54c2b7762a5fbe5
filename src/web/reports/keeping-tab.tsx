import { Link, useLocation } from 'wouter';
import type { HeatmapAnswer, KeepingAnswer } from '../../contract/report-keeping.ts';
import { ApiError } from '../app/api-error.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { formatDate } from '../i18n/format-date.ts';
import { type TFunction, useLanguage, useT } from '../i18n/use-t.ts';
import { BarChart } from './bar-chart.tsx';
import { ExportLinks } from './export-links.tsx';
import { HeatMap } from './heat-map.tsx';
import { journalName, lessonWords } from './keeping-format.ts';
import { type Column, ReportTable } from './report-table.tsx';
import { queryOf, type ReportFilterValues, useReport } from './reports-api.ts';
import type { TabProps } from './tabs.ts';
import './keeping.css';

type CourseRow = KeepingAnswer['courses'][number];
type LessonRow = KeepingAnswer['lessons'][number];
type CountKey =
  | 'noTopic'
  | 'noHomework'
  | 'noAttendance'
  | 'lateTopic'
  | 'lateHomework'
  | 'lateAttendance'
  | 'lateMarks';
const countKeys: CountKey[] = [
  'noTopic',
  'noHomework',
  'noAttendance',
  'lateTopic',
  'lateHomework',
  'lateAttendance',
  'lateMarks',
];

function percentText(value: number | null, lang: string, t: TFunction): string {
  if (value === null) return t('keeping.noFigure');
  const text = value.toFixed(1);
  return lang === 'ru' ? `${text.replace('.', ',')} %` : `${text}%`;
}

/** A count with digit groups: «7 369» in Russian, «7,369» in English. */
function countText(value: number, lang: string): string {
  return value.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB');
}

/** «Ведение журнала»: journals worst first, problems per teacher, the heat map and the problem lessons. */
export default function KeepingTab({ filters }: TabProps) {
  const t = useT();
  const lang = useLanguage();
  const [path] = useLocation();
  const report = useReport<KeepingAnswer>('keeping', filters);
  const heat = useReport<HeatmapAnswer>('heatmap', filters);
  if (report.isPending) return <p>{t('reports.loading')}</p>;
  if (report.isError)
    return (
      <FormAlert
        message={report.error instanceof ApiError ? report.error.message : t('reports.loadFailed')}
      />
    );
  const data = report.data;
  const withCourse = (f: ReportFilterValues) => `${path}${queryOf(f, { tab: 'keeping' })}`;
  const courseLink = (c: CourseRow, value: number) =>
    value > 0 ? (
      <Link
        href={`${withCourse({ ...filters, courseId: c.courseId })}#keeping-lessons`}
        aria-label={`${value}. ${t('keeping.showLessons', { course: journalName(c) })}`}
      >
        {value}
      </Link>
    ) : (
      value
    );
  const courseColumns: Column<CourseRow>[] = [
    { key: 'class', label: t('keeping.className'), cell: (c) => c.className ?? c.group },
    { key: 'subject', label: t('keeping.subject'), cell: (c) => c.subject },
    { key: 'teacher', label: t('keeping.teacher'), cell: (c) => c.teacher },
    { key: 'held', label: t('keeping.held'), numeric: true, cell: (c) => c.held },
    ...countKeys.map(
      (k): Column<CourseRow> => ({
        key: k,
        label: t(`keeping.${k}`),
        numeric: true,
        cell: (c) => courseLink(c, c[k]),
      }),
    ),
    {
      key: 'score',
      label: t('keeping.score'),
      numeric: true,
      cell: (c) => (lang === 'ru' ? c.score.toFixed(2).replace('.', ',') : c.score.toFixed(2)),
    },
  ];
  const lessonColumns: Column<LessonRow>[] = [
    { key: 'date', label: t('keeping.date'), cell: (l) => formatDate(l.date) },
    {
      key: 'lesson',
      label: t('keeping.lesson'),
      cell: (l) => t('keeping.lessonNumber', { n: l.lessonNumber }),
    },
    { key: 'class', label: t('keeping.className'), cell: (l) => l.className ?? l.group },
    { key: 'subject', label: t('keeping.subject'), cell: (l) => l.subject },
    { key: 'teacher', label: t('keeping.teacher'), cell: (l) => l.teacher },
    {
      key: 'what',
      label: t('keeping.what'),
      cell: (l) => <Link href={`/journal/${l.courseId}?lessonId=${l.lessonId}`}>{lessonWords(l, t)}</Link>,
    },
  ];
  const chosen =
    filters.courseId === undefined ? undefined : data.courses.find((c) => c.courseId === filters.courseId);
  if (data.totals.held === 0) return <p className="report-empty">{t('keeping.empty')}</p>;
  return (
    <>
      <dl className="keeping-totals">
        <div>
          <dt>{t('keeping.totalHeld')}</dt>
          <dd>{countText(data.totals.held, lang)}</dd>
        </div>
        <div>
          <dt>{t('keeping.completeness')}</dt>
          <dd>{percentText(data.totals.completeness, lang, t)}</dd>
        </div>
        <div>
          <dt>{t('keeping.timeliness')}</dt>
          <dd>{percentText(data.totals.timeliness, lang, t)}</dd>
        </div>
        <div>
          <dt>{t('keeping.problems')}</dt>
          <dd>{countText(data.totals.problems, lang)}</dd>
        </div>
      </dl>
      <p className="field-hint">
        {t('keeping.rules', {
          from: formatDate(data.range.from),
          until: formatDate(data.until),
          zone: data.timeZone,
        })}
      </p>
      <ReportTable
        caption={t('keeping.courses')}
        columns={courseColumns}
        rows={data.courses}
        rowKey={(c) => c.courseId}
        empty={t('keeping.empty')}
      />
      <BarChart
        title={t('keeping.chart')}
        bars={data.teachers.map((x) => ({ label: x.teacher, value: x.problems }))}
      />
      {heat.data && <HeatMap data={heat.data} reportsPath={path} filters={filters} />}
      {filters.courseId !== undefined && (
        <p id="keeping-lessons">
          <Link href={withCourse({ ...filters, courseId: undefined })}>{t('keeping.allLessons')}</Link>
        </p>
      )}
      <ReportTable
        caption={chosen ? t('keeping.lessonsOf', { course: journalName(chosen) }) : t('keeping.lessons')}
        columns={lessonColumns}
        rows={data.lessons}
        rowKey={(l) => l.lessonId}
        empty={t('keeping.clean')}
      />
      {data.truncated > 0 && (
        <p className="field-hint">
          {t('keeping.truncated', { shown: data.lessons.length, more: data.truncated })}
        </p>
      )}
      <ExportLinks name="keeping" filters={filters} />
    </>
  );
}
