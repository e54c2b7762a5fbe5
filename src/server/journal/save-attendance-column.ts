import type { z } from 'zod';
import type { attendanceColumnBody } from '../../contract/journal.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudits } from '../audit/record-audit.ts';
import { noticeReasons } from '../diary/notice-reason.ts';
import { AppError } from '../http/app-error.ts';
import { type JournalNoticeItem, queueJournalNotices } from '../notify/journal-notices.ts';
import { CellConflict, type CellWrite, planCellWrite, StaleWrite, writeOrConflict } from './cell-write.ts';
import { lockClassesForWrite, personOf } from './journal.policy.ts';
import { type AttendanceCell, presentAttendance } from './journal.present.ts';
import { membersOn, reasonOf, writableLesson } from './lesson-write.ts';
import { attendanceRows } from './save-attendance.ts';
import { type OfflineWrite, writeTransaction } from './sync-write.ts';

type Body = z.infer<typeof attendanceColumnBody>;
type Entry = Body['entries'][number];

/** An entry's audit event: its student's diary alone goes stale. */
type EntryEvent = { action: string; id: number; studentId: number; before: unknown; after: unknown };

/**
 * Saves a lesson's attendance column at once and confirms «attendance taken». Each listed entry
 * sets a student absent or late, or present (value null); students not listed are left as they
 * are. Every entry must carry the version the client saw: one stale entry answers 409 with its
 * current value and nothing is written. Entries, their audit events and the confirmation are one
 * transaction. An offline change (`offline`) is stamped with the time it was made and received in
 * the same transaction.
 */
