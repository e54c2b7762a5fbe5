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
];

/** Whether an audited action may change what a diary shows. */
export function changesDiary(action: string): boolean {
  return !outsideTheDiary.some((prefix) => action.startsWith(prefix));
}

/**
 * Bumps the school's data version in the caller's transaction: a diary cached under the old
 * version is stale from the moment the change commits, in every process.
 */
export async function bumpDataVersion(trx: Db, schoolId: number): Promise<void> {
  await trx
    .insertInto('dataVersions')
    .values({ schoolId, version: 1 })
    .onConflict((oc) => oc.column('schoolId').doUpdateSet({ version: sql`data_versions.version + 1` }))
    .execute();
}

/**
 * Writes one audit event, appended to its school's chain (see `appendAuditRows`); call it inside
 * the use case's transaction, beside the change itself. A change that may show in a diary also
 * bumps the school's data version (see `changesDiary`).
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
  const stale = new Set(entries.filter((e) => changesDiary(e.action)).map((e) => e.schoolId));
  for (const schoolId of stale) if (schoolId !== null) await bumpDataVersion(trx, schoolId);
}
