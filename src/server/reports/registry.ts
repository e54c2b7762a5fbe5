import { assessmentsReport } from './assessments-report.ts';
import { attendanceDefinition } from './attendance-report.ts';
import { dashboardReport } from './dashboard.report.ts';
import { densityReport } from './density.ts';
import { hoursDefinition } from './hours.ts';
import { heatmapReport, keepingReport } from './keeping.report.ts';
import { ktpReport } from './ktp-lag.ts';
import { remarksReport } from './remarks-report.ts';
import type { ReportDefinition } from './report-definition.ts';
import { resultsReport } from './results.definition.ts';

/** Every school report that exports to XLSX and PDF, by its name. */
// biome-ignore lint/suspicious/noExplicitAny: each report has its own answer type
export const reportDefinitions: ReportDefinition<any>[] = [
  dashboardReport,
  remarksReport,
  resultsReport,
  keepingReport,
  heatmapReport,
  densityReport,
  ktpReport,
  assessmentsReport,
  hoursDefinition,
  attendanceDefinition,
];

/** The report of a name, if there is one. */
export function reportNamed(name: string) {
  return reportDefinitions.find((r) => r.name === name);
}
