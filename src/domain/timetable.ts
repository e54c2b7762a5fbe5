/** A course's place in the weekly timetable, with what the clash rules need to know about it. */
export interface PlacedCourse {
  courseId: number;
  weekday: number;
  lessonNumber: number;
  room: string | null;
  /** The course's teacher and, when it has one, its second teacher. */
  teacherIds: readonly number[];
  groupId: number;
  /** The class of the group; null for a cross-class group. */
  classId: number | null;
  groupKind: 'class' | 'subgroup' | 'cross';
}

/** Why a course cannot take a slot: who or what is already there. */
export type Clash =
  | { kind: 'teacher'; teacherId: number; other: PlacedCourse }
  | { kind: 'room'; room: string; other: PlacedCourse }
  | { kind: 'group'; other: PlacedCourse };

/** Rooms compare without case and surrounding spaces: «12а» and «12А » are one room. */
export function sameRoom(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const x = a.trim().toLowerCase();
  return x !== '' && x === b.trim().toLowerCase();
}

/**
 * Whether two groups cannot be taught at once: the same group, or a class's whole-class group and
 * one of its subgroups. Two subgroups of a class (English in halves) sit side by side.
 */
export function groupsOverlap(a: PlacedCourse, b: PlacedCourse): boolean {
  if (a.groupId === b.groupId) return true;
  if (a.classId === null || a.classId !== b.classId) return false;
  return a.groupKind === 'class' || b.groupKind === 'class';
}

/** The clashes of a course placed in a slot with what already takes that slot. */
export function clashesOf(candidate: PlacedCourse, placed: readonly PlacedCourse[]): Clash[] {
  const out: Clash[] = [];
  for (const other of placed) {
    if (other.weekday !== candidate.weekday || other.lessonNumber !== candidate.lessonNumber) continue;
    const teacherId = candidate.teacherIds.find((t) => other.teacherIds.includes(t));
    if (teacherId !== undefined) out.push({ kind: 'teacher', teacherId, other });
    if (sameRoom(candidate.room, other.room)) out.push({ kind: 'room', room: other.room ?? '', other });
    if (groupsOverlap(candidate, other)) out.push({ kind: 'group', other });
  }
  return out;
}

/** Every clash inside a set of placements (each pair reported once, the later one as candidate). */
export function clashesWithin(placed: readonly PlacedCourse[]): Clash[] {
  return placed.flatMap((p, i) => clashesOf(p, placed.slice(0, i)));
}

/** A lesson the timetable and the dated changes ask for. */
export interface WantedLesson {
  courseId: number;
  date: string;
  lessonNumber: number;
  teacherId: number;
  cancelled: boolean;
  origin: 'timetable' | 'change';
}

/** A lesson already in the journal, and whether anything was recorded in it. */
export interface ExistingLesson {
  id: number;
  courseId: number;
  date: string;
  lessonNumber: number;
  teacherId: number;
  cancelled: boolean;
  origin: 'timetable' | 'change';
  hasData: boolean;
}

/** Why a lesson that holds data was kept against the timetable. */
export type KeptReason = 'notInTimetable' | 'cancelledWithData';

/** What to do to bring the lessons in line with the timetable. */
export interface LessonPlan {
  create: WantedLesson[];
  update: { id: number; teacherId: number; cancelled: boolean; origin: 'timetable' | 'change' }[];
  remove: number[];
  kept: { lesson: ExistingLesson; reason: KeptReason }[];
}

const keyOf = (l: { courseId: number; date: string; lessonNumber: number }) =>
  `${l.courseId}|${l.date}|${l.lessonNumber}`;

/**
 * Compares the wanted lessons with the existing ones. Missing ones are created, changed ones
 * updated, and ones without data that the timetable no longer holds removed. A lesson with a
 * topic, marks or attendance is never removed nor cancelled: it is kept and reported.
 */
export function planLessons(
  wanted: readonly WantedLesson[],
  existing: readonly ExistingLesson[],
): LessonPlan {
  const plan: LessonPlan = { create: [], update: [], remove: [], kept: [] };
  const have = new Map(existing.map((l) => [keyOf(l), l]));
  const seen = new Set<string>();
  for (const w of wanted) {
    const key = keyOf(w);
    if (seen.has(key)) continue;
    seen.add(key);
    const old = have.get(key);
    if (!old) {
      plan.create.push(w);
      continue;
    }
    // A lesson that holds data stays as it is; one cancelled earlier stays cancelled.
    const cancelled = w.cancelled && (!old.hasData || old.cancelled);
    if (w.cancelled && !cancelled) plan.kept.push({ lesson: old, reason: 'cancelledWithData' });
    if (old.teacherId !== w.teacherId || old.cancelled !== cancelled || old.origin !== w.origin)
      plan.update.push({ id: old.id, teacherId: w.teacherId, cancelled, origin: w.origin });
  }
  for (const old of existing) {
    if (seen.has(keyOf(old))) continue;
    if (old.hasData) plan.kept.push({ lesson: old, reason: 'notInTimetable' });
    else plan.remove.push(old.id);
  }
  return plan;
}
