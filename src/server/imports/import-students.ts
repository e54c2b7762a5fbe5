import type { Transaction } from 'kysely';
import type { ImportOutcome, ImportReport } from '../../contract/imports.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { studentScope } from '../access/scopes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockForTransaction } from '../db/locks.ts';
import type { DB } from '../db/schema.ts';
import { saveStudentRecord } from '../people/student-records.ts';
import { type ImportTarget, requireImportClass } from './imports.policy.ts';
import { type ParsedFile, parseStudents } from './parse-students.ts';
import { type FileFormat, looksLikeXlsx, readTable, UnreadableFile } from './read-table.ts';
import { buildReport, type FileProblem } from './report.ts';

/** An uploaded file: its bytes and, when the client said so, its format or name. */
export interface UploadedFile {
  bytes: Uint8Array;
  format?: FileFormat;
  filename?: string;
}

/** The most student rows one file may hold. */
export const maxRows = 2000;

/** The format of an upload: a ZIP is XLSX whatever its name, otherwise as declared, else CSV. */
export function formatOf(file: UploadedFile): FileFormat {
  if (looksLikeXlsx(file.bytes)) return 'xlsx';
  if (file.format) return file.format;
  return /\.xlsx$/i.test(file.filename ?? '') ? 'xlsx' : 'csv';
}

/** A refused import: nothing was stored; the report tells every row's problems. */
export class ImportRejected extends Error {
  constructor(readonly report: ImportReport) {
    super('import rejected');
    this.name = 'ImportRejected';
  }
}

class DryRun extends Error {
  constructor(readonly outcomes: Map<number, ImportOutcome>) {
    super('dry run');
  }
}

interface Analysis {
  format: FileFormat;
  parsed: ParsedFile;
  fileProblems: FileProblem[];
}

/** File numbers of students who today belong to another class, or whom the actor may not edit. */
async function belongingElsewhere(ctx: Ctx, target: ImportTarget, numbers: string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const on = today();
  const rows = await ctx.db
    .selectFrom('studentProfiles')
    .innerJoin('groupMemberships', 'groupMemberships.studentId', 'studentProfiles.personId')
    .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
    .select('studentProfiles.fileNumber')
    .where('studentProfiles.schoolId', '=', target.schoolId)
    .where('studentProfiles.fileNumber', 'in', numbers)
    .where('groups.kind', '=', 'class')
    .where('groups.classId', '!=', target.classId)
    .where('groupMemberships.startsOn', '<=', on)
    .where((eb) =>
      eb.or([eb('groupMemberships.endsOn', 'is', null), eb('groupMemberships.endsOn', '>=', on)]),
    )
    .execute();
  // A student the actor may not edit (say, one who left another class) is not theirs to overwrite.
  const actor = ctx.actor;
  if (actor.kind === 'system') return new Set(rows.map((r) => r.fileNumber));
  const unreachable = await ctx.db
    .selectFrom('studentProfiles')
    .select('studentProfiles.fileNumber')
    .where('studentProfiles.schoolId', '=', target.schoolId)
    .where('studentProfiles.fileNumber', 'in', numbers)
    .where('studentProfiles.personId', 'not in', (eb) =>
      eb
        .selectFrom('persons')
        .select('persons.id')
        .where((p) => studentScope(p, actor, 'student.edit')),
    )
    .execute();
  return new Set([...rows, ...unreachable].map((r) => r.fileNumber));
}

