import { useEffect, useRef, useState } from 'react';
import type { HoursReport } from '../../contract/report-hours.ts';
import { ApiError } from '../app/api-error.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { BarChart } from './bar-chart.tsx';
import { ExportLinks } from './export-links.tsx';
import { monthLabel } from './hours.i18n.ts';
import { type Column, ReportTable } from './report-table.tsx';
import { useReport } from './reports-api.ts';
import type { TabProps } from './tabs.ts';
import './hours.css';

type Teacher = HoursReport['teachers'][number];
type Month = Teacher['months'][number];
interface Row extends Omit<Month, 'courses' | 'month'> {
  key: string;
  teacher: Teacher;
  month: string | null;
  courses: Month['courses'];
}

const figures = ['planned', 'held', 'cancelled', 'given', 'received'] as const;

/** «Часы учителей»: lessons per teacher per month; a row opens its per-journal breakdown. */
export default function HoursTab({ filters }: TabProps) {
  const t = useT();
  const lang = useLanguage();
  const report = useReport<HoursReport>('hours', filters);
  const [open, setOpen] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open !== null) heading.current?.focus();
  }, [open]);
  if (report.isPending) return <p>{t('reports.loading')}</p>;
  if (report.isError)
    return (
      <FormAlert
        message={report.error instanceof ApiError ? report.error.message : t('reports.loadFailed')}
      />
    );
  const data = report.data;
  const monthText = (m: string | null) => (m === null ? t('hours.total') : monthLabel(m, lang));
  const rows: Row[] = data.teachers.flatMap((teacher) => [
    ...teacher.months.map((m) => ({ ...m, key: `${teacher.teacherId}|${m.month}`, teacher })),
    {
      ...teacher.total,
      key: `${teacher.teacherId}|total`,
      teacher,
      month: null,
      courses: mergeCourses(teacher.months),
    },
  ]);
  const chosen = rows.find((r) => r.key === open);
  const columns: Column<Row>[] = [
    {
      key: 'teacher',
      label: t('hours.teacher'),
      cell: (r) => (
        <button
          type="button"
          className="hours-row-button"
          aria-expanded={open === r.key}
          aria-label={t('hours.showCourses', { teacher: r.teacher.teacher, month: monthText(r.month) })}
          onClick={() => setOpen(open === r.key ? null : r.key)}
        >
          {r.teacher.teacher}
        </button>
      ),
    },
    {
      key: 'month',
      label: t('hours.month'),
      cell: (r) => (r.month === null ? <strong>{monthText(null)}</strong> : monthText(r.month)),
    },
    ...figures.map((f) => ({ key: f, label: t(`hours.${f}`), numeric: true, cell: (r: Row) => r[f] })),
  ];
  type CourseRow = Month['courses'][number];
  const courseColumns: Column<CourseRow>[] = [
    {
      key: 'subject',
      label: t('hours.subject'),
      cell: (c) => (c.own ? c.subject : `${c.subject} (${t('hours.substitution')})`),
    },
    { key: 'group', label: t('hours.group'), cell: (c) => c.group },
    ...figures.map((f) => ({ key: f, label: t(`hours.${f}`), numeric: true, cell: (c: CourseRow) => c[f] })),
  ];
  return (
    <div className="hours-report">
      <ExportLinks name="hours" filters={filters} />
      {chosen && (
        <section className="hours-breakdown" aria-labelledby="hours-breakdown-title">
          <h2 id="hours-breakdown-title" tabIndex={-1} ref={heading}>
            {t('hours.courses', { teacher: chosen.teacher.teacher, month: monthText(chosen.month) })}
          </h2>
          <ReportTable
            caption={t('hours.byCourse')}
            columns={courseColumns}
            rows={chosen.courses}
            rowKey={(c) => c.courseId}
            empty={t('hours.empty')}
          />
          <button type="button" className="button button-quiet" onClick={() => setOpen(null)}>
            {t('hours.close')}
          </button>
        </section>
      )}
      <ReportTable
        caption={t('hours.table')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        empty={t('hours.empty')}
      />
      <BarChart
        title={t('hours.chart')}
        bars={data.teachers.map((x) => ({ label: x.teacher, value: x.total.held }))}
      />
    </div>
  );
}

/** A teacher's journals over all months: the months' course counts added up. */
function mergeCourses(months: readonly Month[]): Month['courses'] {
  const byId = new Map<number, Month['courses'][number]>();
  for (const m of months)
    for (const c of m.courses) {
      const seen = byId.get(c.courseId);
      if (!seen) byId.set(c.courseId, { ...c });
      else for (const f of figures) seen[f] += c[f];
    }
  return [...byId.values()];
}
