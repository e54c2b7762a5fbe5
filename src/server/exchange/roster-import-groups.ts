import { parseClassName } from './roster-import-classes.ts';
import type { Existing } from './roster-import-existing.ts';
import {
  fail,
  type PlannedClass,
  type PlannedCourse,
  type PlannedMembership,
} from './roster-import-model.ts';

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** A homeroom named in a scheduled class's title («Математика 5А» → 5А), for a course with no students. */
function homeroomInTitle(title: string, classes: PlannedClass[]): PlannedClass | undefined {
  for (const word of title.split(/[\s()]+/)) {
    const parsed = parseClassName(word);
    const found = parsed && classes.find((c) => c.grade === parsed.grade && c.letter === parsed.letter);
    if (found) return found;
  }
  return undefined;
}

/**
 * Decides who each scheduled class is taught to: the whole class when its students are exactly a
 * homeroom's, a subgroup of that class when they are some of them, a cross-class group when they
 * come from several classes. Then matches it with a course of the year, and each membership with
 * a stored one.
 */
export function planGroups(
  classes: PlannedClass[],
  courses: PlannedCourse[],
  memberships: PlannedMembership[],
  existing: Existing,
  subjectIdOf: (name: string) => number | undefined,
): void {
  const homeOf = new Map<string, Set<PlannedClass>>();
  for (const m of memberships) {
    if (!('homeroom' in m.target)) continue;
    const set = homeOf.get(m.student.sourcedId) ?? new Set();
    set.add(m.target.homeroom);
    homeOf.set(m.student.sourcedId, set);
  }
  const studentsOf = new Map<PlannedCourse, Set<string>>();
  for (const m of memberships) {
    if ('course' in m.target) {
      const set = studentsOf.get(m.target.course) ?? new Set();
      set.add(m.student.sourcedId);
      studentsOf.set(m.target.course, set);
    }
  }
  for (const course of courses) {
    if (course.draft.outcome === 'error') continue;
    if (!course.teacher) fail(course.draft, 'sourcedId', 'rosterImportNoTeacher');
    const students = studentsOf.get(course) ?? new Set<string>();
    const homes = new Set([...students].flatMap((s) => [...(homeOf.get(s) ?? [])]));
    if (homes.size === 0) {
      const named = homeroomInTitle(course.title, classes);
      if (named && students.size === 0) course.group = { kind: 'class', of: named };
      else fail(course.draft, 'title', 'rosterImportNoGroup');
    } else if (homes.size === 1) {
      const home = [...homes][0]!;
      course.group = sameSet(students, home.students)
        ? { kind: 'class', of: home }
        : { kind: 'subgroup', of: home, name: groupNameOf(course.title) };
    } else course.group = { kind: 'cross', name: course.title.trim() };
    if (course.draft.problems.length > 0) continue;
    matchCourse(course, existing, subjectIdOf);
  }
  for (const m of memberships) matchMembership(m, existing);
}

function groupNameOf(title: string): string {
  const m = /\(([^()]+)\)\s*$/.exec(title);
  return (m ? m[1]! : title).trim();
}

function matchCourse(
  course: PlannedCourse,
  existing: Existing,
  subjectIdOf: (name: string) => number | undefined,
) {
  const byRoster = existing.rosterIds.get(`course:${course.sourcedId}`);
  const known = existing.courses.find((c) => c.id === byRoster);
  if (known) {
    course.localId = known.id;
    course.groupId = known.groupId;
    course.draft.outcome = 'match';
    return;
  }
  const subjectId = subjectIdOf(course.subjectName);
  const group = course.group!;
  const teacherId = course.teacher?.localId ?? null;
  if (subjectId === undefined || teacherId === null) return;
  const found = existing.courses.find((c) => {
    if (c.subjectId !== subjectId || c.teacherId !== teacherId || c.groupKind !== group.kind) return false;
    if (group.kind === 'class') return c.groupId === group.of.groupId && group.of.groupId !== null;
    if (group.kind === 'subgroup') return c.groupClassId === group.of.localId && c.groupName === group.name;
    return c.groupName === group.name;
  });
  if (found) {
    course.localId = found.id;
    course.groupId = found.groupId;
    course.draft.outcome = 'match';
  }
}

function matchMembership(m: PlannedMembership, existing: Existing) {
  if (m.draft.outcome === 'error') return;
  const groupId = 'homeroom' in m.target ? m.target.homeroom.groupId : m.target.course.groupId;
  if ('course' in m.target && m.target.course.group?.kind === 'class') {
    // The whole class learns it: the homeroom membership already says who and when.
    m.draft.outcome = 'match';
    return;
  }
  const byRoster = existing.rosterIds.get(`enrollment:${m.sourcedId}`);
  if (byRoster !== undefined && existing.membershipIds.has(byRoster)) {
    m.localId = byRoster;
    m.draft.outcome = 'match';
    return;
  }
  if (groupId === null || m.student.localId === null) return;
  const stored = existing.memberships.get(`${groupId}:${m.student.localId}:${m.startsOn}`);
  if (stored !== undefined) {
    m.localId = stored;
    m.draft.outcome = 'match';
  }
}