export async function saveAttendanceColumn(ctx: Ctx, lessonId: number, body: Body, offline?: OfflineWrite) {
  const { lesson, r } = await writableLesson(ctx, lessonId, body.editReason);
  const ids = body.entries.map((e) => e.studentId);
  const members = await membersOn(ctx.db, lesson.course.groupId, ids, lesson.date);
  // The column is one field to the teacher: its problem is named «Посещаемость», not a path.
  const problem = ids.some((id) => !members.has(id))
    ? 'journalNotMember'
    : ids.some((id, i) => ids.indexOf(id) !== i)
      ? 'journalStudentTwice'
      : null;
  if (problem) throw new AppError('validation', 'validation', {}, { entries: problem });
  const me = personOf(ctx)!;
  const editReason = reasonOf(body.editReason);

  return writeOrConflict(
    () =>
      writeTransaction(ctx.db, offline, async (trx) => {
        await lockClassesForWrite(trx, r.classIds, { date: lesson.date });
        const rows = await trx
          .selectFrom('attendance')
          .select(['id', 'lessonId', 'studentId', 'value', 'reason', 'version', 'deletedAt'])
          .where('lessonId', '=', lesson.id)
          .execute();
        const plans: [Entry, CellWrite, (typeof rows)[number] | undefined][] = body.entries.map((e) => {
          const own = rows.filter((r) => r.studentId === e.studentId);
          return [e, planCellWrite(own, e.version, e.value === null), own.find((r) => r.deletedAt === null)];
        });
        const stale = plans.find(([, plan]) => plan.kind === 'conflict');
        if (stale) throw new CellConflict(stale[2] ? presentAttendance(stale[2]) : null);
        const now = new Date().toISOString();
        const events: EntryEvent[] = [];
        const inserts: Entry[] = [];
        // Rows given the same change are updated in one statement, each still at the version seen.
        const updates = new Map<string, { set: object; rows: { id: number; version: number }[] }>();
        const cells = new Map<number, AttendanceCell>();
        for (const row of rows) if (row.deletedAt === null) cells.set(row.studentId, presentAttendance(row));
        // A new absence without a reason takes the one a parent gave ahead in a notice.
        const notices = await noticeReasons(
          trx,
          body.entries.filter((e) => e.value === 'absent' && e.reason === undefined).map((e) => e.studentId),
          lesson.date,
        );
        const reasons = new Map<number, string | null>();
        const noticed: JournalNoticeItem[] = [];
        for (const [e, plan, live] of plans) {
          const reason =
            e.value === null
              ? null
              : e.reason === undefined
                ? (live?.reason ?? (e.value === 'absent' ? (notices.get(e.studentId) ?? null) : null))
                : e.reason;
          reasons.set(e.studentId, reason);
          if (plan.kind === 'insert') inserts.push(e);
          if (plan.kind !== 'update' && plan.kind !== 'clear' && plan.kind !== 'revive') continue;
          if (plan.kind === 'update' && live?.value === e.value && live.reason === reason) continue;
          const set =
            plan.kind === 'clear' ? { deletedAt: now } : { value: e.value!, reason, deletedAt: null };
          const key = JSON.stringify(set);
          const group = updates.get(key) ?? { set, rows: [] };
          group.rows.push({ id: plan.id, version: plan.version });
          updates.set(key, group);
          if (e.value === null) cells.delete(e.studentId);
          else
            cells.set(
              e.studentId,
              presentAttendance({
                lessonId: lesson.id,
                studentId: e.studentId,
                value: e.value,
                reason,
                version: plan.version + 1,
              }),
            );
          events.push({
            action: plan.kind === 'clear' ? 'journal.attendance.clear' : 'journal.attendance.set',
            id: plan.id,
            studentId: e.studentId,
            before: live ? { value: live.value, reason: live.reason } : null,
            after: { value: e.value, reason, editReason },
          });
          noticed.push({ kind: 'attendance', id: plan.id, studentId: e.studentId, value: e.value });
        }
        for (const { set, rows: targets } of updates.values()) {
          const done = await trx
            .updateTable('attendance')
            .set((eb) => ({ ...set, version: eb('version', '+', 1), updatedAt: now, updatedBy: me }))
            .where((eb) =>
              eb.or(targets.map((t) => eb.and([eb('id', '=', t.id), eb('version', '=', t.version)]))),
            )
            .executeTakeFirst();
          // Someone saved one of them meanwhile: the conflict handler below tells which.
          if (Number(done.numUpdatedRows) !== targets.length) throw new StaleWrite();
        }
        if (inserts.length) {
          const added = await trx
            .insertInto('attendance')
            .values(
              inserts.map((e) => ({
                schoolId: lesson.schoolId,
                lessonId: lesson.id,
                studentId: e.studentId,
                value: e.value!,
                reason: reasons.get(e.studentId) ?? null,
                createdBy: me,
                createdAt: offline?.madeAt,
              })),
            )
            .returning(['id', 'studentId', 'version'])
            .execute();
          for (const row of added) {
            const e = inserts.find((i) => i.studentId === row.studentId)!;
            const cell = presentAttendance({
              lessonId: lesson.id,
              studentId: e.studentId,
              value: e.value!,
              reason: reasons.get(e.studentId) ?? null,
              version: row.version,
            });
            cells.set(e.studentId, cell);
            events.push({
              action: 'journal.attendance.set',
              id: row.id,
              studentId: e.studentId,
              before: null,
              after: { value: e.value, reason: cell.reason, editReason },
            });
            noticed.push({ kind: 'attendance', id: row.id, studentId: e.studentId, value: e.value });
          }
        }
        // When attendance was first taken is what timeliness is judged by; corrections keep it.
        const takenAt = lesson.attendanceTakenAt ?? offline?.madeAt ?? now;
        await trx
          .updateTable('lessons')
          .set({ attendanceTakenAt: takenAt })
          .where('id', '=', lesson.id)
          .execute();
        // The entries' events and the confirmation: one append to the school's audit chain.
        await recordAudits(trx, ctx, [
          ...events.map((e) => ({
            schoolId: lesson.schoolId,
            action: e.action,
            entity: 'attendance',
            entityId: e.id,
            studentId: e.studentId,
            before: e.before === null ? undefined : e.before,
            after: { ...(e.after as object), ...offline?.audit },
          })),
          {
            schoolId: lesson.schoolId,
            action: 'journal.attendance.taken',
            entity: 'lesson',
            entityId: lesson.id,
            before: { attendanceTakenAt: lesson.attendanceTakenAt },
            after: { attendanceTakenAt: takenAt, entries: events.length, ...offline?.audit },
          },
        ]);
        await queueJournalNotices(trx, ctx, {
          schoolId: lesson.schoolId,
          lessonId: lesson.id,
          items: noticed,
        });
        return { cells: [...cells.values()], attendanceTakenAt: takenAt };
      }),
    async () => {
      // A save sent at the same moment added an entry first: tell the first one that now differs.
      const rows = ids.length ? await attendanceRows(ctx.db, lesson.id, ids) : [];
      for (const e of body.entries) {
        const live = rows.find((r) => r.studentId === e.studentId && r.deletedAt === null);
        if ((live?.version ?? null) !== e.version) return live ? presentAttendance(live) : null;
      }
      return null;
    },
  );
}
