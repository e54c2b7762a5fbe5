import type { z } from 'zod';
import type { classBody } from '../../contract/structure.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockForTransaction } from '../db/locks.ts';
import { AppError } from '../http/app-error.ts';
import { classById, classGroupOf, currentYear, teachersAmong } from './catalog.queries.ts';
import { managedSchool, requireManagedRow } from './structure.policy.ts';

type ClassInput = z.infer<typeof classBody>;

async function checkClass(trx: Db, schoolId: number, yearId: number, input: ClassInput, self: number | null) {
  await lockForTransaction(trx, `classes:${schoolId}`);
  let taken = trx
    .selectFrom('classes')
    .select('id')
    .where('schoolId', '=', schoolId)
    .where('academicYearId', '=', yearId)
    .where('grade', '=', input.grade)
    .where('letter', '=', input.letter)
    .where('archivedAt', 'is', null);
  if (self !== null) taken = taken.where('id', '!=', self);
  if (await taken.executeTakeFirst())
    throw new AppError('conflict', 'structureClassTaken', {}, { letter: 'structureClassTaken' });
  if (input.classTeacherId !== null) {
    const ok = await teachersAmong(trx, schoolId, [input.classTeacherId]);
    if (!ok.has(input.classTeacherId))
      throw new AppError('validation', 'structureNotTeacher', {}, { classTeacherId: 'structureNotTeacher' });
  }
}

/** The administrator opens a class of the current year, with its whole-class group («5А»). */
export async function createClass(ctx: Ctx, input: ClassInput): Promise<number> {
  const schoolId = managedSchool(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const year = await currentYear(trx, schoolId);
    if (!year) throw new AppError('conflict', 'structureNoYear');
    await checkClass(trx, schoolId, year.id, input, null);
    const { id } = await trx
      .insertInto('classes')
      .values({ schoolId, academicYearId: year.id, ...input })
      .returning('id')
      .executeTakeFirstOrThrow();
    const name = `${input.grade}${input.letter}`;
    await trx
      .insertInto('groups')
      .values({ schoolId, academicYearId: year.id, classId: id, kind: 'class', name, subjectId: null })
      .execute();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'class.created',
      entity: 'class',
      entityId: id,
      after: input,
    });
    return id;
  });
}

/** The administrator changes a class: grade, letter, class teacher, days per week. */
export async function updateClass(ctx: Ctx, classId: number, input: ClassInput): Promise<void> {
  managedSchool(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const before = requireManagedRow(ctx, await classById(trx, classId));
    if (before.archivedAt) throw new AppError('conflict', 'structureArchived');
    await checkClass(trx, before.schoolId, before.academicYearId, input, classId);
    await trx.updateTable('classes').set(input).where('id', '=', classId).execute();
    const group = await classGroupOf(trx, classId);
    if (group)
      await trx
        .updateTable('groups')
        .set({ name: `${input.grade}${input.letter}` })
        .where('id', '=', group.id)
        .execute();
    await recordAudit(trx, ctx, {
      schoolId: before.schoolId,
      action: 'class.updated',
      entity: 'class',
      entityId: classId,
      before: {
        grade: before.grade,
        letter: before.letter,
        classTeacherId: before.classTeacherId,
        daysPerWeek: before.daysPerWeek,
      },
      after: input,
    });
  });
}

/** The administrator archives a class (never deleted: the journal refers to it). */
export async function archiveClass(ctx: Ctx, classId: number): Promise<void> {
  managedSchool(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = requireManagedRow(ctx, await classById(trx, classId));
    if (row.archivedAt) return;
    const at = new Date().toISOString();
    await trx.updateTable('classes').set({ archivedAt: at }).where('id', '=', classId).execute();
    await recordAudit(trx, ctx, {
      schoolId: row.schoolId,
      action: 'class.archived',
      entity: 'class',
      entityId: classId,
      after: { archivedAt: at },
    });
  });
}
