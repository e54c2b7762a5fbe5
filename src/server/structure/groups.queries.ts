import type { Db } from '../access/actor.ts';

/** Members of the given groups on a date, in Russian name order. */
export function membersOn(db: Db, groupIds: number[], on: string) {
  return db
    .selectFrom('groupMemberships')
    .innerJoin('persons', 'persons.id', 'groupMemberships.studentId')
    .select([
      'groupMemberships.groupId',
      'persons.id',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
    ])
    .where('groupMemberships.groupId', 'in', groupIds.length ? groupIds : [-1])
    .where('groupMemberships.startsOn', '<=', on)
    .where((eb) =>
      eb.or([eb('groupMemberships.endsOn', 'is', null), eb('groupMemberships.endsOn', '>=', on)]),
    )
    .orderBy('persons.sortKey')
    .orderBy('persons.id')
    .execute();
}

/** The live subgroups of a class, each with the subject it was formed for (or its course's subject). */
export async function subgroupsOfClass(db: Db, classId: number) {
  const groups = await db
    .selectFrom('groups')
    .select(['id', 'name', 'subjectId', 'schoolId', 'academicYearId'])
    .where('classId', '=', classId)
    .where('kind', '=', 'subgroup')
    .where('archivedAt', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const courses = await liveCoursesOf(
    db,
    groups.map((g) => g.id),
  );
  return groups.map((g) => {
    const own = courses.filter((c) => c.groupId === g.id);
    return {
      ...g,
      subjectId: g.subjectId ?? own[0]?.subjectId ?? null,
      teachers: own.flatMap((c) => [c.teacher, c.secondTeacher].filter((t): t is string => t !== null)),
    };
  });
}

/** The live courses of the given groups with their teachers' names. */
export async function liveCoursesOf(db: Db, groupIds: number[]) {
  if (groupIds.length === 0) return [];
  const rows = await db
    .selectFrom('courses')
    .innerJoin('persons as t', 't.id', 'courses.teacherId')
    .leftJoin('persons as t2', 't2.id', 'courses.secondTeacherId')
    .select([
      'courses.groupId',
      'courses.subjectId',
      't.lastName',
      't.firstName',
      't.middleName',
      't2.lastName as lastName2',
      't2.firstName as firstName2',
      't2.middleName as middleName2',
    ])
    .where('courses.groupId', 'in', groupIds)
    .where('courses.archivedAt', 'is', null)
    .orderBy('courses.id')
    .execute();
  return rows.map((r) => ({
    groupId: r.groupId,
    subjectId: r.subjectId,
    teacher: fullName(r.lastName, r.firstName, r.middleName),
    secondTeacher:
      r.lastName2 === null ? null : fullName(r.lastName2, r.firstName2 ?? '', r.middleName2 ?? ''),
  }));
}

/** «Фамилия Имя Отчество». */
export function fullName(lastName: string, firstName: string, middleName: string): string {
  return `${lastName} ${firstName} ${middleName}`.trim();
}

/** The subject a group was formed for: its own, else its live course's (older data has none). */
export async function subjectOfGroup(db: Db, group: { id: number; subjectId: number | null }) {
  if (group.subjectId !== null) return group.subjectId;
  const [course] = await liveCoursesOf(db, [group.id]);
  return course?.subjectId ?? null;
}

/** A student's memberships of the given groups, oldest first. */
export function membershipsOf(db: Db, studentId: number, groupIds: number[]) {
  return db
    .selectFrom('groupMemberships')
    .select(['id', 'groupId', 'startsOn', 'endsOn'])
    .where('studentId', '=', studentId)
    .where('groupId', 'in', groupIds.length ? groupIds : [-1])
    .orderBy('startsOn')
    .orderBy('id')
    .execute();
}

/** Of the given students, those in a whole-class group of the year on a date (and their class). */
export function inClassesOn(db: Db, schoolId: number, yearId: number, studentIds: number[], on: string) {
  return db
    .selectFrom('groupMemberships')
    .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
    .select(['groupMemberships.studentId', 'groups.classId'])
    .where('groups.kind', '=', 'class')
    .where('groups.schoolId', '=', schoolId)
    .where('groups.academicYearId', '=', yearId)
    .where('groupMemberships.studentId', 'in', studentIds.length ? studentIds : [-1])
    .where('groupMemberships.startsOn', '<=', on)
    .where((eb) =>
      eb.or([eb('groupMemberships.endsOn', 'is', null), eb('groupMemberships.endsOn', '>=', on)]),
    )
    .execute();
}
