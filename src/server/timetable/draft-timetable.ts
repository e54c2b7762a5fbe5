import type { z } from 'zod';
import type { draftReport } from '../../contract/timetable.ts';
import { clashesOf, type PlacedCourse } from '../../domain/timetable.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { AppError } from '../http/app-error.ts';
import { placeSlots, type SlotInput } from './save-slots.ts';
import { requireClass } from './timetable.policy.ts';
import { bellsOf, coursesQuery, placementsFrom, teachersOf } from './timetable.queries.ts';

/** A course the draft places: its weekly hours, teachers and group. */
export interface DraftCourse {
  courseId: number;
  subjectId: number;
  hours: number;
  teacherIds: readonly number[];
  groupId: number;
  classId: number | null;
  groupKind: 'class' | 'subgroup' | 'cross';
}

/** What the draft placed and the hours it found no room for. */
export interface Draft {
  slots: SlotInput[];
  unplaced: { courseId: number; hours: number }[];
}

/**
 * A greedy draft of the weekly timetable: each course's hours spread over the days, the lowest
 * free lesson first, never clashing with `busy` or with itself, and without gaps where it can. A class's subgroup courses of one
 * subject go side by side in the same lessons.
 */
export function draftTimetable(
  courses: readonly DraftCourse[],
  o: { days: number; lessonsPerDay: number; busy: readonly PlacedCourse[] },
): Draft {
  const bySlot = new Map<string, PlacedCourse[]>();
  const at = (w: number, n: number) => bySlot.get(`${w}|${n}`) ?? [];
  for (const p of o.busy) bySlot.set(`${p.weekday}|${p.lessonNumber}`, [...at(p.weekday, p.lessonNumber), p]);
  const units = new Map<string, DraftCourse[]>();
  for (const c of courses) {
    // Subgroups of a class in one subject, with the same hours, go side by side.
    const key = c.groupKind === 'subgroup' ? `s${c.classId}|${c.subjectId}|${c.hours}` : `c${c.courseId}`;
    push(units, key, c);
  }
  const todo = [...units.values()].map((members) => ({
    members,
    left: members[0]?.hours ?? 0,
    perDay: new Map<number, number>(),
  }));
  todo.sort((a, b) => b.left - a.left);
  const dayLoad = new Map<number, number>();
  const slots: SlotInput[] = [];
  const fits = (members: DraftCourse[], w: number, n: number) => {
    const placed: PlacedCourse[] = [];
    for (const m of members) {
      const candidate = { ...m, weekday: w, lessonNumber: n, room: null };
      if (clashesOf(candidate, [...at(w, n), ...placed]).length) return false;
      placed.push(candidate);
    }
    return true;
  };
  for (let progress = true; progress; ) {
    progress = false;
    for (const unit of todo) {
      if (unit.left === 0) continue;
      const days = Array.from({ length: o.days }, (_, i) => i + 1).sort(
        (a, b) =>
          (unit.perDay.get(a) ?? 0) - (unit.perDay.get(b) ?? 0) ||
          (dayLoad.get(a) ?? 0) - (dayLoad.get(b) ?? 0) ||
          a - b,
      );
      const spots = days.flatMap((w) =>
        Array.from({ length: o.lessonsPerDay }, (_, i) => [w, i + 1] as const),
      );
      // Keep the days compact: first no further than the day's next lesson, then anywhere.
      const spot =
        spots.find(([w, n]) => n <= (dayLoad.get(w) ?? 0) + 1 && fits(unit.members, w, n)) ??
        spots.find(([w, n]) => fits(unit.members, w, n));
      if (!spot) continue;
      const [w, n] = spot;
      for (const m of unit.members) {
        bySlot.set(`${w}|${n}`, [...at(w, n), { ...m, weekday: w, lessonNumber: n, room: null }]);
        slots.push({ courseId: m.courseId, weekday: w, lessonNumber: n, room: null });
      }
      unit.left -= 1;
      unit.perDay.set(w, (unit.perDay.get(w) ?? 0) + 1);
      dayLoad.set(w, (dayLoad.get(w) ?? 0) + 1);
      progress = true;
    }
  }
  const unplaced = todo.flatMap((u) =>
    u.left ? u.members.map((m) => ({ courseId: m.courseId, hours: u.left })) : [],
  );
  return { slots, unplaced };
}

