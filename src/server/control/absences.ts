import type { z } from 'zod';
import type { absenceReasonBody, absencesAnswer } from '../../contract/control.ts';
import { addDays } from '../../domain/school-days.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { lockClassesForWrite } from '../journal/journal.policy.ts';
import { type ControlClass, fieldError, requireClassReader, requireClassTeacher } from './control.policy.ts';

/** How many days the list shows when no range is given: the last two weeks up to today. */
const defaultDays = 14;

/** Attendance of the class's students at lessons held while they were in the class, in [from, to]. */
function classAttendance(ctx: Ctx, cls: ControlClass, from: string, to: string) {
  return ctx.db
    .selectFrom('attendance')
    .innerJoin('lessons', 'lessons.id', 'attendance.lessonId')
    .innerJoin('groupMemberships', (j) =>
      j
        .onRef('groupMemberships.studentId', '=', 'attendance.studentId')
        .on('groupMemberships.groupId', '=', cls.groupId)
        .onRef('groupMemberships.startsOn', '<=', 'lessons.date'),
    )
    .where((w) =>
      w.or([
        w('groupMemberships.endsOn', 'is', null),
        w('groupMemberships.endsOn', '>=', w.ref('lessons.date')),
      ]),
    )
    .where('attendance.deletedAt', 'is', null)
    .where('lessons.date', '>=', from)
    .where('lessons.date', '<=', to);
}

/**
 * The absences and lateness of a class's students from `from` to `to` (by default the last
 * 14 days up to today), by date, lesson and student: for its class teacher and the leadership.
 */
export async function listAbsences(
  ctx: Ctx,
  classId: number,
  range: { from?: string; to?: string },
): Promise<z.infer<typeof absencesAnswer>> {
  const cls = await requireClassReader(ctx, classId);
  const to = range.to ?? (range.from ? addDays(range.from, defaultDays - 1) : today());
  const from = range.from ?? addDays(to, 1 - defaultDays);
  if (to < from) throw fieldError('to', 'controlRangeOrder');
  const rows = await classAttendance(ctx, cls, from, to)
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('persons', 'persons.id', 'attendance.studentId')
    .select([
      'attendance.lessonId',
      'attendance.studentId',
      'persons.lastName',
      'persons.firstName',
      'lessons.date',
      'lessons.lessonNumber',
      'subjects.name as subject',
      'attendance.value',
      'attendance.reason',
    ])
    .orderBy('lessons.date')
    .orderBy('lessons.lessonNumber')
    .orderBy('persons.sortKey')
    .orderBy('attendance.id')
    .execute();
  return {
    absences: rows.map((r) => ({
      lessonId: r.lessonId,
      studentId: r.studentId,
      student: `${r.lastName} ${r.firstName}`,
      date: r.date,
      lessonNumber: r.lessonNumber,
      subject: r.subject,
      value: r.value === 'late' ? 'late' : 'absent',
      reason: (r.reason ?? null) as z.infer<typeof absencesAnswer>['absences'][number]['reason'],
    })),
  };
}

/**
 * The class teacher sets why a student of the class missed lessons: at one lesson, a day or a
 * range of days (a medical note). Only absences ('absent') get a reason, only those of days the
 * student was in the class; a closed period blocks it (409) as it blocks marks. Every changed row
 * gets its version raised and its own audit event, all in one transaction.
 */
export async function setAbsenceReasons(
  ctx: Ctx,
  classId: number,
  input: z.infer<typeof absenceReasonBody>,
): Promise<{ updated: number }> {
  const cls = await requireClassTeacher(ctx, classId);
  if (input.to < input.from) throw fieldError('to', 'controlRangeOrder');
  const member = await ctx.db
    .selectFrom('groupMemberships')
    .select('id')
    .where('groupId', '=', cls.groupId)
    .where('studentId', '=', input.studentId)
    .where('startsOn', '<=', input.to)
    .where((w) => w.or([w('endsOn', 'is', null), w('endsOn', '>=', input.from)]))
    .executeTakeFirst();
  if (!member) throw fieldError('studentId', 'controlNotInClass');
  const me = ctx.actor.kind === 'person' ? ctx.actor.personId : 0;
  return ctx.db.transaction().execute(async (trx) => {
    // A close of the class waits for this write, and this write sees a close committed before it.
    await lockClassesForWrite(trx, [cls.id]);
    let query = classAttendance({ ...ctx, db: trx }, cls, input.from, input.to)
      .select([
        'attendance.id',
        'attendance.reason',
        'attendance.version',
        'attendance.lessonId',
        'lessons.date',
      ])
      .where('attendance.studentId', '=', input.studentId)
      .where('attendance.value', '=', 'absent');
    if (input.lessonId !== undefined) query = query.where('attendance.lessonId', '=', input.lessonId);
    const rows = (await query.execute()).filter((r) => r.reason !== input.reason);
    if (rows.length === 0) return { updated: 0 };
    const closed = await trx
      .selectFrom('periodClosures')
      .innerJoin('periods', 'periods.id', 'periodClosures.periodId')
      .select(['periods.startsOn', 'periods.endsOn'])
      .where('periodClosures.classId', '=', cls.id)
      .where('periodClosures.reopenedAt', 'is', null)
      .where('periods.kind', '=', 'term')
      .where('periods.startsOn', '<=', input.to)
      .where('periods.endsOn', '>=', input.from)
      .execute();
    if (rows.some((r) => closed.some((p) => p.startsOn <= r.date && r.date <= p.endsOn)))
      throw new AppError('conflict', 'journalPeriodClosed');
    const updatedAt = new Date().toISOString();
    for (const row of rows) {
      const { version } = await trx
        .updateTable('attendance')
        .set((eb) => ({ reason: input.reason, version: eb('version', '+', 1), updatedAt, updatedBy: me }))
        .where('id', '=', row.id)
        .returning('version')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        schoolId: cls.schoolId,
        action: 'journal.attendance.reason',
        entity: 'attendance',
        entityId: row.id,
        before: {
          lessonId: row.lessonId,
          studentId: input.studentId,
          reason: row.reason,
          version: row.version,
        },
        after: { lessonId: row.lessonId, studentId: input.studentId, reason: input.reason, version },
      });
    }
    return { updated: rows.length };
  });
}
