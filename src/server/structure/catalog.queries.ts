import { sql } from 'kysely';
import type { Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';

/** The school's academic year holding the date, else its latest one (null when it has none). */
export async function currentYear(db: Db, schoolId: number, on: string = today()) {
  const holding = await db
    .selectFrom('academicYears')
    .select(['id', 'name', 'startsOn', 'endsOn'])
    .where('schoolId', '=', schoolId)
    .where('startsOn', '<=', on)
    .where('endsOn', '>=', on)
    .executeTakeFirst();
  if (holding) return holding;
  return db
    .selectFrom('academicYears')
    .select(['id', 'name', 'startsOn', 'endsOn'])
    .where('schoolId', '=', schoolId)
    .orderBy('startsOn', 'desc')
    .executeTakeFirst();
}

/** People holding the teacher role in the school today, in Russian name order. */
export function teachersOf(db: Db, schoolId: number) {
  return db
    .selectFrom('persons')
    .select(['persons.id', 'persons.lastName', 'persons.firstName', 'persons.middleName'])
    .where('persons.archivedAt', 'is', null)
    .where('persons.id', 'in', (eb) =>
      eb
        .selectFrom('roleAssignments')
        .select('roleAssignments.personId')
        .where('roleAssignments.role', '=', 'teacher')
        .where('roleAssignments.schoolId', '=', schoolId)
        .where('roleAssignments.revokedAt', 'is', null),
    )
    .orderBy('persons.sortKey')
    .orderBy('persons.id')
    .execute();
}

/** Of the given people, those who hold the teacher role in the school. */
export async function teachersAmong(db: Db, schoolId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('roleAssignments')
    .innerJoin('persons', 'persons.id', 'roleAssignments.personId')
    .select('roleAssignments.personId')
    .where('roleAssignments.personId', 'in', ids)
    .where('roleAssignments.role', '=', 'teacher')
    .where('roleAssignments.schoolId', '=', schoolId)
    .where('roleAssignments.revokedAt', 'is', null)
    .where('persons.archivedAt', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.personId));
}

/** A class row by id. */
export function classById(db: Db, id: number) {
  return db.selectFrom('classes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A subject row by id. */
export function subjectById(db: Db, id: number) {
  return db.selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A course row by id. */
export function courseById(db: Db, id: number) {
  return db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A group row by id. */
export function groupById(db: Db, id: number) {
  return db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The whole-class group of a class. */
export function classGroupOf(db: Db, classId: number) {
  return db
    .selectFrom('groups')
    .selectAll()
    .where('classId', '=', classId)
    .where('kind', '=', 'class')
    .orderBy('id')
    .executeTakeFirst();
}

/** The classes of a year with their class teachers and today's number of students. */
export function classesOfYear(db: Db, schoolId: number, yearId: number, on: string = today()) {
  return db
    .selectFrom('classes')
    .leftJoin('persons', 'persons.id', 'classes.classTeacherId')
    .select((eb) => [
      'classes.id',
      'classes.grade',
      'classes.letter',
      'classes.academicYearId',
      'classes.classTeacherId',
      'classes.daysPerWeek',
      'classes.archivedAt',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
      eb
        .selectFrom('groupMemberships')
        .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('groups.classId', '=', 'classes.id')
        .where('groups.kind', '=', 'class')
        .where('groupMemberships.startsOn', '<=', on)
        .where((w) =>
          w.or([w('groupMemberships.endsOn', 'is', null), w('groupMemberships.endsOn', '>=', on)]),
        )
        .as('studentCount'),
    ])
    .where('classes.schoolId', '=', schoolId)
    .where('classes.academicYearId', '=', yearId)
    .orderBy('classes.grade')
    .orderBy('classes.letter')
    .execute();
}

/** The school's subjects in their sort order. */
export function subjectsOf(db: Db, schoolId: number) {
  return db
    .selectFrom('subjects')
    .selectAll()
    .where('schoolId', '=', schoolId)
    .orderBy('sortOrder')
    .orderBy('name')
    .execute();
}

/** The live groups of a year. */
export function groupsOfYear(db: Db, schoolId: number, yearId: number) {
  return db
    .selectFrom('groups')
    .select(['id', 'name', 'kind', 'classId', 'subjectId'])
    .where('schoolId', '=', schoolId)
    .where('academicYearId', '=', yearId)
    .where('archivedAt', 'is', null)
    .orderBy('name')
    .execute();
}

/** The courses of a year with subject, group and teachers' names. */
export function coursesOfYear(db: Db, schoolId: number, yearId: number) {
  return db
    .selectFrom('courses')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('persons as t', 't.id', 'courses.teacherId')
    .leftJoin('persons as t2', 't2.id', 'courses.secondTeacherId')
    .select([
      'courses.id',
      'courses.subjectId',
      'subjects.name as subject',
      'courses.groupId',
      'groups.name as group',
      'groups.classId',
      'courses.teacherId',
      't.lastName',
      't.firstName',
      't.middleName',
      'courses.secondTeacherId',
      't2.lastName as lastName2',
      't2.firstName as firstName2',
      't2.middleName as middleName2',
      'courses.hoursPerWeek',
      'courses.archivedAt',
      'subjects.sortOrder',
    ])
    .where('courses.schoolId', '=', schoolId)
    .where('courses.academicYearId', '=', yearId)
    .orderBy('groups.name')
    .orderBy('subjects.sortOrder')
    .orderBy('courses.id')
    .execute();
}
