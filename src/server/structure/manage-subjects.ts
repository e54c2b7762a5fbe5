import type { z } from 'zod';
import type { subjectBody } from '../../contract/structure.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockForTransaction } from '../db/locks.ts';
import { AppError } from '../http/app-error.ts';
import { subjectById, subjectsOf } from './catalog.queries.ts';
import { managedSchool, requireManagedRow } from './structure.policy.ts';

type SubjectInput = z.infer<typeof subjectBody>;

const sameName = (a: string, b: string) => a.toLocaleLowerCase('ru') === b.toLocaleLowerCase('ru');

async function checkName(trx: Db, schoolId: number, name: string, self: number | null) {
  await lockForTransaction(trx, `subjects:${schoolId}`);
  const live = (await subjectsOf(trx, schoolId)).filter((s) => !s.archivedAt && s.id !== self);
  if (live.some((s) => sameName(s.name, name)))
    throw new AppError('conflict', 'structureSubjectTaken', {}, { subjectName: 'structureSubjectTaken' });
}

const row = (input: SubjectInput) => ({
  name: input.subjectName,
  shortName: input.shortName,
  sortOrder: input.sortOrder,
});

/** The administrator adds a subject; names are unique in the school (case aside). */
export async function createSubject(ctx: Ctx, input: SubjectInput): Promise<number> {
  const schoolId = managedSchool(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    await checkName(trx, schoolId, input.subjectName, null);
    const { id } = await trx
      .insertInto('subjects')
      .values({ schoolId, ...row(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'subject.created',
      entity: 'subject',
      entityId: id,
      after: row(input),
    });
    return id;
  });
}

/** The administrator renames or reorders a subject. */
export async function updateSubject(ctx: Ctx, subjectId: number, input: SubjectInput): Promise<void> {
  managedSchool(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const before = requireManagedRow(ctx, await subjectById(trx, subjectId));
    if (before.archivedAt) throw new AppError('conflict', 'structureArchived');
    await checkName(trx, before.schoolId, input.subjectName, subjectId);
    await trx.updateTable('subjects').set(row(input)).where('id', '=', subjectId).execute();
    await recordAudit(trx, ctx, {
      schoolId: before.schoolId,
      action: 'subject.updated',
      entity: 'subject',
      entityId: subjectId,
      before: { name: before.name, shortName: before.shortName, sortOrder: before.sortOrder },
      after: row(input),
    });
  });
}

/** The administrator archives a subject (kept for the journal). */
export async function archiveSubject(ctx: Ctx, subjectId: number): Promise<void> {
  managedSchool(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const before = requireManagedRow(ctx, await subjectById(trx, subjectId));
    if (before.archivedAt) return;
    const at = new Date().toISOString();
    await trx.updateTable('subjects').set({ archivedAt: at }).where('id', '=', subjectId).execute();
    await recordAudit(trx, ctx, {
      schoolId: before.schoolId,
      action: 'subject.archived',
      entity: 'subject',
      entityId: subjectId,
      after: { archivedAt: at },
    });
  });
}
