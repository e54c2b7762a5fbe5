import type { z } from 'zod';
import type { changeBody, changeItem } from '../../contract/timetable.ts';
import { timetableWeekday, weekdayOf } from '../../domain/school-days.ts';
import { groupsOverlap, type PlacedCourse } from '../../domain/timetable.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { classCalendars } from '../calendar/calendar.queries.ts';
import { type GenerationReport, regenerateLessons } from './generate-lessons.ts';
import { actorSchool, fieldError, requireClass, requireSchool } from './timetable.policy.ts';
import { coursesQuery, shortName, teachersOfSchool } from './timetable.queries.ts';

type Body = z.infer<typeof changeBody>;

async function courseOf(ctx: Ctx, courseId: number) {
  const found = await ctx.db
    .selectFrom('courses')
    .select('schoolId')
    .where('id', '=', courseId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!found) {
    actorSchool(ctx, 'timetable.manage');
    throw fieldError('courseId', 'timetableCourseUnknown');
  }
  await requireSchool(ctx, found.schoolId, 'timetable.manage');
  return coursesQuery(ctx.db, found.schoolId)
    .innerJoin('academicYears', 'academicYears.id', 'courses.academicYearId')
    .select(['academicYears.startsOn', 'academicYears.endsOn', 'courses.schoolId'])
    .where('courses.id', '=', courseId)
    .executeTakeFirstOrThrow();
}

type Course = Awaited<ReturnType<typeof courseOf>>;

/** The weekday whose timetable the course's class follows on a date (transfers included). */
async function weekdayFor(db: Db, course: Course, date: string): Promise<number | null> {
  if (course.classId === null) return weekdayOf(date);
  const cal = (await classCalendars(db as never, course.schoolId, course.academicYearId)).get(course.classId);
  return cal ? timetableWeekday(date, cal) : null;
}

