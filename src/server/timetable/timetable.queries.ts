import { type Kysely, sql } from 'kysely';
import type { PlacedCourse } from '../../domain/timetable.ts';
import type { Db } from '../access/actor.ts';
import { lockForTransaction } from '../db/locks.ts';
import type { DB } from '../db/schema.ts';

/** «Иванова А. П.»: how the timetable names a teacher. */
export function shortName(p: { lastName: string; firstName: string; middleName: string }): string {
  const initials = [p.firstName, p.middleName]
    .filter(Boolean)
    .map((n) => `${n[0]}.`)
    .join(' ');
  return initials ? `${p.lastName} ${initials}` : p.lastName;
}

/** A placed course with the names a clash message needs. */
export interface NamedPlacement extends PlacedCourse {
  slotId: number;
  subject: string;
  group: string;
}

/** A course with what placing it needs: its teachers, group and names. */
export function coursesQuery(db: Db, schoolId: number) {
  return db
    .selectFrom('courses')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('persons as t', 't.id', 'courses.teacherId')
    .select([
      'courses.id',
      'courses.academicYearId',
      'courses.subjectId',
      'courses.groupId',
      'courses.teacherId',
      'courses.secondTeacherId',
      'courses.hoursPerWeek',
      'groups.classId',
      'groups.kind as groupKind',
      'groups.name as group',
      'subjects.name as subject',
      'subjects.sortOrder',
      't.lastName',
      't.firstName',
      't.middleName',
    ])
    .where('courses.schoolId', '=', schoolId)
    .where('courses.archivedAt', 'is', null);
}

/** A course row as `coursesQuery` returns it. */
export type CourseRow = Awaited<ReturnType<ReturnType<typeof coursesQuery>['execute']>>[number];

/** The teachers of a course: its teacher and, when it has one, the second. */
export const teachersOf = (c: { teacherId: number; secondTeacherId: number | null }) =>
  c.secondTeacherId === null ? [c.teacherId] : [c.teacherId, c.secondTeacherId];

/** Every slot of a school in force on or after a date, with its course's teachers and group. */
export async function placementsFrom(db: Db, schoolId: number, from: string): Promise<NamedPlacement[]> {
  const rows = await db
    .selectFrom('timetableSlots')
    .innerJoin('courses', 'courses.id', 'timetableSlots.courseId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .select([
      'timetableSlots.id as slotId',
      'timetableSlots.courseId',
      'timetableSlots.weekday',
      'timetableSlots.lessonNumber',
      'timetableSlots.room',
      'courses.teacherId',
      'courses.secondTeacherId',
      'courses.groupId',
      'groups.classId',
      'groups.kind as groupKind',
      'groups.name as group',
      'subjects.name as subject',
    ])
    .where('timetableSlots.schoolId', '=', schoolId)
    .where((eb) =>
      eb.or([eb('timetableSlots.validTo', 'is', null), eb('timetableSlots.validTo', '>=', from)]),
    )
    .execute();
  return rows.map((r) => ({ ...r, teacherIds: teachersOf(r) }));
}

