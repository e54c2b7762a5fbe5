import type { RosterImportReport, RosterImportRow } from '../../contract/roster-import.ts';
import { type Lang, translate } from '../http/messages.ts';
import { describeProblem } from './oneroster-validate.ts';
import type { RosterPlan, RowDraft } from './roster-import-model.ts';

const fileOrder = [
  'manifest.csv',
  'orgs.csv',
  'academicSessions.csv',
  'courses.csv',
  'classes.csv',
  'users.csv',
  'roles.csv',
  'demographics.csv',
  'enrollments.csv',
];

function totalsOf(rows: { outcome: string }[]) {
  const count = (o: string) => rows.filter((r) => r.outcome === o).length;
  return { create: count('create'), match: count('match'), skip: count('skip'), errors: count('error') };
}

function rowOf(lang: Lang, d: RowDraft): RosterImportRow {
  return {
    line: d.line,
    sourcedId: d.sourcedId,
    label: d.label,
    outcome: d.outcome,
    errors: d.problems.map((p) => ({ column: p.column, message: translate(lang, p.key, p.params) })),
    note: d.note ? translate(lang, d.note.key, d.note.params) : null,
  };
}

/** The report the client shows: per file, rows with errors first, then in file order; totals. */
export function buildRosterReport(
  lang: Lang,
  plan: RosterPlan,
  fileNames: string[],
  applied: boolean,
): RosterImportReport {
  const names = [...new Set([...fileNames, ...plan.files.keys()])].sort(
    (a, b) => (fileOrder.indexOf(a) + 1 || 99) - (fileOrder.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const files = names.map((file) => {
    const rows = (plan.files.get(file) ?? [])
      .map((d) => rowOf(lang, d))
      .sort((a, b) => Number(b.outcome === 'error') - Number(a.outcome === 'error') || a.line - b.line);
    const note = plan.notes.get(file);
    return {
      file,
      note: note ? translate(lang, note.key, note.params) : null,
      rows,
      totals: totalsOf(rows),
    };
  });
  const all = files.flatMap((f) => f.rows);
  return {
    applied,
    fileErrors: plan.problems.map((p) =>
      p.oneRoster ? describeProblem(p.oneRoster, lang) : translate(lang, p.key, p.params),
    ),
    files,
    totals: totalsOf(all),
    links: { create: plan.guardianships.length, match: plan.existingLinks },
  };
}

/** The message of a refused import: the archive's problems, then the first rows' problems by file, row and column. */
export function rosterRejection(
  lang: Lang,
  report: RosterImportReport,
): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const lines: string[] = report.fileErrors.map((e) => e.replace(/\.$/, ''));
  for (const file of report.files) {
    for (const row of file.rows) {
      for (const e of row.errors) {
        const text = translate(lang, 'rosterImportRowProblem', {
          file: file.file,
          line: row.line,
          column: e.column,
          message: e.message.replace(/\.$/, ''),
        });
        fields[`${file.file}.${row.line}.${e.column}`] = text;
        lines.push(text);
      }
    }
  }
  const shown = lines.slice(0, 5).join('; ');
  const problems =
    lines.length > 5
      ? translate(lang, 'rosterImportRejectedMore', { problems: shown, more: lines.length - 5 })
      : shown;
  return { message: translate(lang, 'rosterImportRejected', { problems }), fields };
}
