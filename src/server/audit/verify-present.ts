import type { AuditProblemView, AuditVerifyView } from '../../contract/audit.ts';
import type { Db } from '../access/actor.ts';
import { type Lang, translate } from '../http/messages.ts';
import { fullName } from '../people/people.present.ts';
import type { ChainReport } from './verify-audit.ts';

/** The names of the people who wrote the events with problems (a few: problems are capped). */
async function actorNames(db: Db, reports: readonly ChainReport[]): Promise<Map<number, string>> {
  const ids = [...new Set(reports.flatMap((r) => r.problems.map((p) => p.actorId)))].filter(
    (id): id is number => id !== null,
  );
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('persons')
    .select(['id', 'lastName', 'firstName', 'middleName'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((p) => [p.id, fullName(p)]));
}

/** One school's check as the page shows it. */
export async function presentVerify(
  db: Db,
  report: ChainReport,
  lang: Lang,
  meta: { checkedAt: string; tookMs: number },
): Promise<AuditVerifyView> {
  const names = await actorNames(db, [report]);
  const problems = report.problems.map(
    (p): AuditProblemView => ({
      kind: p.kind,
      seq: p.seq,
      eventId: p.eventId,
      at: p.at,
      actor:
        p.actorId !== null
          ? (names.get(p.actorId) ?? null)
          : p.actorKind === 'system'
            ? translate(lang, 'auditSystemActor')
            : null,
      action: p.action,
      entity: p.entity,
      entityId: p.entityId,
      field: p.field ?? null,
      missingFrom: p.missingFrom ?? null,
      missingTo: p.missingTo ?? null,
      expected: p.expected ?? null,
      found: p.found ?? null,
    }),
  );
  return {
    schoolId: report.schoolId ?? 0,
    intact: report.problemCount === 0,
    events: report.events,
    rows: report.rows,
    lastAt: report.lastAt,
    problemCount: report.problemCount,
    problems,
    ...meta,
  };
}
