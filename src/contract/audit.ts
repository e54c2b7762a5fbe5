import { z } from 'zod';

/** What the check of the audit history can find wrong. */
export const auditProblemKinds = ['edited', 'deleted', 'inserted', 'headMismatch', 'valueMismatch'] as const;
/** One kind of problem. */
export type AuditProblemKind = (typeof auditProblemKinds)[number];

/** One problem as shown: the event (or journal row) it is about, who wrote that event and when. */
export const auditProblem = z.object({
  kind: z.enum(auditProblemKinds),
  seq: z.number().nullable(),
  eventId: z.number().nullable(),
  at: z.string().nullable(),
  /** Who wrote the event: a person's full name, «система», or null when unknown. */
  actor: z.string().nullable(),
  action: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  field: z.enum(['value', 'comment', 'reason']).nullable(),
  missingFrom: z.number().nullable(),
  missingTo: z.number().nullable(),
  /** headMismatch: the head's seq; valueMismatch: the value by the history. */
  expected: z.string().nullable(),
  /** headMismatch: the last event's seq; valueMismatch: the value in the journal. */
  found: z.string().nullable(),
});
/** A problem in the answer. */
export type AuditProblemView = z.infer<typeof auditProblem>;

/** `GET /api/audit/verify`: the school's chain and journal checked against their history. */
export const auditVerifyResponse = z.object({
  schoolId: z.number(),
  intact: z.boolean(),
  /** Events in the chain, and journal rows compared with their history. */
  events: z.number(),
  rows: z.number(),
  /** When the last event was written (null: no events). */
  lastAt: z.string().nullable(),
  /** All problems; `problems` lists the first 100. */
  problemCount: z.number(),
  problems: z.array(auditProblem),
  checkedAt: z.string(),
  tookMs: z.number(),
});
/** The answer of the check. */
export type AuditVerifyView = z.infer<typeof auditVerifyResponse>;

/** The school to check; by default the first school where the person may check it. */
export const auditVerifyQuery = z.strictObject({
  schoolId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
