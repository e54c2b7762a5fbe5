import { addDays } from './school-days.ts';

/** A student's membership of a group from a date to a date (inclusive; null: open-ended). */
export interface Membership {
  id: number;
  groupId: number;
  startsOn: string;
  endsOn: string | null;
}

/** What the move rule needs to know about a group. */
export interface GroupFacts {
  id: number;
  kind: 'class' | 'subgroup' | 'cross';
  academicYearId: number;
  classId: number | null;
  /** The subject the group was formed for (a subgroup's or cross-class group's subject). */
  subjectId: number | null;
  archived: boolean;
}

/** Why a move is refused; each names the field the person should correct. */
export type MoveRefusal =
  | { problem: 'sameGroup'; field: 'toGroupId' }
  | { problem: 'groupsIncompatible'; field: 'toGroupId' }
  | { problem: 'groupArchived'; field: 'toGroupId' }
  | { problem: 'notMember'; field: 'studentId' }
  | { problem: 'beforeStart'; field: 'moveDate' }
  | { problem: 'alreadyMember'; field: 'toGroupId' };

/** A move that may be made: close one membership the day before, open another from the date. */
export interface MovePlan {
  close: { id: number; endsOn: string };
  open: { groupId: number; startsOn: string; endsOn: string | null };
}

/** Whether a membership holds on a date. */
export function holdsOn(m: Pick<Membership, 'startsOn' | 'endsOn'>, date: string): boolean {
  return m.startsOn <= date && (m.endsOn === null || m.endsOn >= date);
}

/** Whether two memberships share a day (an empty one, ending before it starts, shares none). */
export function overlap(
  a: Pick<Membership, 'startsOn' | 'endsOn'>,
  b: Pick<Membership, 'startsOn' | 'endsOn'>,
): boolean {
  const empty = (m: Pick<Membership, 'startsOn' | 'endsOn'>) => m.endsOn !== null && m.endsOn < m.startsOn;
  if (empty(a) || empty(b)) return false;
  return (a.endsOn === null || a.endsOn >= b.startsOn) && (b.endsOn === null || b.endsOn >= a.startsOn);
}

/**
 * Whether moving students between the two groups makes sense: subgroups of the same class and
 * subject, cross-class groups of the same subject, or two whole classes, all of one school year.
 */
export function movableBetween(from: GroupFacts, to: GroupFacts): boolean {
  if (from.academicYearId !== to.academicYearId || from.kind !== to.kind) return false;
  if (from.kind === 'subgroup') return from.classId === to.classId && from.subjectId === to.subjectId;
  if (from.kind === 'cross') return from.subjectId === to.subjectId;
  return true;
}

/**
 * Plans moving a student from one group to another from a date. `memberships` are the student's
 * memberships of both groups (and their siblings). The past is kept: the membership that holds on
 * the date ends the day before, the new one starts on the date and ends when the old one would have.
 */
export function planMove(input: {
  from: GroupFacts;
  to: GroupFacts;
  memberships: readonly Membership[];
  on: string;
}): MovePlan | MoveRefusal {
  const { from, to, memberships, on } = input;
  if (from.id === to.id) return { problem: 'sameGroup', field: 'toGroupId' };
  if (!movableBetween(from, to)) return { problem: 'groupsIncompatible', field: 'toGroupId' };
  if (to.archived) return { problem: 'groupArchived', field: 'toGroupId' };
  const inSource = memberships.filter((m) => m.groupId === from.id);
  const current = inSource.find((m) => holdsOn(m, on));
  if (!current) {
    const later = inSource.some((m) => m.startsOn > on);
    return later
      ? { problem: 'beforeStart', field: 'moveDate' }
      : { problem: 'notMember', field: 'studentId' };
  }
  const open = { groupId: to.id, startsOn: on, endsOn: current.endsOn };
  if (memberships.some((m) => m.groupId === to.id && overlap(m, open)))
    return { problem: 'alreadyMember', field: 'toGroupId' };
  return { close: { id: current.id, endsOn: addDays(on, -1) }, open };
}

/** Whether the answer of `planMove` is a refusal. */
export function isRefusal(result: MovePlan | MoveRefusal): result is MoveRefusal {
  return 'problem' in result;
}

/** The memberships after a planned move (`newId` becomes the new membership's id). */
export function applyMove(memberships: readonly Membership[], plan: MovePlan, newId: number): Membership[] {
  return [
    ...memberships.map((m) => (m.id === plan.close.id ? { ...m, endsOn: plan.close.endsOn } : m)),
    { id: newId, ...plan.open },
  ];
}

/** The group a student is in on a date among the given memberships, or null. */
export function groupOn(memberships: readonly Membership[], date: string): number | null {
  return memberships.find((m) => holdsOn(m, date))?.groupId ?? null;
}
