import type { z } from 'zod';
import type { workKindBody, workKindUpdateBody } from '../../contract/settings.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { requireSchoolAction } from '../people/people.policy.ts';
import { getSchoolSettings } from './school-settings.ts';
import { workKindsOf } from './settings.queries.ts';

/** The body as the table stores it: the two flags as 1 or 0. */
function stored(input: z.infer<typeof workKindUpdateBody>) {
  const { written, assessment, ...rest } = input;
  return {
    ...rest,
    ...(written !== undefined && { written: written ? 1 : 0 }),
    ...(assessment !== undefined && { assessment: assessment ? 1 : 0 }),
  };
}

async function requireNameFree(trx: Db, schoolId: number, name: string, exceptId: number | null) {
  const live = await workKindsOf(trx, schoolId);
  const key = name.toLocaleLowerCase('ru').replaceAll('ё', 'е');
  if (live.some((w) => w.id !== exceptId && w.name.toLocaleLowerCase('ru').replaceAll('ё', 'е') === key))
    throw new AppError('conflict', 'settingsWorkKindTaken', {}, { name: 'settingsWorkKindTaken' });
}

async function requireWorkKind(trx: Db, schoolId: number, id: number) {
  const row = await trx
    .selectFrom('workKinds')
    .selectAll()
    .where('id', '=', id)
    .where('schoolId', '=', schoolId)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (row.archivedAt !== null) throw new AppError('conflict', 'settingsWorkKindArchived');
  return row;
}

/** Adds a work kind with its weight. */
export async function addWorkKind(ctx: Ctx, input: z.infer<typeof workKindBody>) {
  const schoolId = requireSchoolAction(ctx, 'school.settings.edit');
  await ctx.db.transaction().execute(async (trx) => {
    await requireNameFree(trx, schoolId, input.name, null);
    const { id } = await trx
      .insertInto('workKinds')
      .values({ schoolId, ...input, written: input.written ? 1 : 0, assessment: input.assessment ? 1 : 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'work_kind.created',
      entity: 'work_kind',
      entityId: id,
      after: input,
    });
  });
  return getSchoolSettings(ctx);
}

/** Renames, reweighs or re-flags a work kind (marks already made keep it). */
export async function updateWorkKind(ctx: Ctx, id: number, input: z.infer<typeof workKindUpdateBody>) {
  const schoolId = requireSchoolAction(ctx, 'school.settings.edit');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await requireWorkKind(trx, schoolId, id);
    if (input.name !== undefined) await requireNameFree(trx, schoolId, input.name, id);
    const change = Object.fromEntries(
      Object.entries(stored(input)).filter(
        ([k, v]) => v !== undefined && String(v) !== String(before[k as keyof typeof before]),
      ),
    );
    if (Object.keys(change).length === 0) return;
    await trx.updateTable('workKinds').set(change).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'work_kind.updated',
      entity: 'work_kind',
      entityId: id,
      before: Object.fromEntries(Object.keys(change).map((k) => [k, before[k as keyof typeof before]])),
      after: change,
    });
  });
  return getSchoolSettings(ctx);
}

/** Archives a work kind: no new marks of it; the last live one stays. */
export async function archiveWorkKind(ctx: Ctx, id: number) {
  const schoolId = requireSchoolAction(ctx, 'school.settings.edit');
  await ctx.db.transaction().execute(async (trx) => {
    await requireWorkKind(trx, schoolId, id);
    if ((await workKindsOf(trx, schoolId)).length <= 1)
      throw new AppError('conflict', 'settingsLastWorkKind');
    const now = new Date().toISOString();
    await trx.updateTable('workKinds').set({ archivedAt: now }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'work_kind.archived',
      entity: 'work_kind',
      entityId: id,
      after: { archivedAt: now },
    });
  });
  return getSchoolSettings(ctx);
}