/** A class's home room; its k-th subgroup in a subject (by group) studies in «room-k». */
function roomOf(home: string, c: DraftCourse, classCourses: readonly DraftCourse[]): string {
  if (c.groupKind !== 'subgroup') return home;
  const siblings = classCourses
    .filter((x) => x.groupKind === 'subgroup' && x.subjectId === c.subjectId)
    .map((x) => x.groupId)
    .sort((a, b) => a - b);
  const k = siblings.indexOf(c.groupId);
  return k <= 0 ? home : `${home}-${k + 1}`;
}

/** The draft courses of some classes of a year (all of the year's classes when `classIds` is null). */
async function draftCourses(db: Db, schoolId: number, academicYearId: number, classIds: number[] | null) {
  let q = coursesQuery(db, schoolId)
    .innerJoin('classes', 'classes.id', 'groups.classId')
    .select(['classes.grade', 'classes.letter', 'classes.daysPerWeek'])
    .where('courses.academicYearId', '=', academicYearId)
    .where('classes.archivedAt', 'is', null);
  if (classIds) q = q.where('groups.classId', 'in', classIds);
  const rows = await q
    .orderBy('classes.grade')
    .orderBy('classes.letter')
    .orderBy('subjects.sortOrder')
    .execute();
  return rows.map((r) => ({
    courseId: r.id,
    subjectId: r.subjectId,
    hours: r.hoursPerWeek,
    teacherIds: teachersOf(r),
    groupId: r.groupId,
    classId: r.classId,
    groupKind: r.groupKind,
    daysPerWeek: r.daysPerWeek,
    subject: r.subject,
  }));
}

/**
 * Drafts and saves the timetable of classes from a date, class by class, through the same
 * placing (and clash checks) as a slot saved by hand. With `homeRooms` (class → room) a class
 * studies in its room and its second, third… subgroup in «room-2», «room-3». Runs inside the
 * caller's transaction.
 */
export async function draftClasses(
  trx: Db,
  ctx: Ctx,
  scope: { schoolId: number; academicYearId: number; classIds: number[] | null; from: string },
  homeRooms?: ReadonlyMap<number, string>,
) {
  const courses = await draftCourses(trx, scope.schoolId, scope.academicYearId, scope.classIds);
  const bells = await bellsOf(trx, scope.schoolId);
  const lessonsPerDay = Math.max(7, ...bells.map((b) => b.lessonNumber));
  const busy: PlacedCourse[] = await placementsFrom(trx, scope.schoolId, scope.from);
  const slots: SlotInput[] = [];
  const unplaced: { courseId: number; subject: string; hours: number }[] = [];
  const byClass = new Map<number | null, typeof courses>();
  for (const c of courses) push(byClass, c.classId, c);
  for (const list of byClass.values()) {
    const draft = draftTimetable(list, { days: list[0]?.daysPerWeek ?? 5, lessonsPerDay, busy });
    const byId = new Map(list.map((c) => [c.courseId, c]));
    const home = homeRooms?.get(list[0]?.classId ?? 0);
    for (const s of draft.slots) {
      const c = byId.get(s.courseId);
      if (home && c) s.room = roomOf(home, c, list);
      if (c) busy.push({ ...c, ...s });
    }
    slots.push(...draft.slots);
    unplaced.push(...draft.unplaced.map((u) => ({ ...u, subject: byId.get(u.courseId)?.subject ?? '' })));
  }
  await placeSlots(trx, ctx, scope.schoolId, slots, scope.from);
  return { placed: slots.length, unplaced };
}

/** «Составить черновик»: a draft timetable for a class whose timetable is empty from the date. */
export async function buildDraft(
  ctx: Ctx,
  classId: number,
  from: string,
): Promise<z.infer<typeof draftReport>> {
  const cls = await requireClass(ctx, classId, 'timetable.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('timetableSlots')
      .innerJoin('courses', 'courses.id', 'timetableSlots.courseId')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .select('timetableSlots.id')
      .where('groups.classId', '=', classId)
      .where((eb) =>
        eb.or([eb('timetableSlots.validTo', 'is', null), eb('timetableSlots.validTo', '>=', from)]),
      )
      .executeTakeFirst();
    if (taken) throw new AppError('conflict', 'timetableNotEmpty');
    return draftClasses(trx, ctx, {
      schoolId: cls.schoolId,
      academicYearId: cls.academicYearId,
      classIds: [classId],
      from,
    });
  });
}

/** Adds a value to the list kept under a key. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
