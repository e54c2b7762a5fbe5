import { parseSchoolSettings, type SchoolSettings } from '../../contract/settings.ts';
import type { Actor, Db } from '../access/actor.ts';
import { currentClasses } from '../access/relationships.queries.ts';
import { classScope, studentScope } from '../access/scopes.ts';

/** A school's settings with defaults applied (the defaults alone for people without a school). */
export async function schoolSettingsOf(db: Db, schoolId: number | null): Promise<SchoolSettings> {
  const school =
    schoolId === null
      ? undefined
      : await db.selectFrom('schools').select('settings').where('id', '=', schoolId).executeTakeFirst();
  return parseSchoolSettings(school?.settings);
}

/** Names of the given schools. */
export function schoolsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('schools')
    .select(['id', 'name', 'shortName'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
}

/** A district's name. */
export function districtById(db: Db, id: number) {
  return db.selectFrom('districts').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** Whether a school exists at all (the first-run setup is offered until one does). */
export async function anySchoolExists(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('schools').select('id').limit(1).executeTakeFirst());
}

/** The live classes the actor may see, by school, grade and letter, with class teachers' names. */
export function visibleClasses(db: Db, actor: Actor) {
  return db
    .selectFrom('classes')
    .leftJoin('persons', 'persons.id', 'classes.classTeacherId')
    .select([
      'classes.id',
      'classes.grade',
      'classes.letter',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
    ])
    .where((eb) => classScope(eb, actor, 'class.view'))
    .where('classes.archivedAt', 'is', null)
    .orderBy('classes.schoolId')
    .orderBy('classes.grade')
    .orderBy('classes.letter')
    .execute();
}

/** Whether the actor may see a class. */
export async function isClassVisible(db: Db, actor: Actor, classId: number): Promise<boolean> {
  const row = await db
    .selectFrom('classes')
    .select('id')
    .where('id', '=', classId)
    .where((eb) => classScope(eb, actor, 'class.view'))
    .executeTakeFirst();
  return !!row;
}

/** Today's students of a class that the actor may see, in Russian alphabetical order. */
export function visibleStudentsOfClass(db: Db, actor: Actor, classId: number) {
  return db
    .selectFrom(currentClasses(db).as('cc'))
    .innerJoin('persons', 'persons.id', 'cc.studentId')
    .select(['persons.id', 'persons.lastName', 'persons.firstName', 'persons.middleName'])
    .where('cc.classId', '=', classId)
    .where('persons.archivedAt', 'is', null)
    .where((eb) => studentScope(eb, actor, 'student.view'))
    .orderBy('persons.sortKey')
    .orderBy('persons.id')
    .execute();
}
