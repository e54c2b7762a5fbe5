import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type ChainReport, verifyAudit } from '../audit/verify-audit.ts';
import type { AuditProblem } from '../audit/verify-chain.ts';
import type { DB } from '../db/schema.ts';
import { translate } from '../http/messages.ts';

/** Problems printed per chain; the rest are counted. */
const printed = 10;

const two = (n: number) => String(n).padStart(2, '0');

/** An instant as ДД.ММ.ГГГГ ЧЧ:ММ in local time. */
function ruDateTime(iso: string): string {
  const d = new Date(iso);
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function problemLine(p: AuditProblem): string {
  const kind = translate('ru', `auditKind_${p.kind}`);
  if (p.kind === 'deleted')
    return translate('ru', 'auditProblemDeleted', {
      kind,
      from: p.missingFrom ?? '',
      to: p.missingTo ?? '',
      seq: p.seq ?? '',
    });
  if (p.kind === 'headMismatch')
    return translate('ru', 'auditProblemHead', { kind, expected: p.expected ?? '—', found: p.found ?? '—' });
  if (p.kind === 'valueMismatch')
    return translate('ru', 'auditProblemValue', {
      kind,
      entity: p.entity ?? '',
      entityId: p.entityId ?? '',
      field: p.field ?? 'value',
      expected: p.expected ?? '',
      found: p.found ?? '',
    });
  return translate('ru', 'auditProblemEvent', {
    kind,
    seq: p.seq ?? '',
    at: p.at ? ruDateTime(p.at) : '—',
    action: p.action ?? '',
    entity: p.entity ?? '',
    entityId: p.entityId ?? '',
  });
}

/** The lines of one chain's report: its state, and its first problems. */
function chainText(r: ChainReport): string[] {
  const chain =
    r.schoolId === null
      ? translate('ru', 'auditChainNone')
      : translate('ru', 'auditChainSchool', { id: r.schoolId });
  if (r.problemCount === 0) {
    const last = r.lastAt ? translate('ru', 'auditIntactLast', { at: ruDateTime(r.lastAt) }) : '';
    const lines = [translate('ru', 'auditIntact', { chain, events: r.events, last })];
    if (r.schoolId !== null) lines.push(translate('ru', 'auditJournalIntact', { rows: r.rows }));
    if (r.head) lines.push(translate('ru', 'auditHead', { seq: r.head.seq, hash: r.head.hash }));
    return lines;
  }
  const lines = [
    translate('ru', 'auditBroken', { chain, count: r.problemCount, events: r.events, rows: r.rows }),
  ];
  lines.push(...r.problems.slice(0, printed).map(problemLine));
  if (r.head) lines.push(translate('ru', 'auditHead', { seq: r.head.seq, hash: r.head.hash }));
  if (r.problemCount > printed) lines.push(translate('ru', 'auditMore', { n: r.problemCount - printed }));
  return lines;
}

/** `otmetka audit verify [--school ID]`: each chain checked, in Russian; not ok when anything is wrong. */
export async function auditVerifyCommand(
  db: Kysely<DB>,
  school: string | undefined,
): Promise<{ text: string; ok: boolean }> {
  const parsed = z.coerce.number().int().positive().max(2_147_483_647).optional().safeParse(school);
  if (!parsed.success) throw new Error('Проверьте параметр --school: нужен номер школы');
  if (parsed.data !== undefined) {
    const found = await db
      .selectFrom('schools')
      .select('id')
      .where('id', '=', parsed.data)
      .executeTakeFirst();
    if (!found) throw new Error(`Школы с номером ${parsed.data} нет`);
  }
  const reports = await verifyAudit(db, { schoolId: parsed.data });
  const ok = reports.every((r) => r.problemCount === 0);
  const lines = reports.flatMap(chainText);
  lines.push(translate('ru', ok ? 'auditSummaryIntact' : 'auditSummaryBroken'));
  return { text: `${lines.join('\n')}\n`, ok };
}
