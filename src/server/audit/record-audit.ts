import { sql } from 'kysely';
import type { Ctx, Db } from '../access/actor.ts';
import { appendAuditRows } from './append-audit.ts';

/** What changed, for the audit trail. */
export interface AuditEntry {
  schoolId: number | null;
  action: string;
  entity: string;
  entityId: number | string | null;
  before?: unknown;
  after?: unknown;
  /**
   * The one student whose diary alone the change affects (their mark, attendance, period mark):
   * only that diary goes stale. Left out, every diary of the school does (the safe default).
   */
  studentId?: number;
}

/**
 * Audited actions that change nothing a diary shows (accounts, reads, messages): they leave the
 * school's data version alone, so cached diaries stay valid. Everything else bumps it.
 */
const outsideTheDiary = [
  'account.',
  'auth.',
  'session.',
  'class.view',
  'credentials.',
  'consent.',
  'messages.',
  'notify.',
  'print.',
  'archive.',
  'backup.',
  'personal.download',
  'audit.',
  'roster.export',
  'remark.',
  'regulation.',
  'support.',
];

/**
 * Audited actions no diary shows but the control reports count (when attendance was taken): they
 * move the school's data version for the reports and leave every diary's version alone.
 */
const reportsOnly = ['journal.attendance.taken'];

/** Whether an audited action may change what a diary shows. */
export function changesDiary(action: string): boolean {
  return !outsideTheDiary.some((prefix) => action.startsWith(prefix));
}

/**
 * Bumps the school's data version in the caller's transaction (the reports' caches key on it), and
 * its diary version too unless `diaries` is false: a diary cached under the old version is stale
 * from the moment the change commits, in every process.
 */
export async function bumpDataVersion(trx: Db, schoolId: number, diaries = true): Promise<void> {
  await trx
    .insertInto('dataVersions')
    .values({ schoolId, version: 1, diaryVersion: diaries ? 1 : 0 })
    .onConflict((oc) =>
      oc
        .column('schoolId')
        .doUpdateSet(
          diaries
            ? { version: sql`data_versions.version + 1`, diaryVersion: sql`data_versions.diary_version + 1` }
            : { version: sql`data_versions.version + 1` },
        ),
    )
    .execute();
}

/** Bumps the own diary versions of students (one upsert, in id order so writers lock alike). */
async function bumpStudentVersions(trx: Db, students: ReadonlyMap<number, number>): Promise<void> {
  if (students.size === 0) return;
  const ids = [...students.keys()].sort((a, b) => a - b);
  await trx
    .insertInto('studentVersions')
    .values(ids.map((studentId) => ({ studentId, schoolId: students.get(studentId)!, version: 1 })))
    .onConflict((oc) => oc.column('studentId').doUpdateSet({ version: sql`student_versions.version + 1` }))
    .execute();
}

/**
 * Writes one audit event, appended to its school's chain (see `appendAuditRows`); call it inside
 * the use case's transaction, beside the change itself. A change that may show in a diary also
 * bumps the school's data version (see `changesDiary`), and the diary version of its one student
 * (`studentId`) or else of the whole school.
 */
export async function recordAudit(trx: Db, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await recordAudits(trx, ctx, [entry]);
}

/** Writes several audit events of one change at once: one lock per chain, one multi-row insert. */
export async function recordAudits(trx: Db, ctx: Ctx, entries: readonly AuditEntry[]): Promise<void> {
  const at = new Date().toISOString();
  await appendAuditRows(
    trx,
    entries.map((entry) => ({
      schoolId: entry.schoolId,
      at,
      actorId: ctx.actor.kind === 'person' ? ctx.actor.personId : null,
      actorKind: ctx.actor.kind,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: ctx.request.ip,
      requestId: ctx.request.requestId,
    })),
  );
  const schools = new Map<number, boolean>();
  const students = new Map<number, number>();
  for (const e of entries) {
    if (e.schoolId === null || !changesDiary(e.action)) continue;
    if (reportsOnly.includes(e.action)) schools.set(e.schoolId, schools.get(e.schoolId) ?? false);
    else if (e.studentId === undefined) schools.set(e.schoolId, true);
    else {
      students.set(e.studentId, e.schoolId);
      if (!schools.has(e.schoolId)) schools.set(e.schoolId, false);
    }
  }
  for (const [schoolId, diaries] of schools) await bumpDataVersion(trx, schoolId, diaries);
  await bumpStudentVersions(trx, students);
}
