import type { Ctx, Db } from '../access/actor.ts';
import { AppError } from '../http/app-error.ts';
import { type JournalLesson, requireLessonEdit, requireReasonIfLate } from './journal.policy.ts';
import { type CourseRules, courseRules } from './journal.queries.ts';

/** A lesson the actor may write now, with its course's rules. */
export interface WritableLesson {
  lesson: JournalLesson;
  r: CourseRules;
}

/**
 * The lesson if the actor may write its marks and attendance now: 404 when they cannot see it,
 * 403 when they only read it, 409 when cancelled or its course archived, and 400 on `editReason`
 * when the edit window has passed and no reason is given. Whether its period is closed is asked
 * inside the write's transaction: the caller starts it with `lockClassesForWrite(trx, r.classIds,
 * { date })`, so a closing cannot slip in between.
 */
export async function writableLesson(
  ctx: Ctx,
  lessonId: number,
  editReason?: string,
): Promise<WritableLesson> {
  const lesson = await requireLessonEdit(ctx, lessonId);
  const r = await courseRules(ctx.db, lesson.course);
  requireReasonIfLate(r.settings, lesson.date, editReason);
  return { lesson, r };
}

/** The students (of those given) who were members of the group on the date. */
export async function membersOn(db: Db, groupId: number, studentIds: readonly number[], date: string) {
  if (studentIds.length === 0) return new Set<number>();
  const rows = await db
    .selectFrom('groupMemberships')
    .select('studentId')
    .where('groupId', '=', groupId)
    .where('studentId', 'in', [...studentIds])
    .where('startsOn', '<=', date)
    .where((eb) => eb.or([eb('endsOn', 'is', null), eb('endsOn', '>=', date)]))
    .execute();
  return new Set(rows.map((r) => r.studentId));
}

/** Refuses a student who was not in the group on the lesson's date (400 on `studentId`). */
export async function requireMemberOn(
  db: Db,
  groupId: number,
  studentId: number,
  date: string,
): Promise<void> {
  if (!(await membersOn(db, groupId, [studentId], date)).has(studentId))
    throw new AppError('validation', 'journalNotMember', {}, { studentId: 'journalNotMember' });
}

/** The audit's note of why a late change was made, when one was given. */
export function reasonOf(editReason: string | undefined): string | null {
  return editReason?.trim() ? editReason.trim() : null;
}
