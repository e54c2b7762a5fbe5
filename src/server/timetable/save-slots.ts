import type { z } from 'zod';
import type { closeSlotBody, slotBody } from '../../contract/timetable.ts';
import { addDays } from '../../domain/school-days.ts';
import { type Clash, clashesOf } from '../../domain/timetable.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notFound } from '../http/app-error.ts';
import { chunks } from '../seed/batches.ts';
import { fieldError, requireSchool } from './timetable.policy.ts';
import {
  coursesQuery,
  lockTimetable,
  type NamedPlacement,
  placementsFrom,
  shortName,
  teachersOf,
} from './timetable.queries.ts';

/** A course put into a weekday's lesson. */
export interface SlotInput {
  courseId: number;
  weekday: number;
  lessonNumber: number;
  room: string | null;
}

async function clashError(db: Db, candidate: NamedPlacement, clash: Clash) {
  const other = clash.other as NamedPlacement;
  if (clash.kind === 'teacher') {
    const t = await db
      .selectFrom('persons')
      .select(['lastName', 'firstName', 'middleName'])
      .where('id', '=', clash.teacherId)
      .executeTakeFirstOrThrow();
    return fieldError('courseId', 'timetableTeacherBusy', {
      teacher: shortName(t),
      subject: other.subject,
      group: other.group,
    });
  }
  if (clash.kind === 'room')
    return fieldError('room', 'timetableRoomBusy', {
      room: clash.room,
      subject: other.subject,
      group: other.group,
    });
  return fieldError('lessonNumber', 'timetableGroupBusy', {
    group: candidate.group,
    subject: other.subject,
    other: other.group,
  });
}

/**
 * Puts courses into the weekly timetable from a date on, closing the given slots the day before
 * (a slot that had not started yet goes away). Refuses the whole batch at the first clash with a
 * message naming who or what is already there. Runs inside the caller's transaction.
 */
export async function placeSlots(
  trx: Db,
  ctx: Ctx,
  schoolId: number,
  items: readonly SlotInput[],
  from: string,
  closing: readonly number[] = [],
): Promise<number[]> {
  await lockTimetable(trx, schoolId);
  const courseIds = [...new Set(items.map((i) => i.courseId))];
  const courses = courseIds.length
    ? await coursesQuery(trx, schoolId)
        .innerJoin('academicYears', 'academicYears.id', 'courses.academicYearId')
        .select(['academicYears.startsOn', 'academicYears.endsOn'])
        .where('courses.id', 'in', courseIds)
        .execute()
    : [];
  const byId = new Map(courses.map((c) => [c.id, c]));
  const placed = (await placementsFrom(trx, schoolId, from)).filter((p) => !closing.includes(p.slotId));
  for (const item of items) {
    const c = byId.get(item.courseId);
    if (!c) throw fieldError('courseId', 'timetableCourseUnknown');
    if (from < c.startsOn || from > c.endsOn) throw fieldError('from', 'timetableOutsideYear');
    const candidate: NamedPlacement = {
      ...item,
      slotId: 0,
      teacherIds: teachersOf(c),
      groupId: c.groupId,
      classId: c.classId,
      groupKind: c.groupKind,
      subject: c.subject,
      group: c.group,
    };
    // The class being busy says the most; then a teacher, then a room.
    const clashes = clashesOf(candidate, placed);
    const clash = clashes.find((c) => c.kind === 'group') ?? clashes[0];
    if (clash) throw await clashError(trx, candidate, clash);
    placed.push(candidate);
  }

  const closed = closing.length
    ? await trx
        .selectFrom('timetableSlots')
        .selectAll()
        .where('id', 'in', [...closing])
        .execute()
    : [];
  const notStarted = closed.filter((s) => s.validFrom >= from).map((s) => s.id);
  // A slot that already ended before the date stays as it was: closing never extends it.
  const running = closed
    .filter((s) => s.validFrom < from && (s.validTo === null || s.validTo >= from))
    .map((s) => s.id);
  if (notStarted.length) await trx.deleteFrom('timetableSlots').where('id', 'in', notStarted).execute();
  if (running.length)
    await trx
      .updateTable('timetableSlots')
      .set({ validTo: addDays(from, -1) })
      .where('id', 'in', running)
      .execute();
  const ids: number[] = [];
  for (const batch of chunks(items))
    ids.push(
      ...(
        await trx
          .insertInto('timetableSlots')
          .values(batch.map((i) => ({ schoolId, ...i, validFrom: from, validTo: null })))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  await recordAudit(trx, ctx, {
    schoolId,
    action: 'timetable.slots_saved',
    entity: 'timetableSlot',
    entityId: ids.length === 1 ? (ids[0] ?? null) : null,
    before: closed.length ? closed : undefined,
    after: { from, slots: items.length, ids: ids.length <= 20 ? ids : undefined },
  });
  return ids;
}

async function schoolOfCourse(ctx: Ctx, courseId: number) {
  const c = await ctx.db
    .selectFrom('courses')
    .select('schoolId')
    .where('id', '=', courseId)
    .executeTakeFirst();
  return c?.schoolId;
}

async function slotById(ctx: Ctx, slotId: number) {
  const slot = await ctx.db
    .selectFrom('timetableSlots')
    .selectAll()
    .where('id', '=', slotId)
    .executeTakeFirst();
  if (!slot) throw notFound();
  await requireSchool(ctx, slot.schoolId, 'timetable.manage');
  return slot;
}

const inputOf = (b: z.infer<typeof slotBody>): SlotInput => ({
  courseId: b.courseId,
  weekday: b.weekday,
  lessonNumber: b.lessonNumber,
  room: b.room?.trim() || null,
});

/** Adds a course to the weekly timetable from a date. */
export async function addSlot(ctx: Ctx, body: z.infer<typeof slotBody>): Promise<number> {
  const schoolId = await schoolOfCourse(ctx, body.courseId);
  if (schoolId === undefined) throw fieldError('courseId', 'timetableCourseUnknown');
  await requireSchool(ctx, schoolId, 'timetable.manage');
  const [id] = await ctx.db
    .transaction()
    .execute((trx) => placeSlots(trx, ctx, schoolId, [inputOf(body)], body.from));
  return id ?? 0;
}

/** Changes a slot from a date: the old one ends the day before, the new one starts that day. */
export async function editSlot(ctx: Ctx, slotId: number, body: z.infer<typeof slotBody>): Promise<number> {
  const slot = await slotById(ctx, slotId);
  const [id] = await ctx.db
    .transaction()
    .execute((trx) => placeSlots(trx, ctx, slot.schoolId, [inputOf(body)], body.from, [slotId]));
  return id ?? 0;
}

/** Takes a slot out of the timetable from a date; the past keeps it. */
export async function closeSlot(
  ctx: Ctx,
  slotId: number,
  body: z.infer<typeof closeSlotBody>,
): Promise<void> {
  const slot = await slotById(ctx, slotId);
  await ctx.db.transaction().execute((trx) => placeSlots(trx, ctx, slot.schoolId, [], body.from, [slotId]));
}
