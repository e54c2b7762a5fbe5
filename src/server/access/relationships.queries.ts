import type { Db } from './actor.ts';

/** Today's date as 'YYYY-MM-DD' in the server's time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Classes the person leads as class teacher, in grade and letter order. */
export function classesLedBy(db: Db, personId: number) {
  return db
    .selectFrom('classes')
    .select(['id', 'grade', 'letter'])
    .where('classTeacherId', '=', personId)
    .where('archivedAt', 'is', null)
    .orderBy('grade')
    .orderBy('letter')
    .execute();
}

/** The class each student is in on a date (through the class's whole-class group). */
export function currentClasses(db: Db, on: string = today()) {
  return db
    .selectFrom('groupMemberships')
    .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
    .innerJoin('classes', 'classes.id', 'groups.classId')
    .select(['groupMemberships.studentId', 'classes.id as classId', 'classes.grade', 'classes.letter'])
    .where('groups.kind', '=', 'class')
    .where('groupMemberships.startsOn', '<=', on)
    .where((eb) =>
      eb.or([eb('groupMemberships.endsOn', 'is', null), eb('groupMemberships.endsOn', '>=', on)]),
    );
}

/** The person's children with the class each is in today, in Russian name order. */
export function childrenWithClasses(db: Db, guardianId: number, on: string = today()) {
  return db
    .selectFrom('guardianships')
    .innerJoin('persons', 'persons.id', 'guardianships.studentId')
    .leftJoin(currentClasses(db, on).as('cc'), 'cc.studentId', 'persons.id')
    .select(['persons.id', 'persons.lastName', 'persons.firstName', 'cc.grade', 'cc.letter'])
    .where('guardianships.guardianId', '=', guardianId)
    .where('guardianships.archivedAt', 'is', null)
    .where('persons.archivedAt', 'is', null)
    .orderBy('persons.sortKey')
    .execute();
}
