import type { z } from 'zod';
import type { absenceNotice, absenceNoticeBody } from '../../contract/diary.ts';
import { addDays } from '../../domain/school-days.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { fieldError } from '../control/control.policy.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { classesOfGroup, closedOn } from '../journal/journal.policy.ts';
import { studentName } from '../journal/journal.present.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import { actorId, requireDiaryReader, requireGuardianOf } from './diary.policy.ts';

/** A notice of an absence as the API returns it. */
export type AbsenceNotice = z.infer<typeof absenceNotice>;
type NoticeInput = z.infer<typeof absenceNoticeBody>;

/** The longest notice, how far back and how far ahead it may reach (days). */
export const noticeLimits = { maxDays: 30, pastDays: 14, aheadDays: 90 } as const;

/** Notices with the student's and the author's names, newest first. */
export function noticesQuery(db: Db) {
  return db
    .selectFrom('absenceNotices as n')
    .innerJoin('persons as s', 's.id', 'n.studentId')
    .innerJoin('persons as a', 'a.id', 'n.createdBy')
    .select([
      'n.id',
      'n.studentId',
      'n.fromDate',
      'n.toDate',
      'n.reason',
      'n.comment',
      'n.createdAt',
      'n.cancelledAt',
      's.lastName as studentLast',
      's.firstName as studentFirst',
      'a.lastName',
      'a.firstName',
      'a.middleName',
    ])
    .orderBy('n.fromDate', 'desc')
    .orderBy('n.id', 'desc');
}

/** A row of `noticesQuery` as the contract has it. */
export function presentNotice(r: Awaited<ReturnType<ReturnType<typeof noticesQuery>['execute']>>[number]) {
  return {
    id: r.id,
    studentId: r.studentId,
    student: studentName({ lastName: r.studentLast, firstName: r.studentFirst }),
    fromDate: r.fromDate,
    toDate: r.toDate,
    reason: r.reason as AbsenceNotice['reason'],
    comment: r.comment,
    author: shortName(r),
    createdAt: r.createdAt,
    cancelledAt: r.cancelledAt,
  };
}

/** The student's notices: for the student and their parents. */
export async function listNotices(ctx: Ctx, studentId: number): Promise<{ notices: AbsenceNotice[] }> {
  await requireDiaryReader(ctx, studentId);
  const rows = await noticesQuery(ctx.db).where('n.studentId', '=', studentId).limit(200).execute();
  return { notices: rows.map(presentNotice) };
}

function checkDates(input: NoticeInput, on: string): void {
  if (input.toDate < input.fromDate) throw fieldError('toDate', 'diaryNoticeOrder');
  if (input.toDate > addDays(input.fromDate, noticeLimits.maxDays - 1))
    throw new AppError(
      'validation',
      'diaryNoticeTooLong',
      { days: noticeLimits.maxDays },
      { toDate: 'diaryNoticeTooLong' },
    );
  if (input.fromDate < addDays(on, -noticeLimits.pastDays))
    throw new AppError(
      'validation',
      'diaryNoticeTooOld',
      { days: noticeLimits.pastDays },
      { fromDate: 'diaryNoticeTooOld' },
    );
  if (input.toDate > addDays(on, noticeLimits.aheadDays))
    throw new AppError(
      'validation',
      'diaryNoticeTooFar',
      { days: noticeLimits.aheadDays },
      { toDate: 'diaryNoticeTooFar' },
    );
}

/**
 * A parent tells the school the child will be (or was) absent. Absences already recorded in the
 * days without a reason take the notice's reason in the same transaction, each audited as the
 * journal's own reason change; later ones take it when recorded (see notice-reason.ts).
 */
