import type { Kysely } from 'kysely';
import { type Expression, type ExpressionBuilder, PostgresAdapter, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { generateBody, generationReport } from '../../contract/timetable.ts';
import { type ClassCalendar, schoolDays } from '../../domain/school-days.ts';
import { type ExistingLesson, planLessons, type WantedLesson } from '../../domain/timetable.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { classCalendars } from '../calendar/calendar.queries.ts';
import type { DB } from '../db/schema.ts';
import { chunks } from '../seed/batches.ts';
import { actorSchool, fieldError, requireClass } from './timetable.policy.ts';
import { lockTimetable } from './timetable.queries.ts';

/** What lesson generation did. */
export type GenerationReport = z.infer<typeof generationReport>;

/** Which lessons to bring in line: a school year's classes (all when `classIds` is null) and dates. */
export interface GenerationScope {
  schoolId: number;
  academicYearId: number;
  classIds: number[] | null;
  from: string;
  to: string;
}

type Eb = ExpressionBuilder<DB, 'courses'>;

function inScope(eb: Eb, s: GenerationScope): Expression<SqlBool> {
  const groups = eb
    .selectFrom('groups')
    .select('groups.id')
    .where('groups.academicYearId', '=', s.academicYearId)
    .where('groups.schoolId', '=', s.schoolId);
  return eb(
    'courses.groupId',
    'in',
    s.classIds === null
      ? groups
      : groups.where('groups.classId', 'in', s.classIds.length ? s.classIds : [-1]),
  );
}

async function wantedLessons(db: Db, s: GenerationScope, calendars: Map<number, ClassCalendar>) {
  const slots = await db
    .selectFrom('timetableSlots')
    .innerJoin('courses', 'courses.id', 'timetableSlots.courseId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .select([
      'timetableSlots.courseId',
      'timetableSlots.weekday',
      'timetableSlots.lessonNumber',
      'timetableSlots.validFrom',
      'timetableSlots.validTo',
      'courses.teacherId',
      'groups.classId',
    ])
    .where('courses.archivedAt', 'is', null)
    .where((eb) => inScope(eb as unknown as Eb, s))
    .where('timetableSlots.validFrom', '<=', s.to)
    .where((eb) =>
      eb.or([eb('timetableSlots.validTo', 'is', null), eb('timetableSlots.validTo', '>=', s.from)]),
    )
    .execute();
  const anyCal = calendars.values().next().value;
  const byCalendar = new Map<number | null, typeof slots>();
  for (const slot of slots) push(byCalendar, slot.classId, slot);
  const wanted: WantedLesson[] = [];
  for (const [classId, list] of byCalendar) {
    // A cross-class group follows the school-wide calendar on a six-day week.
    const cal =
      classId === null ? anyCal && { ...anyCal, grade: 0, daysPerWeek: 6 as const } : calendars.get(classId);
    if (!cal) continue;
    const byWeekday = new Map<number, typeof slots>();
    for (const slot of list) push(byWeekday, slot.weekday, slot);
    for (const { date, weekday } of schoolDays(s.from, s.to, cal))
      for (const slot of byWeekday.get(weekday) ?? [])
        if (slot.validFrom <= date && (slot.validTo === null || slot.validTo >= date))
          wanted.push({
            courseId: slot.courseId,
            date,
            lessonNumber: slot.lessonNumber,
            teacherId: slot.teacherId,
            cancelled: false,
            origin: 'timetable',
          });
  }
  return wanted;
}

