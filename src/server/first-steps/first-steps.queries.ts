import type { FirstStepKey } from '../../contract/first-steps.ts';
import type { Db } from '../access/actor.ts';

/** Whether a query finds any row: the checks below only ask whether a step has been taken. */
async function any(query: { executeTakeFirst(): Promise<unknown> }): Promise<boolean> {
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * Each step after the setup, as a check of the school's own rows (every query is scoped to the
 * school in SQL). `personId` is the administrator looking: their own teacher role does not count.
 */
export function stepChecks(
  db: Db,
  schoolId: number,
  personId: number,
): Record<Exclude<FirstStepKey, 'school'>, () => Promise<boolean>> {
  return {
    year: () =>
      any(
        db
          .selectFrom('academicYears')
          .innerJoin('periods', 'periods.academicYearId', 'academicYears.id')
          .select('academicYears.id')
          .where('academicYears.schoolId', '=', schoolId)
          .where('periods.schoolId', '=', schoolId)
          .limit(1),
      ),
    calendar: () =>
      any(
        db
          .selectFrom('calendarEntries')
          .select('id')
          .where('schoolId', '=', schoolId)
          .where('kind', 'in', ['vacation', 'holiday'])
          .limit(1),
      ),
    bells: () => any(db.selectFrom('bellTimes').select('id').where('schoolId', '=', schoolId).limit(1)),
    classes: () =>
      any(
        db
          .selectFrom('classes')
          .select('id')
          .where('schoolId', '=', schoolId)
          .where('archivedAt', 'is', null)
          .limit(1),
      ),
    subjects: () =>
      any(
        db
          .selectFrom('subjects')
          .select('id')
          .where('schoolId', '=', schoolId)
          .where('archivedAt', 'is', null)
          .limit(1),
      ),
    teachers: () =>
      any(
        db
          .selectFrom('roleAssignments')
          .innerJoin('accounts', 'accounts.personId', 'roleAssignments.personId')
          .select('roleAssignments.id')
          .where('roleAssignments.schoolId', '=', schoolId)
          .where('roleAssignments.role', '=', 'teacher')
          .where('roleAssignments.revokedAt', 'is', null)
          .where('accounts.disabledAt', 'is', null)
          .where('roleAssignments.personId', '<>', personId)
          .limit(1),
      ),
    courses: () =>
      any(
        db
          .selectFrom('courses')
          .select('id')
          .where('schoolId', '=', schoolId)
          .where('archivedAt', 'is', null)
          .limit(1),
      ),
    timetable: () =>
      any(db.selectFrom('timetableSlots').select('id').where('schoolId', '=', schoolId).limit(1)),
    students: () =>
      any(
        db
          .selectFrom('groupMemberships')
          .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
          .select('groupMemberships.id')
          .where('groupMemberships.schoolId', '=', schoolId)
          .where('groups.schoolId', '=', schoolId)
          .where('groups.kind', '=', 'class')
          .limit(1),
      ),
    parents: () =>
      any(
        db
          .selectFrom('roleAssignments')
          .innerJoin('accounts', 'accounts.personId', 'roleAssignments.personId')
          .select('roleAssignments.id')
          .where('roleAssignments.schoolId', '=', schoolId)
          .where('roleAssignments.role', '=', 'parent')
          .where('roleAssignments.revokedAt', 'is', null)
          .where('accounts.disabledAt', 'is', null)
          .limit(1),
      ),
    lesson: () =>
      any(
        db
          .selectFrom('lessons')
          .select('lessons.id')
          .where('lessons.schoolId', '=', schoolId)
          .where('lessons.cancelledAt', 'is', null)
          .where((eb) =>
            eb.or([
              eb('lessons.topic', 'is not', null),
              eb('lessons.attendanceTakenAt', 'is not', null),
              eb.exists(
                eb
                  .selectFrom('marks')
                  .select('marks.id')
                  .whereRef('marks.lessonId', '=', 'lessons.id')
                  .where('marks.schoolId', '=', schoolId)
                  .where('marks.deletedAt', 'is', null),
              ),
            ]),
          )
          .limit(1),
      ),
  };
}
