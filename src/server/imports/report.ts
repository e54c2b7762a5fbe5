import type { ImportOutcome, ImportReport } from '../../contract/imports.ts';
import { type Lang, type MessageKey, translate } from '../http/messages.ts';
import { columnByKey, columns } from './columns.ts';
import type { ParsedFile } from './parse-students.ts';
import type { FileFormat } from './read-table.ts';

/** A problem with the whole file (unreadable, empty, a required column missing). */
export interface FileProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
  /** The missing column's key, named in the reader's language. */
  column?: string;
}

/** The human name of a column in a language. */
export function columnLabel(lang: Lang, key: string): string {
  const column = columnByKey(key);
  if (!column) return key;
  return lang === 'en' ? column.en : column.ru;
}

/** Turns the parsed file and the outcomes of saving it into the report the client shows. */
export function buildReport(
  lang: Lang,
  input: {
    format: FileFormat;
    parsed: ParsedFile;
    fileProblems: FileProblem[];
    outcomes: Map<number, ImportOutcome>;
    applied: boolean;
  },
): ImportReport {
  const rows = input.parsed.rows.map((row) => ({
    line: row.line,
    values: row.values,
    outcome: row.problems.length ? ('error' as const) : (input.outcomes.get(row.line) ?? 'create'),
    errors: row.problems.map((p) => ({
      column: p.column,
      label: columnLabel(lang, p.column),
      message: translate(lang, p.message, p.params),
    })),
  }));
  const count = (o: ImportOutcome) => rows.filter((r) => r.outcome === o).length;
  return {
    applied: input.applied,
    format: input.format,
    columns: columns.map((c) => ({ key: c.key, label: columnLabel(lang, c.key) })),
    rows,
    fileErrors: input.fileProblems.map((p) =>
      translate(lang, p.key, p.column ? { column: columnLabel(lang, p.column) } : p.params),
    ),
    unknownColumns: input.parsed.unknownColumns,
    summary: {
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      errors: count('error'),
    },
  };
}

/** The message of a refused import: the file's problems, then the first rows' problems by row and column. */
export function rejectionMessage(
  lang: Lang,
  report: ImportReport,
): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  // Each problem loses its own full stop: the message joins them with «;» and ends with one.
  const lines: string[] = report.fileErrors.map((e) => e.replace(/\.$/, ''));
  for (const row of report.rows) {
    for (const e of row.errors) {
      const text = translate(lang, 'importsRowProblem', {
        line: row.line,
        column: e.label,
        message: e.message.replace(/\.$/, ''),
      });
      fields[`rows.${row.line}.${e.column}`] = text;
      lines.push(text);
    }
  }
  const shown = lines.slice(0, 5).join('; ');
  const problems =
    lines.length > 5
      ? translate(lang, 'importsRejectedMore', { problems: shown, more: lines.length - 5 })
      : shown;
  return { message: translate(lang, 'importsRejected', { problems }), fields };
}