async function applyChanges(db: Db, s: GenerationScope, wanted: WantedLesson[]): Promise<WantedLesson[]> {
  const changes = await db
    .selectFrom('timetableChanges')
    .innerJoin('courses', 'courses.id', 'timetableChanges.courseId')
    .select([
      'timetableChanges.kind',
      'timetableChanges.courseId',
      'timetableChanges.date',
      'timetableChanges.lessonNumber',
      'timetableChanges.substituteTeacherId',
      'timetableChanges.movedToDate',
      'timetableChanges.movedToLessonNumber',
      'courses.teacherId',
    ])
    .where('timetableChanges.schoolId', '=', s.schoolId)
    .where((eb) => inScope(eb as unknown as Eb, s))
    .where((eb) =>
      eb.or([
        eb.and([eb('timetableChanges.date', '>=', s.from), eb('timetableChanges.date', '<=', s.to)]),
        eb.and([
          eb('timetableChanges.movedToDate', '>=', s.from),
          eb('timetableChanges.movedToDate', '<=', s.to),
        ]),
      ]),
    )
    .orderBy('timetableChanges.id')
    .execute();
  if (changes.length === 0) return wanted;
  const key = (courseId: number, date: string, n: number) => `${courseId}|${date}|${n}`;
  const byKey = new Map(wanted.map((w) => [key(w.courseId, w.date, w.lessonNumber), w]));
  const inRange = (date: string) => s.from <= date && date <= s.to;
  for (const c of changes) {
    const k = key(c.courseId, c.date, c.lessonNumber);
    const lesson = byKey.get(k);
    if (c.kind === 'cancel' && lesson) lesson.cancelled = true;
    else if (c.kind === 'substitute' && lesson && c.substituteTeacherId !== null)
      lesson.teacherId = c.substituteTeacherId;
    else if (c.kind === 'extra' && inRange(c.date))
      byKey.set(k, { ...base(c, c.date, c.lessonNumber), teacherId: c.substituteTeacherId ?? c.teacherId });
    else if (c.kind === 'move' && c.movedToDate !== null && c.movedToLessonNumber !== null) {
      byKey.delete(k);
      if (inRange(c.movedToDate))
        byKey.set(key(c.courseId, c.movedToDate, c.movedToLessonNumber), {
          ...base(c, c.movedToDate, c.movedToLessonNumber),
          teacherId: lesson?.teacherId ?? c.substituteTeacherId ?? c.teacherId,
        });
    }
  }
  return [...byKey.values()];
}

const base = (c: { courseId: number }, date: string, lessonNumber: number) => ({
  courseId: c.courseId,
  date,
  lessonNumber,
  cancelled: false,
  origin: 'change' as const,
});

function existingLessons(db: Db, s: GenerationScope) {
  return (
    db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      // Any mark or attendance row, even a removed one, still refers to the lesson: it stays.
      .select((eb) => [
        'lessons.id',
        'lessons.courseId',
        'lessons.date',
        'lessons.lessonNumber',
        'lessons.teacherId',
        'lessons.cancelledAt',
        'lessons.origin',
        eb
          .or([
            eb('lessons.topic', 'is not', null),
            eb('lessons.homework', 'is not', null),
            eb('lessons.attendanceTakenAt', 'is not', null),
            eb.exists(
              eb.selectFrom('marks').select('marks.id').whereRef('marks.lessonId', '=', 'lessons.id'),
            ),
            eb.exists(
              eb
                .selectFrom('attendance')
                .select('attendance.id')
                .whereRef('attendance.lessonId', '=', 'lessons.id'),
            ),
          ])
          .as('hasData'),
      ])
      .where('lessons.schoolId', '=', s.schoolId)
      .where((eb) => inScope(eb as unknown as Eb, s))
      .where('lessons.date', '>=', s.from)
      .where('lessons.date', '<=', s.to)
      .execute()
  );
}

/**
 * Brings the lessons of a scope in line with the timetable, the class calendars and the dated
 * changes: creates the missing, updates teachers and cancellations, removes lessons without data
 * the timetable no longer holds, and keeps (and reports) those with data. Set-based and batched;
 * idempotent. Runs inside the caller's transaction.
 */
export async function regenerateLessons(trx: Db, s: GenerationScope): Promise<GenerationReport> {
  await lockTimetable(trx, s.schoolId);
  const calendars = await classCalendars(trx as Kysely<DB>, s.schoolId, s.academicYearId);
  const year = calendars.values().next().value;
  const scope = year ? { ...s, from: max(s.from, year.startsOn), to: min(s.to, year.endsOn) } : s;
  const wanted = await applyChanges(trx, scope, await wantedLessons(trx, scope, calendars));
  const existing: ExistingLesson[] = (await existingLessons(trx, scope)).map((l) => ({
    id: l.id,
    courseId: l.courseId,
    date: String(l.date),
    lessonNumber: l.lessonNumber,
    teacherId: l.teacherId,
    cancelled: l.cancelledAt !== null,
    origin: l.origin,
    hasData: Boolean(l.hasData),
  }));
  const plan = planLessons(wanted, existing);
  const now = new Date().toISOString();
  await insertLessons(trx, s.schoolId, plan.create, now);
  const groups = new Map<string, number[]>();
  for (const u of plan.update) {
    const k = `${u.teacherId}|${u.cancelled ? 1 : 0}|${u.origin}`;
    push(groups, k, u.id);
  }
  for (const [k, ids] of groups) {
    const [teacherId = '0', cancelled, origin] = k.split('|');
    for (const batch of chunks(ids))
      await trx
        .updateTable('lessons')
        .set({
          teacherId: Number(teacherId),
          origin: origin as 'timetable' | 'change',
          cancelledAt: cancelled === '1' ? sql<string>`coalesce(cancelled_at, ${now})` : null,
        })
        .where('id', 'in', batch)
        .execute();
  }
  for (const batch of chunks(plan.remove)) await trx.deleteFrom('lessons').where('id', 'in', batch).execute();
  return {
    created: plan.create.length,
    updated: plan.update.length,
    removed: plan.remove.length,
    unchanged: existing.length - plan.update.length - plan.remove.length,
    conflicts: await describeKept(trx, plan.kept),
  };
}

