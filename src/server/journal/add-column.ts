import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockForTransaction } from '../db/locks.ts';
import { AppError } from '../http/app-error.ts';
import { lockClassesForWrite } from './journal.policy.ts';
import { firstWorkKind } from './journal.queries.ts';
import { reasonOf, writableLesson } from './lesson-write.ts';

/** The work kind ids of a lesson's mark columns as stored (null or unreadable: none chosen yet). */
export function parseColumns(text: string | null): number[] | null {
  if (!text) return null;
  try {
    const ids: unknown = JSON.parse(text);
    return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : null;
  } catch {
    return null;
  }
}

/**
 * Opens another mark column in a lesson (e.g. «КР» beside the default one). The columns a lesson
 * shows start from the school's first live work kind; adding one that is there changes nothing.
 * Past the edit window it takes a reason, kept in the audit event. Two columns added at once both
 * stay: the lesson is locked and its columns re-read inside the transaction.
 */
export async function addColumn(
  ctx: Ctx,
  lessonId: number,
  workKindId: number,
  editReason?: string,
): Promise<{ columns: number[] }> {
  const { lesson, r } = await writableLesson(ctx, lessonId, editReason);
  const kind = await ctx.db
    .selectFrom('workKinds')
    .select('id')
    .where('id', '=', workKindId)
    .where('schoolId', '=', lesson.schoolId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!kind)
    throw new AppError('validation', 'journalWorkKindUnknown', {}, { workKindId: 'journalWorkKindUnknown' });
  return ctx.db.transaction().execute(async (trx) => {
    await lockClassesForWrite(trx, r.classIds, { date: lesson.date });
    await lockForTransaction(trx, `lesson:${lesson.id}:columns`);
    const row = await trx
      .selectFrom('lessons')
      .select('markColumns')
      .where('id', '=', lesson.id)
      .executeTakeFirstOrThrow();
    const first = await firstWorkKind(trx, lesson.schoolId);
    const before = parseColumns(row.markColumns) ?? (first === null ? [] : [first]);
    if (before.includes(workKindId)) return { columns: before };
    const columns = [...before, workKindId];
    await trx
      .updateTable('lessons')
      .set({ markColumns: JSON.stringify(columns) })
      .where('id', '=', lesson.id)
      .execute();
    await recordAudit(trx, ctx, {
      schoolId: lesson.schoolId,
      action: 'journal.column.add',
      entity: 'lesson',
      entityId: lesson.id,
      before: { columns: before },
      after: { columns, editReason: reasonOf(editReason) },
    });
    return { columns };
  });
}
