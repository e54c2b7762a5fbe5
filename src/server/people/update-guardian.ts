import type { z } from 'zod';
import type { guardianUpdateBody } from '../../contract/people.ts';
import { russianSortKey } from '../../domain/russian-order.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { getStudentCard } from './get-student-card.ts';
import { requireGuardianship } from './people.policy.ts';

const personKeys = [
  'lastName',
  'firstName',
  'middleName',
  'phone',
  'extraPhone',
  'email',
  'workplace',
] as const;

/** The class teacher keeps a parent's name, relation and contacts current. */
export async function updateGuardian(
  ctx: Ctx,
  studentId: number,
  guardianId: number,
  input: z.infer<typeof guardianUpdateBody>,
) {
  const link = await requireGuardianship(ctx, studentId, guardianId);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('persons')
      .select(personKeys)
      .where('id', '=', guardianId)
      .executeTakeFirstOrThrow();
    const change: Record<string, unknown> = {};
    for (const k of personKeys) {
      const raw = input[k];
      if (raw === undefined) continue;
      const value = raw === '' && k !== 'middleName' ? null : raw;
      if (value !== before[k]) change[k] = value;
    }
    if (Object.keys(change).length) {
      const names = { ...before, ...change } as { lastName: string; firstName: string; middleName: string };
      await trx
        .updateTable('persons')
        .set({ ...change, sortKey: russianSortKey(names.lastName, names.firstName, names.middleName) })
        .where('id', '=', guardianId)
        .execute();
      await recordAudit(trx, ctx, {
        schoolId: link.schoolId,
        action: 'guardian.updated',
        entity: 'person',
        entityId: guardianId,
        before: Object.fromEntries(Object.keys(change).map((k) => [k, before[k as keyof typeof before]])),
        after: change,
      });
    }
    if (input.kind !== undefined && input.kind !== link.kind) {
      await trx.updateTable('guardianships').set({ kind: input.kind }).where('id', '=', link.id).execute();
      await recordAudit(trx, ctx, {
        schoolId: link.schoolId,
        action: 'guardian.kind_changed',
        entity: 'guardianship',
        entityId: link.id,
        before: { kind: link.kind },
        after: { kind: input.kind },
      });
    }
  });
  return getStudentCard(ctx, studentId, { log: false });
}

/** The parent is no longer the student's representative: the link is archived, nothing deleted. */
export async function unlinkGuardian(ctx: Ctx, studentId: number, guardianId: number) {
  const link = await requireGuardianship(ctx, studentId, guardianId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('guardianships')
      .set({ archivedAt: new Date().toISOString() })
      .where('id', '=', link.id)
      .execute();
    await recordAudit(trx, ctx, {
      schoolId: link.schoolId,
      action: 'guardian.unlinked',
      entity: 'guardianship',
      entityId: link.id,
      before: { guardianId, studentId, kind: link.kind },
    });
  });
  return getStudentCard(ctx, studentId, { log: false });
}