/**
 * Inserts lessons: on PostgreSQL as arrays through unnest (one statement, no per-row parameters),
 * on SQLite in multi-row VALUES of 4,000 rows (7 values a row, under its 32,766 parameters).
 */
async function insertLessons(trx: Db, schoolId: number, rows: readonly WantedLesson[], now: string) {
  if (rows.length === 0) return;
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    for (const batch of chunks(rows, 50_000))
      await sql`insert into lessons (school_id, course_id, date, lesson_number, teacher_id, cancelled_at, origin)
        select ${schoolId}, * from unnest(
          ${batch.map((l) => l.courseId)}::int[], ${batch.map((l) => l.date)}::date[],
          ${batch.map((l) => l.lessonNumber)}::int[], ${batch.map((l) => l.teacherId)}::int[],
          ${batch.map((l) => (l.cancelled ? now : null))}::timestamptz[], ${batch.map((l) => l.origin)}::text[])`.execute(
        trx,
      );
    return;
  }
  for (const batch of chunks(rows, 4000))
    await trx
      .insertInto('lessons')
      .values(
        batch.map((l) => ({
          schoolId,
          courseId: l.courseId,
          date: l.date,
          lessonNumber: l.lessonNumber,
          teacherId: l.teacherId,
          cancelledAt: l.cancelled ? now : null,
          origin: l.origin,
        })),
      )
      .execute();
}

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

async function describeKept(db: Db, kept: ReturnType<typeof planLessons>['kept']) {
  if (kept.length === 0) return [];
  const ids = [...new Set(kept.map((k) => k.lesson.courseId))];
  const names = await db
    .selectFrom('courses')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .select(['courses.id', 'subjects.name as subject', 'groups.name as group'])
    .where('courses.id', 'in', ids)
    .execute();
  const byId = new Map(names.map((n) => [n.id, n]));
  return kept
    .map(({ lesson, reason }) => ({
      date: lesson.date,
      lessonNumber: lesson.lessonNumber,
      courseId: lesson.courseId,
      subject: byId.get(lesson.courseId)?.subject ?? '',
      group: byId.get(lesson.courseId)?.group ?? '',
      reason,
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.lessonNumber - b.lessonNumber);
}

/** The academic year of a school that holds a date. */
async function yearHolding(db: Db, schoolId: number, date: string) {
  return db
    .selectFrom('academicYears')
    .select(['id', 'startsOn', 'endsOn'])
    .where('schoolId', '=', schoolId)
    .where('startsOn', '<=', date)
    .where('endsOn', '>=', date)
    .executeTakeFirst();
}

/** Generates the lessons of a class (or of the whole school) for a range of dates; audited. */
export async function generateLessons(
  ctx: Ctx,
  body: z.infer<typeof generateBody>,
): Promise<GenerationReport> {
  if (body.to < body.from) throw fieldError('to', 'timetableRangeOrder');
  let schoolId: number;
  let academicYearId: number;
  if (body.classId !== undefined) {
    const cls = await requireClass(ctx, body.classId, 'timetable.manage');
    schoolId = cls.schoolId;
    academicYearId = cls.academicYearId;
  } else {
    schoolId = actorSchool(ctx, 'timetable.manage');
    const year = await yearHolding(ctx.db, schoolId, body.from);
    if (!year) throw fieldError('from', 'timetableOutsideYear');
    academicYearId = year.id;
  }
  const scope = {
    schoolId,
    academicYearId,
    classIds: body.classId ? [body.classId] : null,
    from: body.from,
    to: body.to,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const report = await regenerateLessons(trx, scope);
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'timetable.lessons_generated',
      entity: body.classId ? 'class' : 'school',
      entityId: body.classId ?? schoolId,
      after: { ...scope, ...report, conflicts: report.conflicts.length },
    });
    return report;
  });
}

/** Adds a value to the list kept under a key. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