/** What a teacher teaches at a date and lesson number (another course), if anything. */
async function busyWith(db: Db, course: Course, teacherId: number, date: string, lessonNumber: number) {
  const lesson = await db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .select(['subjects.name as subject', 'groups.name as group'])
    .where('lessons.date', '=', date)
    .where('lessons.lessonNumber', '=', lessonNumber)
    .where('lessons.teacherId', '=', teacherId)
    .where('lessons.cancelledAt', 'is', null)
    .where('lessons.courseId', '!=', course.id)
    .executeTakeFirst();
  if (lesson) return lesson;
  const weekday = (await weekdayFor(db, course, date)) ?? weekdayOf(date);
  return db
    .selectFrom('timetableSlots')
    .innerJoin('courses', 'courses.id', 'timetableSlots.courseId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .select(['subjects.name as subject', 'groups.name as group'])
    .where('timetableSlots.schoolId', '=', course.schoolId)
    .where('timetableSlots.weekday', '=', weekday)
    .where('timetableSlots.lessonNumber', '=', lessonNumber)
    .where('timetableSlots.validFrom', '<=', date)
    .where((eb) =>
      eb.or([eb('timetableSlots.validTo', 'is', null), eb('timetableSlots.validTo', '>=', date)]),
    )
    .where((eb) =>
      eb.or([eb('courses.teacherId', '=', teacherId), eb('courses.secondTeacherId', '=', teacherId)]),
    )
    .where('courses.id', '!=', course.id)
    .executeTakeFirst();
}

/** Whether the course has that lesson on the date: in the journal or by the timetable. */
async function lessonExists(db: Db, course: Course, date: string, lessonNumber: number): Promise<boolean> {
  const lesson = await db
    .selectFrom('lessons')
    .select('id')
    .where('courseId', '=', course.id)
    .where('date', '=', date)
    .where('lessonNumber', '=', lessonNumber)
    .executeTakeFirst();
  if (lesson) return true;
  const weekday = await weekdayFor(db, course, date);
  if (weekday === null) return false;
  const slot = await db
    .selectFrom('timetableSlots')
    .select('id')
    .where('courseId', '=', course.id)
    .where('weekday', '=', weekday)
    .where('lessonNumber', '=', lessonNumber)
    .where('validFrom', '<=', date)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', date)]))
    .executeTakeFirst();
  return slot !== undefined;
}

async function validate(ctx: Ctx, course: Course, body: Body): Promise<void> {
  if (body.date < course.startsOn || body.date > course.endsOn)
    throw fieldError('date', 'timetableOutsideYear');
  if (body.kind !== 'extra' && !(await lessonExists(ctx.db, course, body.date, body.lessonNumber)))
    throw fieldError('lessonNumber', 'timetableNoLesson');
  if (body.kind === 'move') {
    if (!body.movedToDate || !body.movedToLessonNumber)
      throw fieldError('movedToDate', 'timetableMoveTarget');
    if (body.movedToDate < course.startsOn || body.movedToDate > course.endsOn)
      throw fieldError('movedToDate', 'timetableOutsideYear');
  }
  if (body.kind === 'move' || body.kind === 'extra') await classFree(ctx.db, course, body);
  const teacherId = body.substituteTeacherId;
  if (body.kind === 'substitute' && teacherId === undefined)
    throw fieldError('substituteTeacherId', 'required');
  if (body.kind === 'cancel') return;
  if (teacherId === undefined) return ownTeacherFree(ctx, course, body);
  if (body.kind === 'substitute' && (teacherId === course.teacherId || teacherId === course.secondTeacherId))
    throw fieldError('substituteTeacherId', 'timetableSubstituteSame');
  const teacher = (await teachersOfSchool(ctx.db, course.schoolId)).find((t) => t.id === teacherId);
  if (!teacher) throw fieldError('substituteTeacherId', 'timetableNotTeacher');
  const date = body.kind === 'move' ? (body.movedToDate ?? body.date) : body.date;
  const number = body.kind === 'move' ? (body.movedToLessonNumber ?? body.lessonNumber) : body.lessonNumber;
  const busy = await busyWith(ctx.db, course, teacherId, date, number);
  if (busy)
    throw fieldError('substituteTeacherId', 'timetableSubstituteBusy', {
      teacher: shortName(teacher),
      ...busy,
    });
}

/** A moved or extra lesson must not meet another lesson of the class (or of an overlapping group). */
async function classFree(db: Db, course: Course, body: Body): Promise<void> {
  if (course.classId === null) return;
  const moved = body.kind === 'move';
  const rows = await db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .select([
      'courses.groupId',
      'groups.kind as groupKind',
      'groups.name as group',
      'subjects.name as subject',
    ])
    .where('lessons.date', '=', moved ? (body.movedToDate ?? body.date) : body.date)
    .where(
      'lessons.lessonNumber',
      '=',
      moved ? (body.movedToLessonNumber ?? body.lessonNumber) : body.lessonNumber,
    )
    .where('lessons.cancelledAt', 'is', null)
    .where('lessons.courseId', '!=', course.id)
    .where('groups.classId', '=', course.classId)
    .execute();
  const place = {
    courseId: 0,
    weekday: 0,
    lessonNumber: 0,
    room: null,
    teacherIds: [],
    classId: course.classId,
  };
  const me: PlacedCourse = { ...place, groupId: course.groupId, groupKind: course.groupKind };
  const other = rows.find((r) => groupsOverlap(me, { ...place, groupId: r.groupId, groupKind: r.groupKind }));
  if (other)
    throw fieldError(moved ? 'movedToLessonNumber' : 'lessonNumber', 'timetableGroupBusy', {
      group: course.group,
      subject: other.subject,
      other: other.group,
    });
}

/** A moved or extra lesson without a substitute: the course's own teacher must be free then. */
async function ownTeacherFree(ctx: Ctx, course: Course, body: Body): Promise<void> {
  const moved = body.kind === 'move';
  const date = moved ? (body.movedToDate ?? body.date) : body.date;
  const number = moved ? (body.movedToLessonNumber ?? body.lessonNumber) : body.lessonNumber;
  const busy = await busyWith(ctx.db, course, course.teacherId, date, number);
  if (busy)
    throw fieldError(moved ? 'movedToLessonNumber' : 'lessonNumber', 'timetableTeacherBusy', {
      teacher: shortName(course),
      ...busy,
    });
}

/** Brings the lessons of a course's class on some dates in line with the timetable and changes. */
export async function reapply(
  trx: Db,
  course: { schoolId: number; academicYearId: number; classId: number | null },
  dates: readonly string[],
): Promise<GenerationReport> {
  const report: GenerationReport = { created: 0, updated: 0, removed: 0, unchanged: 0, conflicts: [] };
  for (const date of new Set(dates)) {
    const r = await regenerateLessons(trx, {
      schoolId: course.schoolId,
      academicYearId: course.academicYearId,
      classIds: course.classId === null ? null : [course.classId],
      from: date,
      to: date,
    });
    report.created += r.created;
    report.updated += r.updated;
    report.removed += r.removed;
    report.unchanged += r.unchanged;
    report.conflicts.push(...r.conflicts);
  }
  return report;
}

/**
 * Records a dated change of one lesson (substitution, cancellation, move, extra lesson) and
 * applies it to the lessons of the dates it touches, in one audited transaction.
 */
export async function createChange(ctx: Ctx, body: Body): Promise<{ id: number; report: GenerationReport }> {
  const course = await courseOf(ctx, body.courseId);
  await validate(ctx, course, body);
  const moved = body.kind === 'move';
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('timetableChanges')
      .values({
        schoolId: course.schoolId,
        date: body.date,
        lessonNumber: body.lessonNumber,
        courseId: course.id,
        kind: body.kind,
        substituteTeacherId: body.kind === 'cancel' ? null : (body.substituteTeacherId ?? null),
        room: body.room?.trim() || null,
        movedToDate: moved ? (body.movedToDate ?? null) : null,
        movedToLessonNumber: moved ? (body.movedToLessonNumber ?? null) : null,
        reason: body.reason?.trim() || null,
        createdBy: ctx.actor.kind === 'person' ? ctx.actor.personId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dates = [body.date, ...(moved && body.movedToDate ? [body.movedToDate] : [])];
    const report = await reapply(trx, course, dates);
    await recordAudit(trx, ctx, {
      schoolId: course.schoolId,
      action: 'timetable.change_created',
      entity: 'timetableChange',
      entityId: id,
      after: { ...body, report: { ...report, conflicts: report.conflicts.length } },
    });
    return { id, report };
  });
}

/** The dated changes of a class's courses, newest first. */
export async function listChanges(
  ctx: Ctx,
  classId: number,
  range: { from?: string; to?: string },
): Promise<z.infer<typeof changeItem>[]> {
  await requireClass(ctx, classId, 'timetable.view');
  let q = ctx.db
    .selectFrom('timetableChanges')
    .innerJoin('courses', 'courses.id', 'timetableChanges.courseId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .leftJoin('persons as s', 's.id', 'timetableChanges.substituteTeacherId')
    .select([
      'timetableChanges.id',
      'timetableChanges.kind',
      'timetableChanges.courseId',
      'timetableChanges.date',
      'timetableChanges.lessonNumber',
      'timetableChanges.room',
      'timetableChanges.movedToDate',
      'timetableChanges.movedToLessonNumber',
      'timetableChanges.reason',
      'subjects.name as subject',
      'groups.name as group',
      's.lastName',
      's.firstName',
      's.middleName',
    ])
    .where('groups.classId', '=', classId);
  if (range.from) q = q.where('timetableChanges.date', '>=', range.from);
  if (range.to) q = q.where('timetableChanges.date', '<=', range.to);
  const rows = await q
    .orderBy('timetableChanges.date', 'desc')
    .orderBy('timetableChanges.id', 'desc')
    .limit(500)
    .execute();
  return rows.map(({ lastName, firstName, middleName, ...r }) => ({
    ...r,
    substitute:
      lastName === null
        ? null
        : shortName({ lastName, firstName: firstName ?? '', middleName: middleName ?? '' }),
  }));
}
