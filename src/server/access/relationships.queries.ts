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

/** Today's whole-class memberships (one per student), optionally only of some students. */
export function currentClasses(db: Db, on: string = today(), studentIds?: readonly number[]) {
  let query = db
    .selectFrom('groupMemberships')
    .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
    .innerJoin('classes', 'classes.id', 'groups.classId')
    .select(['groupMemberships.studentId', 'classes.id as classId', 'classes.grade', 'classes.letter'])
    .where('groups.kind', '=', 'class')
    .where('groupMemberships.startsOn', '<=', on)
    .where((eb) =>
      eb.or([eb('groupMemberships.endsOn', 'is', null), eb('groupMemberships.endsOn', '>=', on)]),
    );
  if (studentIds)
    query = query.where('groupMemberships.studentId', 'in', studentIds.length ? studentIds : [-1]);
  return query;
}

/** The person's children with the class each is in today, in Russian name order. */
export async function childrenWithClasses(db: Db, guardianId: number, on: string = today()) {
  const children = await db
    .selectFrom('guardianships')
    .innerJoin('persons', 'persons.id', 'guardianships.studentId')
    .select(['persons.id', 'persons.lastName', 'persons.firstName'])
    .where('guardianships.guardianId', '=', guardianId)
    .where('guardianships.archivedAt', 'is', null)
    .where('persons.archivedAt', 'is', null)
    .orderBy('persons.sortKey')
    .execute();
  if (children.length === 0) return [];
  const classes = await currentClasses(
    db,
    on,
    children.map((c) => c.id),
  ).execute();
  const classOf = new Map(classes.map((c) => [c.studentId, c]));
  return children.map((c) => ({
    ...c,
    grade: classOf.get(c.id)?.grade ?? null,
    letter: classOf.get(c.id)?.letter ?? null,
  }));
}
