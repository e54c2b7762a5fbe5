import type { ReportDefinition } from './report-definition.ts';

/** Every school report that exports to XLSX and PDF, by its name. */
// biome-ignore lint/suspicious/noExplicitAny: each report has its own answer type
export const reportDefinitions: ReportDefinition<any>[] = [];

/** The report of a name, if there is one. */
export function reportNamed(name: string) {
  return reportDefinitions.find((r) => r.name === name);
}
