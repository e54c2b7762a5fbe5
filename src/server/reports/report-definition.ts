import type { Ctx } from '../access/actor.ts';
import type { Lang } from '../http/messages.ts';
import type { ReportScope, ScopeOptions } from './report-scope.ts';

/** How a column's values are written in an export. */
export type ColumnKind = 'text' | 'number' | 'percent' | 'date';

/** One table of an exported report: a sheet of the XLSX, a section of the PDF. */
export interface ReportTable {
  title: string;
  columns: { key: string; label: string; kind?: ColumnKind }[];
  rows: Record<string, string | number | null>[];
}

/**
 * A school report: how it is computed for a scope and how it is laid out as tables for XLSX and
 * PDF. Every report of the reports page has one, in `registry.ts`, so every report exports.
 */
export interface ReportDefinition<Answer> {
  /** The address segment: `/api/reports/<name>` and `/api/reports/<name>/export`. */
  name: string;
  /** The title of the export, in both languages. */
  title: Record<Lang, string>;
  options?: ScopeOptions;
  compute(ctx: Ctx, scope: ReportScope): Promise<Answer>;
  tables(answer: Answer, lang: Lang): ReportTable[];
}
