import type { z } from 'zod';
import type { attendanceBody } from '../../contract/journal.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { noticeReasons } from '../diary/notice-reason.ts';
import { queueJournalNotices } from '../notify/journal-notices.ts';
import { CellConflict, planCellWrite, writeOrConflict } from './cell-write.ts';
import { lockClassesForWrite, personOf } from './journal.policy.ts';
import { type AttendanceCell, presentAttendance } from './journal.present.ts';
import { reasonOf, requireMemberOn, writableLesson } from './lesson-write.ts';
import { type OfflineWrite, writeTransaction } from './sync-write.ts';

/** The stored rows of students' attendance at a lesson (live and soft-deleted). */
export function attendanceRows(db: Db, lessonId: number, studentIds: readonly number[]) {
  return db
    .selectFrom('attendance')
    .select(['id', 'lessonId', 'studentId', 'value', 'reason', 'version', 'deletedAt'])
    .where('lessonId', '=', lessonId)
    .where('studentId', 'in', [...studentIds])
    .execute();
}

/** The live entry of a student at a lesson (null: present). */
export async function currentAttendance(db: Db, lessonId: number, studentId: number) {
  const live = (await attendanceRows(db, lessonId, [studentId])).find((r) => r.deletedAt === null);
  return live ? presentAttendance(live) : null;
}

/**
 * Marks a student absent or late at a lesson, or present again (value null). A teacher may give
 * the reason with the value («б»: illness); left out, the reason already set stays. Versions and
 * the audit event work as for marks: one row per cell, 409 with the current entry on a stale save.
 * An offline change (`offline`) is stamped with the time it was made and received in the same transaction.
 */
export async function saveAttendance(
  ctx: Ctx,
  body: z.infer<typeof attendanceBody>,
  offline?: OfflineWrite,
): Promise<{ cell: AttendanceCell | null }> {
  const { lesson, r } = await writableLesson(ctx, body.lessonId, body.editReason);
  await requireMemberOn(ctx.db, lesson.course.groupId, body.studentId, lesson.date);
  const me = personOf(ctx)!;
  const key = { lessonId: lesson.id, studentId: body.studentId };
  const editReason = reasonOf(body.editReason);
  return writeOrConflict(
    () =>
      writeTransaction(ctx.db, offline, async (trx) => {
        await lockClassesForWrite(trx, r.classIds, { date: lesson.date });
        const rows = await attendanceRows(trx, key.lessonId, [key.studentId]);
        const live = rows.find((row) => row.deletedAt === null);
        const plan = planCellWrite(rows, body.version, body.value === null);
        if (plan.kind === 'conflict') throw new CellConflict(live ? presentAttendance(live) : null);
        if (plan.kind === 'none') return { cell: null };
        const value = body.value;
        // Left out, the reason already set stays; a new absence takes the reason a parent gave ahead.
        const fromNotice =
          value === 'absent' && body.reason === undefined && !live?.reason
            ? ((await noticeReasons(trx, [key.studentId], lesson.date)).get(key.studentId) ?? null)
            : null;
        const reason = body.reason === undefined ? (live?.reason ?? fromNotice) : body.reason;
        if (plan.kind === 'update' && live && live.value === value && live.reason === reason)
          return { cell: presentAttendance(live) };
        const now = new Date().toISOString();
        let id: number;
        let saved: AttendanceCell | null;
        if (plan.kind === 'insert') {
          const row = await trx
            .insertInto('attendance')
            .values({
              schoolId: lesson.schoolId,
              ...key,
              value: value!,
              reason,
              createdBy: me,
              createdAt: offline?.madeAt,
            })
            .returning(['id', 'version'])
            .executeTakeFirstOrThrow();
          id = row.id;
          saved = presentAttendance({ ...key, value: value!, reason, version: row.version });
        } else {
          const set = plan.kind === 'clear' ? { deletedAt: now } : { value: value!, reason, deletedAt: null };
          const done = await trx
            .updateTable('attendance')
            .set({ ...set, version: plan.version + 1, updatedAt: now, updatedBy: me })
            .where('id', '=', plan.id)
            .where('version', '=', plan.version)
            .executeTakeFirst();
          if (Number(done.numUpdatedRows) !== 1)
            throw new CellConflict(await currentAttendance(trx, key.lessonId, key.studentId));
          id = plan.id;
          saved =
            plan.kind === 'clear'
              ? null
              : presentAttendance({ ...key, value: value!, reason, version: plan.version + 1 });
        }
        await recordAudit(trx, ctx, {
          schoolId: lesson.schoolId,
          action: saved ? 'journal.attendance.set' : 'journal.attendance.clear',
          entity: 'attendance',
          entityId: id,
          studentId: key.studentId,
          before: live ? { value: live.value, reason: live.reason } : null,
          after: {
            value: saved?.value ?? null,
            reason: saved?.reason ?? null,
            editReason,
            ...offline?.audit,
          },
        });
        await queueJournalNotices(trx, ctx, {
          schoolId: lesson.schoolId,
          lessonId: lesson.id,
          items: [{ kind: 'attendance', id, studentId: key.studentId, value: saved?.value ?? null }],
        });
        return { cell: saved };
      }),
    () => currentAttendance(ctx.db, key.lessonId, key.studentId),
  );
}
