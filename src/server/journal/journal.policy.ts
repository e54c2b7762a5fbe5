import type { courseAccess } from '../../contract/journal.ts';
import type { SchoolSettings } from '../../contract/settings.ts';
import { withinEditWindow } from '../../domain/journal-rules.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { reachOf } from '../access/scopes.ts';
import { lockAllForTransaction } from '../db/locks.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';

/** Why the actor sees a course's journal. */
export type CourseAccess = (typeof courseAccess)[number];

/** A course as the journal's use cases need it, with why and how far the actor reaches it. */
export interface JournalCourse {
  id: number;
  schoolId: number;
  academicYearId: number;
  subjectId: number;
  groupId: number;
  /** The class of a class group or subgroup; null for a cross-class group. */
  classId: number | null;
  teacherId: number;
  secondTeacherId: number | null;
  access: CourseAccess;
  /** The actor is one of the course's teachers and may write any of its lessons. */
  ownsCourse: boolean;
  /** The course is archived: its journal stays readable (a legal record) but takes no writes. */
  archived: boolean;
}

/** The person acting, or null for the system and visitors. */
export function personOf(ctx: Ctx): number | null {
  return ctx.actor.kind === 'person' ? ctx.actor.personId : null;
}

/** Whether the person teaches in the school (the `teaches` grant of journal.edit). */
export function teachesIn(ctx: Ctx, schoolId: number): boolean {
  return (
    ctx.actor.kind === 'person' &&
    ctx.actor.grants.some((g) => g.role === 'teacher' && g.schoolId === schoolId)
  );
}

/** The classes whose students are in a group (for a cross-class group: any member's class). */
export async function classesOfGroup(db: Db, groupId: number, classId: number | null): Promise<number[]> {
  if (classId !== null) return [classId];
  const rows = await db
    .selectFrom('groupMemberships as gm')
    .innerJoin('groupMemberships as cm', 'cm.studentId', 'gm.studentId')
    .innerJoin('groups as cg', 'cg.id', 'cm.groupId')
    .select('cg.classId')
    .distinct()
    .where('gm.groupId', '=', groupId)
    .where('cg.kind', '=', 'class')
    .execute();
  return rows.map((r) => r.classId).filter((c): c is number => c !== null);
}

/**
 * The course if the actor may see its journal, else 404: the school's leadership, the course's
 * teachers, a substitute of one of its lessons, and the class teacher of a class in the group.
 */
export async function requireCourse(ctx: Ctx, courseId: number): Promise<JournalCourse> {
  const row = await ctx.db
    .selectFrom('courses')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .select([
      'courses.id',
      'courses.schoolId',
      'courses.academicYearId',
      'courses.subjectId',
      'courses.groupId',
      'groups.classId',
      'courses.teacherId',
      'courses.secondTeacherId',
      'courses.archivedAt',
    ])
    .where('courses.id', '=', courseId)
    .executeTakeFirst();
  const me = personOf(ctx);
  if (!row) throw notFound();
  const { archivedAt, ...course } = row;
  if (me === null) throw notFound();
  const teaching = teachesIn(ctx, row.schoolId);
  const base = { ...course, ownsCourse: false, archived: archivedAt !== null };
  if (teaching && row.teacherId === me) return { ...base, access: 'teacher', ownsCourse: true };
  if (teaching && row.secondTeacherId === me) return { ...base, access: 'second', ownsCourse: true };
  if (reachOf(ctx.actor, 'journal.view').schoolIds.includes(row.schoolId))
    return { ...base, access: 'school' };
  if (teaching) {
    const classes = await classesOfGroup(ctx.db, row.groupId, row.classId);
    if (classes.length > 0) {
      const led = await ctx.db
        .selectFrom('classes')
        .select('id')
        .where('id', 'in', classes)
        .where('classTeacherId', '=', me)
        .executeTakeFirst();
      if (led) return { ...base, access: 'classTeacher' };
    }
    const substitutes = await ctx.db
      .selectFrom('lessons')
      .select('id')
      .where('courseId', '=', row.id)
      .where('teacherId', '=', me)
      .executeTakeFirst();
    if (substitutes) return { ...base, access: 'substitute' };
  }
  throw notFound();
}

/** A lesson with its course, as the journal's writes need it. */
export interface JournalLesson {
  id: number;
  schoolId: number;
  courseId: number;
  date: string;
  lessonNumber: number;
  teacherId: number;
  cancelledAt: string | null;
  attendanceTakenAt: string | null;
  markColumns: string | null;
  course: JournalCourse;
  /** The actor may write this lesson: a teacher of the course, or the one giving (substituting) it. */
  canEdit: boolean;
}

