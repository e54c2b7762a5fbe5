import type { ImportReport } from '../../contract/imports.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { type Lang, type MessageKey, translate } from '../http/messages.ts';
import { formatOf, ImportRejected, type UploadedFile } from '../imports/import-students.ts';
import { type FileFormat, readTable, UnreadableFile } from '../imports/read-table.ts';
import { maxPlanItems, renumber, requirePlanEdit } from './get-plan.ts';
import { type ParsedPlan, parsePlan, planColumnLabel, planColumns } from './parse-plan.ts';
import { clearPlan, lockPlan } from './plan-items.ts';

/** How to import: store or only preview; replace the plan or append to it. */
export interface PlanImportOptions {
  commit: boolean;
  replace: boolean;
}

interface FileProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

interface Analysis {
  format: FileFormat;
  parsed: ParsedPlan;
  fileProblems: FileProblem[];
}

async function analyse(file: UploadedFile, year: { startsOn: string; endsOn: string }): Promise<Analysis> {
  const format = formatOf(file);
  try {
    const parsed = parsePlan(await readTable(file.bytes, format), year);
    const fileProblems: FileProblem[] = parsed.missingColumns.map((key) => ({
      key: 'lessonsKtpMissingColumn',
      params: { column: key },
    }));
    if (parsed.missingColumns.length === 0 && parsed.rows.length === 0)
      fileProblems.push({ key: 'lessonsKtpEmptyFile' });
    if (parsed.rows.length > maxPlanItems) {
      fileProblems.push({ key: 'lessonsKtpTooManyRows', params: { max: maxPlanItems } });
      return { format, parsed: { ...parsed, rows: [] }, fileProblems };
    }
    return { format, parsed, fileProblems };
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    const key: MessageKey =
      error.reason === 'empty'
        ? 'lessonsKtpEmptyFile'
        : error.reason === 'xlsx'
          ? 'lessonsKtpUnreadableXlsx'
          : 'lessonsKtpUnreadableCsv';
    return { format, parsed: { rows: [], missingColumns: [], unknownColumns: [] }, fileProblems: [{ key }] };
  }
}

function report(lang: Lang, a: Analysis, applied: boolean): ImportReport {
  const rows = a.parsed.rows.map((row) => ({
    line: row.line,
    values: row.values,
    outcome: row.problems.length > 0 ? ('error' as const) : ('create' as const),
    errors: row.problems.map((p) => ({
      column: p.column,
      label: planColumnLabel(lang, p.column),
      message: translate(lang, p.message, p.params),
    })),
  }));
  return {
    applied,
    format: a.format,
    columns: planColumns.map((c) => ({ key: c.key, label: planColumnLabel(lang, c.key) })),
    rows,
    fileErrors: a.fileProblems.map((p) =>
      translate(
        lang,
        p.key,
        p.params?.column ? { column: planColumnLabel(lang, String(p.params.column)) } : p.params,
      ),
    ),
    unknownColumns: a.parsed.unknownColumns,
    summary: {
      create: rows.filter((r) => r.outcome === 'create').length,
      update: 0,
      unchanged: 0,
      errors: rows.filter((r) => r.outcome === 'error').length,
    },
  };
}

/**
 * Imports the КТП of a course from a CSV or XLSX file of the documented template (docs/KTP.md).
 * Without `commit` it only reports, row by row, what would be stored. With `commit` it stores all
 * rows or none: any problem refuses the whole file (400 with the same report). `replace` replaces
 * the plan (lessons given its topics keep their topic text); otherwise the rows are appended.
 */
export async function importPlan(
  ctx: Ctx,
  courseId: number,
  file: UploadedFile,
  options: PlanImportOptions,
): Promise<ImportReport> {
  const course = await requirePlanEdit(ctx, courseId);
  const year = await ctx.db
    .selectFrom('academicYears')
    .select(['startsOn', 'endsOn'])
    .where('id', '=', course.academicYearId)
    .executeTakeFirstOrThrow();
  const analysis = await analyse(file, year);
  const lang = ctx.request.lang;
  const problems =
    analysis.fileProblems.length > 0 || analysis.parsed.rows.some((r) => r.problems.length > 0);
  if (!options.commit) return report(lang, analysis, false);
  if (problems) throw new ImportRejected(report(lang, analysis, false));
  const records = analysis.parsed.rows.flatMap((r) => (r.record ? [r.record] : []));
  await ctx.db.transaction().execute(async (trx) => {
    await lockPlan(trx, courseId);
    if (options.replace) await clearPlan(trx, ctx, course);
    const existing = await trx
      .selectFrom('planItems')
      .select('id')
      .where('courseId', '=', courseId)
      .execute();
    if (existing.length + records.length > maxPlanItems)
      throw new AppError('conflict', 'lessonsPlanTooLong', { max: maxPlanItems });
    await trx
      .insertInto('planItems')
      .values(
        records.map((r, i) => ({
          schoolId: course.schoolId,
          courseId,
          position: existing.length + i + 1,
          ...r,
        })),
      )
      .execute();
    await renumber(trx, courseId);
    await recordAudit(trx, ctx, {
      schoolId: course.schoolId,
      action: 'journal.plan.import',
      entity: 'course',
      entityId: courseId,
      after: { format: analysis.format, items: records.length, replace: options.replace },
    });
  });
  return report(lang, analysis, true);
}