export async function createNotice(ctx: Ctx, studentId: number, input: NoticeInput): Promise<AbsenceNotice> {
  const student = await requireGuardianOf(ctx, studentId, 'diary.notice');
  checkDates(input, today());
  const me = actorId(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const comment = input.comment?.trim() || null;
    const row = await trx
      .insertInto('absenceNotices')
      .values({
        schoolId: student.schoolId,
        studentId,
        fromDate: input.fromDate,
        toDate: input.toDate,
        reason: input.reason,
        comment,
        createdBy: me,
        createdAt: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId: student.schoolId,
      action: 'diary.notice.create',
      entity: 'absenceNotice',
      entityId: row.id,
      studentId,
      after: { studentId, fromDate: input.fromDate, toDate: input.toDate, reason: input.reason, comment },
    });
    await fillReasons(trx, ctx, student.schoolId, studentId, input);
    return row.id;
  });
  const created = await noticesQuery(ctx.db).where('n.id', '=', id).executeTakeFirstOrThrow();
  return presentNotice(created);
}

/**
 * Gives the notice's reason to the student's recorded absences without one, except where the
 * journal itself would refuse the change: a lesson whose period is closed for any class of its
 * course's group (the journal's own rule, `closedOn`).
 */
async function fillReasons(trx: Db, ctx: Ctx, schoolId: number, studentId: number, input: NoticeInput) {
  const found = await trx
    .selectFrom('attendance')
    .innerJoin('lessons', 'lessons.id', 'attendance.lessonId')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .select([
      'attendance.id',
      'attendance.lessonId',
      'attendance.version',
      'lessons.date',
      'courses.groupId',
      'groups.classId',
    ])
    .where('attendance.studentId', '=', studentId)
    .where('attendance.value', '=', 'absent')
    .where('attendance.reason', 'is', null)
    .where('attendance.deletedAt', 'is', null)
    .where('lessons.date', '>=', input.fromDate)
    .where('lessons.date', '<=', input.toDate)
    .execute();
  const rows = [];
  for (const row of found)
    if (!(await closedOn(trx, await classesOfGroup(trx, row.groupId, row.classId), row.date))) rows.push(row);
  if (rows.length === 0) return;
  const updatedAt = new Date().toISOString();
  const me = actorId(ctx);
  for (const row of rows) {
    const { version } = await trx
      .updateTable('attendance')
      .set((eb) => ({ reason: input.reason, version: eb('version', '+', 1), updatedAt, updatedBy: me }))
      .where('id', '=', row.id)
      .returning('version')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'journal.attendance.reason',
      entity: 'attendance',
      entityId: row.id,
      studentId,
      before: { lessonId: row.lessonId, studentId, reason: null, version: row.version },
      after: { lessonId: row.lessonId, studentId, reason: input.reason, version },
    });
  }
}

/** A parent withdraws a notice while its last day has not passed. */
export async function cancelNotice(ctx: Ctx, studentId: number, noticeId: number): Promise<AbsenceNotice> {
  const student = await requireGuardianOf(ctx, studentId, 'diary.notice');
  const notice = await ctx.db
    .selectFrom('absenceNotices')
    .select(['id', 'toDate', 'cancelledAt'])
    .where('id', '=', noticeId)
    .where('studentId', '=', studentId)
    .executeTakeFirst();
  if (!notice) throw notFound();
  if (notice.cancelledAt === null) {
    if (notice.toDate < today()) throw new AppError('conflict', 'diaryNoticePast');
    await ctx.db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      await trx
        .updateTable('absenceNotices')
        .set({ cancelledAt: at })
        .where('id', '=', noticeId)
        .where('cancelledAt', 'is', null)
        .execute();
      await recordAudit(trx, ctx, {
        schoolId: student.schoolId,
        action: 'diary.notice.cancel',
        entity: 'absenceNotice',
        entityId: noticeId,
        studentId,
        before: { cancelledAt: null },
        after: { cancelledAt: at },
      });
    });
  }
  return presentNotice(await noticesQuery(ctx.db).where('n.id', '=', noticeId).executeTakeFirstOrThrow());
}