/** The lesson if the actor may see it (404 otherwise); `canEdit` says whether they may write it. */
export async function findLesson(ctx: Ctx, lessonId: number): Promise<JournalLesson> {
  const lesson = await ctx.db
    .selectFrom('lessons')
    .select([
      'id',
      'schoolId',
      'courseId',
      'date',
      'lessonNumber',
      'teacherId',
      'cancelledAt',
      'attendanceTakenAt',
      'markColumns',
    ])
    .where('id', '=', lessonId)
    .executeTakeFirst();
  if (!lesson) throw notFound();
  const course = await requireCourse(ctx, lesson.courseId);
  return {
    ...lesson,
    course,
    canEdit: !course.archived && mayWriteLesson(ctx, course, lesson.teacherId),
  };
}

/** Refuses a write to an archived course (409): its journal is kept as it is. */
export function requireNotArchived(course: JournalCourse): void {
  if (course.archived) throw new AppError('conflict', 'journalCourseArchived');
}

/** Whether the actor may write a lesson: a teacher of its course, or the teacher giving it. */
export function mayWriteLesson(ctx: Ctx, course: JournalCourse, lessonTeacherId: number): boolean {
  return course.ownsCourse || (teachesIn(ctx, course.schoolId) && lessonTeacherId === personOf(ctx));
}

/**
 * The lesson if the actor may write it: 404 when they cannot see it, 403 when they only read it,
 * 409 when its course is archived or the lesson cancelled.
 */
export async function requireLessonEdit(ctx: Ctx, lessonId: number): Promise<JournalLesson> {
  const lesson = await findLesson(ctx, lessonId);
  if (!mayWriteLesson(ctx, lesson.course, lesson.teacherId)) throw forbidden();
  requireNotArchived(lesson.course);
  if (lesson.cancelledAt !== null) throw new AppError('conflict', 'journalLessonCancelled');
  return lesson;
}

/**
 * Whether the study period holding `date` is closed for any of the classes (the period of the
 * class's own scheme; the year, exam and final pseudo-periods close on their own).
 */
export async function closedOn(db: Db, classIds: readonly number[], date: string): Promise<boolean> {
  if (classIds.length === 0) return false;
  const row = await db
    .selectFrom('periodClosures')
    .innerJoin('periods', 'periods.id', 'periodClosures.periodId')
    .select('periodClosures.id')
    .where('periodClosures.classId', 'in', classIds)
    .where('periodClosures.reopenedAt', 'is', null)
    .where('periods.kind', '=', 'term')
    .where('periods.startsOn', '<=', date)
    .where('periods.endsOn', '>=', date)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a period is closed for any of the classes. */
export async function periodClosed(db: Db, classIds: readonly number[], periodId: number): Promise<boolean> {
  if (classIds.length === 0) return false;
  const row = await db
    .selectFrom('periodClosures')
    .select('id')
    .where('classId', 'in', classIds)
    .where('periodId', '=', periodId)
    .where('reopenedAt', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Refuses a write into a closed period (409: the deputy or director must reopen it first). */
export async function requireOpen(db: Db, course: JournalCourse, date: string): Promise<void> {
  if (await closedOn(db, await classesOfGroup(db, course.groupId, course.classId), date)) {
    throw new AppError('conflict', 'journalPeriodClosed');
  }
}

const classLocks = (classIds: readonly number[]) => classIds.map((id) => `class:${id}`);

/**
 * Inside a write's transaction: takes the classes' closing locks SHARED (so a period cannot be
 * closed for them until the write commits; writes do not wait for each other) and then refuses
 * the write (409) if the period of `at` — a lesson's date or a period — was closed meanwhile.
 * Without `at` it only locks, for a write that checks its dates itself. PostgreSQL: advisory
 * transaction locks; SQLite serialises writes, so only the check remains.
 */
export async function lockClassesForWrite(
  trx: Db,
  classIds: readonly number[],
  at?: { date: string } | { periodId: number },
): Promise<void> {
  await lockAllForTransaction(trx, classLocks(classIds), 'shared');
  if (!at) return;
  const closed =
    'date' in at ? await closedOn(trx, classIds, at.date) : await periodClosed(trx, classIds, at.periodId);
  if (closed) throw new AppError('conflict', 'journalPeriodClosed');
}

/** `lockClassesForWrite` for a lesson of the course on `date` (for the lesson page and its files). */
export async function lockCourseForWrite(trx: Db, course: JournalCourse, date: string): Promise<void> {
  await lockClassesForWrite(trx, await classesOfGroup(trx, course.groupId, course.classId), { date });
}

/**
 * Inside the transaction that closes a period: takes the classes' closing locks EXCLUSIVELY, so
 * it waits for the journal writes under way and none starts until it commits (they then see it).
 */
export async function lockClassesForClose(trx: Db, classIds: readonly number[]): Promise<void> {
  await lockAllForTransaction(trx, classLocks(classIds), 'exclusive');
}

/** Refuses a change past the edit window without a reason (400 on `editReason`). */
export function requireReasonIfLate(settings: SchoolSettings, lessonDate: string, editReason?: string): void {
  if (withinEditWindow(lessonDate, today(), settings.editWindowDays)) return;
  if (!editReason?.trim()) {
    throw new AppError(
      'validation',
      'journalReasonRequired',
      { days: settings.editWindowDays },
      {
        editReason: 'journalReasonRequired',
      },
    );
  }
}