/** The slots of a class's groups in force on a date, with subject, teacher and group names. */
export function classSlotsOn(db: Db, classId: number, on: string) {
  return db
    .selectFrom('timetableSlots')
    .innerJoin('courses', 'courses.id', 'timetableSlots.courseId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('persons as t', 't.id', 'courses.teacherId')
    .select([
      'timetableSlots.id',
      'timetableSlots.courseId',
      'timetableSlots.weekday',
      'timetableSlots.lessonNumber',
      'timetableSlots.room',
      'timetableSlots.validFrom',
      'timetableSlots.validTo',
      'subjects.name as subject',
      'groups.name as group',
      'groups.kind as groupKind',
      't.lastName',
      't.firstName',
      't.middleName',
    ])
    .where('groups.classId', '=', classId)
    .where('timetableSlots.validFrom', '<=', on)
    .where((eb) => eb.or([eb('timetableSlots.validTo', 'is', null), eb('timetableSlots.validTo', '>=', on)]))
    .orderBy('timetableSlots.weekday')
    .orderBy('timetableSlots.lessonNumber')
    .orderBy('groups.name')
    .execute();
}

/** Bell times per weekday: each weekday takes the set whose weekdays include it. */
export async function bellsOf(db: Db, schoolId: number) {
  const rows = await db
    .selectFrom('bellTimes')
    .innerJoin('bellSchedules', 'bellSchedules.id', 'bellTimes.bellScheduleId')
    .select([
      'bellSchedules.id',
      'bellSchedules.weekdays',
      'bellTimes.lessonNumber',
      'bellTimes.startsAt',
      'bellTimes.endsAt',
    ])
    .where('bellTimes.schoolId', '=', schoolId)
    .orderBy('bellSchedules.id')
    .orderBy('bellTimes.lessonNumber')
    .execute();
  const out: { weekday: number; lessonNumber: number; startsAt: string; endsAt: string }[] = [];
  const taken = new Map<number, number>();
  for (const r of rows) {
    const days = parseWeekdays(r.weekdays);
    for (const weekday of days) {
      const owner = taken.get(weekday) ?? r.id;
      if (owner !== r.id) continue;
      taken.set(weekday, r.id);
      out.push({ weekday, lessonNumber: r.lessonNumber, startsAt: r.startsAt, endsAt: r.endsAt });
    }
  }
  return out.sort((a, b) => a.weekday - b.weekday || a.lessonNumber - b.lessonNumber);
}

function parseWeekdays(text: string): number[] {
  try {
    const days: unknown = JSON.parse(text);
    return Array.isArray(days) ? days.filter((d): d is number => Number.isInteger(d)) : [];
  } catch {
    return [];
  }
}

/** Teachers of a school (role teacher, not revoked, not archived) in Russian name order. */
export function teachersOfSchool(db: Db, schoolId: number) {
  return db
    .selectFrom('persons')
    .select(['persons.id', 'persons.lastName', 'persons.firstName', 'persons.middleName'])
    .where('persons.schoolId', '=', schoolId)
    .where('persons.archivedAt', 'is', null)
    .where((eb) =>
      eb(
        'persons.id',
        'in',
        eb
          .selectFrom('roleAssignments')
          .select('roleAssignments.personId')
          .where('roleAssignments.role', '=', 'teacher')
          .where('roleAssignments.schoolId', '=', schoolId)
          .where('roleAssignments.revokedAt', 'is', null),
      ),
    )
    .orderBy('persons.sortKey')
    .execute();
}

/**
 * The lessons a person teaches from one date to another: by the course (teacher or second
 * teacher) or by substitution (the lesson's teacher is the person, the course stays another's).
 */
export function lessonsTaughtBy(db: Kysely<DB> | Db, teacherId: number, from: string, to: string) {
  return db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .select([
      'lessons.id',
      'lessons.courseId',
      'lessons.date',
      'lessons.lessonNumber',
      'lessons.teacherId',
      'lessons.cancelledAt',
      sql<'course' | 'substitution'>`case when ${sql.ref('courses.teacherId')} = ${teacherId} or ${sql.ref(
        'courses.secondTeacherId',
      )} = ${teacherId} then 'course' else 'substitution' end`.as('by'),
    ])
    .where('lessons.date', '>=', from)
    .where('lessons.date', '<=', to)
    .where((eb) =>
      eb.or([
        eb('lessons.teacherId', '=', teacherId),
        eb('courses.teacherId', '=', teacherId),
        eb('courses.secondTeacherId', '=', teacherId),
      ]),
    )
    .orderBy('lessons.date')
    .orderBy('lessons.lessonNumber')
    .execute();
}

/**
 * Holds the school's timetable and lessons until the transaction ends (PostgreSQL): slot clash
 * checks and lesson generation sent at once run in turn instead of breaking the unique keys.
 */
export function lockTimetable(trx: Db, schoolId: number): Promise<void> {
  return lockForTransaction(trx, `timetable:${schoolId}`);
}
