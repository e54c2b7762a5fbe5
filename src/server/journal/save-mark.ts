import type { z } from 'zod';
import type { markBody } from '../../contract/journal.ts';
import { isMarkValue, type MarkRules, parseCell } from '../../domain/marks.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { queueJournalNotices } from '../notify/journal-notices.ts';
import { CellConflict, planCellWrite, writeOrConflict } from './cell-write.ts';
import { lockClassesForWrite, personOf } from './journal.policy.ts';
import { type MarkCell, presentMark } from './journal.present.ts';
import { reasonOf, requireMemberOn, writableLesson } from './lesson-write.ts';
import { type OfflineWrite, writeTransaction } from './sync-write.ts';

/** What a teacher may type into a mark cell under the rules: «5, 4, …, 4+, 4-, 5/4, зач, незач, .». */
export function allowedMarks(rules: MarkRules): string {
  const numbers = rules.scale === 'five' ? ['5', '4', '3', '2', '1'] : [];
  const signs = rules.scale === 'five' && rules.plusMinus ? ['5-', '4+', '4-'] : [];
  const two = rules.scale === 'five' && rules.twoMarks ? ['5/4'] : [];
  return [...numbers, ...signs, ...two, 'зач', 'незач', '«.»'].join(', ');
}

/** The canonical stored value of what was typed, or a 400 on `value` listing what may be typed. */
function markValue(text: string, rules: MarkRules): string {
  const parsed = parseCell(text, rules);
  if (parsed.kind === 'mark' && isMarkValue(parsed.value, rules)) return parsed.value;
  throw new AppError(
    'validation',
    'journalMarkInvalid',
    { allowed: allowedMarks(rules) },
    {
      value: 'journalMarkInvalid',
    },
  );
}

const cellColumns = [
  'id',
  'lessonId',
  'studentId',
  'workKindId',
  'value',
  'comment',
  'version',
  'deletedAt',
] as const;

function cellRows(db: Db, lessonId: number, studentId: number, workKindId: number) {
  return db
    .selectFrom('marks')
    .select(cellColumns)
    .where('lessonId', '=', lessonId)
    .where('studentId', '=', studentId)
    .where('workKindId', '=', workKindId)
    .execute();
}

/** The live cell as stored now (null: empty). */
async function currentCell(db: Db, lessonId: number, studentId: number, workKindId: number) {
  const live = (await cellRows(db, lessonId, studentId, workKindId)).find((r) => r.deletedAt === null);
  return live ? presentMark(live) : null;
}

/**
 * Sets, changes or clears ('') one mark cell. The cell keeps one row for its whole life: clearing
 * soft-deletes it and setting it again revives it. The save must carry the version the client saw;
 * otherwise nothing is written and 409 tells what the cell holds now. A comment left out stays. The change and its audit
 * event (from → to, reason) are written in one transaction. An offline change (`offline`) is
 * stamped with the time it was made and received in the same transaction.
 */
export async function saveMark(
  ctx: Ctx,
  body: z.infer<typeof markBody>,
  offline?: OfflineWrite,
): Promise<{ cell: MarkCell | null }> {
  const { lesson, r } = await writableLesson(ctx, body.lessonId, body.editReason);
  const workKind = await ctx.db
    .selectFrom('workKinds')
    .select('id')
    .where('id', '=', body.workKindId)
    .where('schoolId', '=', lesson.schoolId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!workKind)
    throw new AppError('validation', 'journalWorkKindUnknown', {}, { workKindId: 'journalWorkKindUnknown' });
  await requireMemberOn(ctx.db, lesson.course.groupId, body.studentId, lesson.date);
  const clearing = body.value === '';
  const value = clearing ? '' : markValue(body.value, r.rules);
  if (!r.marked) throw new AppError('validation', 'journalNotMarked', {}, { value: 'journalNotMarked' });
  const me = personOf(ctx)!;
  const key = { lessonId: lesson.id, studentId: body.studentId, workKindId: body.workKindId };
  const reason = reasonOf(body.editReason);

  return writeOrConflict(
    () =>
      writeTransaction(ctx.db, offline, async (trx) => {
        await lockClassesForWrite(trx, r.classIds, { date: lesson.date });
        const rows = await cellRows(trx, key.lessonId, key.studentId, key.workKindId);
        const live = rows.find((row) => row.deletedAt === null);
        const plan = planCellWrite(rows, body.version, clearing);
        if (plan.kind === 'conflict') throw new CellConflict(live ? presentMark(live) : null);
        if (plan.kind === 'none') return { cell: null };
        // Left out, the comment stays; null or blank removes it.
        const comment =
          body.comment === undefined
            ? (live?.comment ?? null)
            : body.comment?.trim()
              ? body.comment.trim()
              : null;
        const before = live ? { value: live.value, comment: live.comment } : null;
        // Unchanged: nothing to write, nothing to audit.
        if (plan.kind === 'update' && live && live.value === value && live.comment === comment)
          return { cell: presentMark(live) };
        const now = new Date().toISOString();
        let saved: MarkCell | null;
        let id: number;
        if (plan.kind === 'insert') {
          const row = await trx
            .insertInto('marks')
            .values({
              schoolId: lesson.schoolId,
              ...key,
              value,
              comment,
              createdBy: me,
              createdAt: offline?.madeAt,
            })
            .returning(['id', 'version'])
            .executeTakeFirstOrThrow();
          id = row.id;
          saved = { ...key, value, comment, version: row.version };
        } else {
          const set = plan.kind === 'clear' ? { deletedAt: now } : { value, comment, deletedAt: null };
          const done = await trx
            .updateTable('marks')
            .set({ ...set, version: plan.version + 1, updatedAt: now, updatedBy: me })
            .where('id', '=', plan.id)
            .where('version', '=', plan.version)
            .executeTakeFirst();
          if (Number(done.numUpdatedRows) !== 1)
            throw new CellConflict(await currentCell(trx, key.lessonId, key.studentId, key.workKindId));
          id = plan.id;
          saved = plan.kind === 'clear' ? null : { ...key, value, comment, version: plan.version + 1 };
        }
        await recordAudit(trx, ctx, {
          schoolId: lesson.schoolId,
          action: saved ? 'journal.mark.set' : 'journal.mark.clear',
          entity: 'mark',
          entityId: id,
          studentId: key.studentId,
          before,
          after: { value: saved?.value ?? null, comment: saved?.comment ?? null, reason, ...offline?.audit },
        });
        await queueJournalNotices(trx, ctx, {
          schoolId: lesson.schoolId,
          lessonId: lesson.id,
          items: [{ kind: 'mark', id, studentId: key.studentId, value: saved?.value ?? null }],
        });
        return { cell: saved };
      }),
    () => currentCell(ctx.db, key.lessonId, key.studentId, key.workKindId),
  );
}
