import type { AttendanceReport } from '../../contract/report-hours.ts';
import { ApiError } from '../app/api-error.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { BarChart } from './bar-chart.tsx';
import { ExportLinks } from './export-links.tsx';
import { monthLabel, percentText } from './hours.i18n.ts';
import { type Column, ReportTable } from './report-table.tsx';
import { useReport } from './reports-api.ts';
import type { TabProps } from './tabs.ts';
import './hours.css';

type ClassRow = AttendanceReport['classes'][number];
type StudentRow = AttendanceReport['students'][number];
type OverRow = AttendanceReport['over'][number];
const reasons = ['illness', 'excused', 'unexcused', 'none'] as const;

/** «Посещаемость»: missed lessons by reason per class and per student, and the over-30 % list. */
export default function AttendanceTab({ filters }: TabProps) {
  const t = useT();
  const lang = useLanguage();
  const report = useReport<AttendanceReport>('attendance', filters);
  if (report.isPending) return <p>{t('reports.loading')}</p>;
  if (report.isError)
    return (
      <FormAlert
        message={report.error instanceof ApiError ? report.error.message : t('reports.loadFailed')}
      />
    );
  const data = report.data;
  const threshold = data.thresholdPercent;
  const overKeys = new Set(data.over.map((o) => o.studentId));
  const common = <Row extends ClassRow | StudentRow>(): Column<Row>[] => [
    ...reasons.map((r) => ({
      key: r,
      label: t(`attendance.${r}`),
      numeric: true,
      cell: (x: Row) => x.absent[r],
    })),
    { key: 'absent', label: t('attendance.absent'), numeric: true, cell: (x) => x.absent.total },
    { key: 'late', label: t('attendance.late'), numeric: true, cell: (x) => x.late },
    { key: 'days', label: t('attendance.days'), numeric: true, cell: (x) => x.missedDays.total },
    { key: 'mixed', label: t('attendance.mixed'), numeric: true, cell: (x) => x.missedDays.mixed },
  ];
  const classColumns: Column<ClassRow>[] = [
    { key: 'class', label: t('attendance.class'), cell: (c) => c.className },
    { key: 'students', label: t('attendance.students'), numeric: true, cell: (c) => c.students },
    { key: 'expected', label: t('attendance.expected'), numeric: true, cell: (c) => c.expected },
    ...common<ClassRow>(),
    {
      key: 'percent',
      label: t('attendance.percent'),
      numeric: true,
      cell: (c) => percentText(c.attendancePercent, lang),
    },
  ];
  const studentColumns: Column<StudentRow>[] = [
    {
      key: 'student',
      label: t('attendance.student'),
      cell: (s) =>
        overKeys.has(s.studentId) ? (
          <>
            {s.name} <span className="attendance-over-mark">({t('attendance.overMark', { threshold })})</span>
          </>
        ) : (
          s.name
        ),
    },
    { key: 'class', label: t('attendance.class'), cell: (s) => s.className },
    { key: 'lessons', label: t('attendance.lessons'), numeric: true, cell: (s) => s.expected },
    ...common<StudentRow>(),
  ];
  const overColumns: Column<OverRow>[] = [
    { key: 'student', label: t('attendance.student'), cell: (o) => o.name },
    { key: 'class', label: t('attendance.class'), cell: (o) => o.className },
    { key: 'month', label: t('attendance.month'), cell: (o) => monthLabel(o.month, lang) },
    { key: 'lessons', label: t('attendance.lessons'), numeric: true, cell: (o) => o.expected },
    { key: 'missed', label: t('attendance.absent'), numeric: true, cell: (o) => o.missed },
    {
      key: 'percent',
      label: t('attendance.missedPercent'),
      numeric: true,
      cell: (o) => percentText(o.percent, lang),
    },
  ];
  return (
    <div className="hours-report">
      <ReportTable
        caption={t('attendance.byClass')}
        columns={classColumns}
        rows={data.classes}
        rowKey={(c) => c.className}
        empty={t('reports.empty')}
      />
      <BarChart
        title={t('attendance.chart')}
        max={100}
        bars={data.classes.map((c) => ({
          label: c.className,
          value: c.attendancePercent ?? 0,
          text: percentText(c.attendancePercent, lang),
        }))}
      />
      <ReportTable
        caption={t('attendance.over', { threshold })}
        columns={overColumns}
        rows={data.over}
        rowKey={(o) => `${o.studentId}|${o.month}`}
        empty={t('attendance.overNone', { threshold })}
      />
      <ReportTable
        caption={t('attendance.byStudent')}
        columns={studentColumns}
        rows={data.students}
        rowKey={(s) => s.studentId}
        empty={t('attendance.noStudents')}
      />
      <ExportLinks name="attendance" filters={filters} />
    </div>
  );
}
