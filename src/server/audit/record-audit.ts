import type { Ctx, Db } from '../access/actor.ts';

/** What changed, for the audit trail. */
export interface AuditEntry {
  schoolId: number | null;
  action: string;
  entity: string;
  entityId: number | string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit event; call it inside the use case's transaction, beside the change itself. */
export async function recordAudit(trx: Db, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('auditEvents')
    .values({
      schoolId: entry.schoolId,
      at: new Date().toISOString(),
      actorId: ctx.actor.kind === 'person' ? ctx.actor.personId : null,
      actorKind: ctx.actor.kind,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: ctx.request.ip,
      requestId: ctx.request.requestId,
    })
    .execute();
}