async function analyse(ctx: Ctx, target: ImportTarget, file: UploadedFile): Promise<Analysis> {
  const format = formatOf(file);
  const empty: ParsedFile = { rows: [], unknownColumns: [], missingColumns: [] };
  let parsed: ParsedFile;
  try {
    parsed = parseStudents(await readTable(file.bytes, format));
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    const key =
      error.reason === 'empty'
        ? 'importsEmptyFile'
        : error.reason === 'xlsx'
          ? 'importsUnreadableXlsx'
          : 'importsUnreadableCsv';
    return { format, parsed: empty, fileProblems: [{ key }] };
  }
  const fileProblems: FileProblem[] = parsed.missingColumns.map((key) => ({
    key: 'importsMissingColumn',
    column: key,
  }));
  if (parsed.rows.length === 0) fileProblems.push({ key: 'importsEmptyFile' });
  if (parsed.rows.length > maxRows) {
    fileProblems.push({ key: 'importsTooManyRows', params: { max: maxRows } });
    return { format, parsed: { ...parsed, rows: [] }, fileProblems };
  }
  const numbers = parsed.rows.flatMap((r) => (r.record ? [r.record.student.fileNumber] : []));
  const elsewhere = await belongingElsewhere(ctx, target, numbers);
  for (const row of parsed.rows) {
    if (row.record && elsewhere.has(row.record.student.fileNumber)) {
      row.problems.push({ column: 'fileNumber', message: 'importsFileNumberElsewhere' });
      row.record = null;
    }
  }
  return { format, parsed, fileProblems };
}

const outcomeOf = { created: 'create', updated: 'update', unchanged: 'unchanged' } as const;

/**
 * Saves every valid row through the people module's record keeping; returns each row's outcome.
 * The school's student records are held until the transaction ends: the same file sent twice at
 * once (or previewed beside its import) then finds the first one's students instead of breaking
 * the file-number key.
 */
async function save(trx: Transaction<DB>, ctx: Ctx, target: ImportTarget, parsed: ParsedFile) {
  await lockForTransaction(trx, `student-records:${target.schoolId}`);
  const outcomes = new Map<number, ImportOutcome>();
  for (const row of parsed.rows) {
    if (!row.record) continue;
    const { student, guardians } = row.record;
    const saved = await saveStudentRecord(trx, ctx, {
      schoolId: target.schoolId,
      classId: target.classId,
      student,
      guardians,
    });
    outcomes.set(row.line, outcomeOf[saved.outcome]);
  }
  return outcomes;
}

function hasProblems(a: Analysis): boolean {
  return a.fileProblems.length > 0 || a.parsed.rows.some((r) => r.problems.length > 0);
}

/** Reads the file and tells, row by row, what importing it into the class would do; stores nothing. */
export async function previewStudentImport(
  ctx: Ctx,
  classId: number,
  file: UploadedFile,
): Promise<ImportReport> {
  const target = await requireImportClass(ctx, classId);
  const analysis = await analyse(ctx, target, file);
  let outcomes = new Map<number, ImportOutcome>();
  if (analysis.parsed.rows.some((r) => r.record)) {
    // The outcome is exactly what saving would do: save, note it, and roll everything back.
    try {
      await ctx.db.transaction().execute(async (trx) => {
        throw new DryRun(await save(trx, ctx, target, analysis.parsed));
      });
    } catch (error) {
      if (!(error instanceof DryRun)) throw error;
      outcomes = error.outcomes;
    }
  }
  return buildReport(ctx.request.lang, { ...analysis, outcomes, applied: false });
}

/** Imports the file into the class, all or nothing: any problem refuses the whole file. */
export async function importStudents(ctx: Ctx, classId: number, file: UploadedFile): Promise<ImportReport> {
  const target = await requireImportClass(ctx, classId);
  const analysis = await analyse(ctx, target, file);
  if (hasProblems(analysis)) {
    throw new ImportRejected(
      buildReport(ctx.request.lang, { ...analysis, outcomes: new Map(), applied: false }),
    );
  }
  const outcomes = await ctx.db.transaction().execute(async (trx) => {
    const result = await save(trx, ctx, target, analysis.parsed);
    const count = (o: ImportOutcome) => [...result.values()].filter((v) => v === o).length;
    if (count('create') + count('update') > 0) {
      await recordAudit(trx, ctx, {
        schoolId: target.schoolId,
        action: 'students.imported',
        entity: 'class',
        entityId: target.classId,
        after: { format: analysis.format, created: count('create'), updated: count('update') },
      });
    }
    return result;
  });
  return buildReport(ctx.request.lang, { ...analysis, outcomes, applied: true });
}
