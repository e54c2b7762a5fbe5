import type { Db } from '../access/actor.ts';

/** Everything a OneRoster export of one school year reads, in plain rows (Kysely only, no access checks). */
export async function loadRosterYear(db: Db, schoolId: number, yearId: number) {
  const school = await db
    .selectFrom('schools')
    .leftJoin('districts', 'districts.id', 'schools.districtId')
    .select(['schools.id', 'schools.name', 'schools.districtId', 'districts.name as districtName'])
    .where('schools.id', '=', schoolId)
    .executeTakeFirstOrThrow();
  const year = await db
    .selectFrom('academicYears')
    .select(['id', 'name', 'startsOn', 'endsOn'])
    .where('id', '=', yearId)
    .executeTakeFirstOrThrow();
  const terms = await db
    .selectFrom('periods')
    .select(['id', 'scheme', 'number', 'name', 'startsOn', 'endsOn'])
    .where('academicYearId', '=', yearId)
    .where('kind', '=', 'term')
    .orderBy('startsOn')
    .orderBy('id')
    .execute();
  const gradeSchemes = await db
    .selectFrom('gradeSchemes')
    .select(['grade', 'scheme'])
    .where('academicYearId', '=', yearId)
    .execute();
  const classes = await db
    .selectFrom('classes')
    .select(['id', 'grade', 'letter', 'classTeacherId'])
    .where('academicYearId', '=', yearId)
    .orderBy('grade')
    .orderBy('letter')
    .execute();
  const groups = await db
    .selectFrom('groups')
    .select(['id', 'classId', 'kind', 'name'])
    .where('academicYearId', '=', yearId)
    .execute();
  const memberships = await db
    .selectFrom('groupMemberships')
    .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
    .select([
      'groupMemberships.id',
      'groupMemberships.groupId',
      'groupMemberships.studentId',
      'groupMemberships.startsOn',
      'groupMemberships.endsOn',
    ])
    .where('groups.academicYearId', '=', yearId)
    .orderBy('groupMemberships.id')
    .execute();
  const courses = await db
    .selectFrom('courses')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .select([
      'courses.id',
      'courses.subjectId',
      'subjects.name as subject',
      'courses.groupId',
      'courses.teacherId',
      'courses.secondTeacherId',
      'courses.hoursPerWeek',
    ])
    .where('courses.academicYearId', '=', yearId)
    .orderBy('courses.id')
    .execute();
  const workKinds = await db
    .selectFrom('workKinds')
    .select(['id', 'name', 'weight'])
    .where('schoolId', '=', schoolId)
    .orderBy('id')
    .execute();
  const roleRows = await db
    .selectFrom('roleAssignments')
    .select(['personId', 'role'])
    .where('schoolId', '=', schoolId)
    .where('revokedAt', 'is', null)
    .execute();
  const guardianships = await db
    .selectFrom('guardianships')
    .select(['guardianId', 'studentId', 'kind'])
    .where('schoolId', '=', schoolId)
    .where('archivedAt', 'is', null)
    .orderBy('id')
    .execute();
  const rosterIds = await db
    .selectFrom('rosterIds')
    .select(['entity', 'sourcedId', 'localId'])
    .where('schoolId', '=', schoolId)
    .orderBy('id')
    .execute();
  return {
    school,
    year,
    terms,
    gradeSchemes,
    classes,
    groups,
    memberships,
    courses,
    workKinds,
    roleRows,
    guardianships,
    rosterIds,
  };
}

/** The people an export names, with their login when they have a working account. */
export async function loadRosterPeople(db: Db, personIds: number[]) {
  const people = [];
  for (let i = 0; i < personIds.length; i += 500) {
    const chunk = personIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('persons')
      .leftJoin('studentProfiles', 'studentProfiles.personId', 'persons.id')
      .select([
        'persons.id',
        'persons.lastName',
        'persons.firstName',
        'persons.middleName',
        'persons.sortKey',
        'persons.email',
        'persons.phone',
        'studentProfiles.fileNumber',
      ])
      .where('persons.id', 'in', chunk)
      .execute();
    people.push(...rows);
  }
  const accounts = [];
  for (let i = 0; i < personIds.length; i += 500) {
    const chunk = personIds.slice(i, i + 500);
    accounts.push(
      ...(await db
        .selectFrom('accounts')
        .select(['personId', 'login'])
        .where('personId', 'in', chunk)
        .where('disabledAt', 'is', null)
        .execute()),
    );
  }
  return { people, accounts };
}

/** The marks of the year's courses that are not deleted, with their lesson's date, lesson by lesson. */
export async function loadRosterMarks(db: Db, courseIds: number[]) {
  const marks = [];
  for (let i = 0; i < courseIds.length; i += 200) {
    const chunk = courseIds.slice(i, i + 200);
    marks.push(
      ...(await db
        .selectFrom('marks')
        .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
        .select([
          'marks.id',
          'marks.lessonId',
          'marks.studentId',
          'marks.workKindId',
          'marks.value',
          'marks.comment',
          'lessons.courseId',
          'lessons.date',
        ])
        .where('lessons.courseId', 'in', chunk)
        .where('marks.deletedAt', 'is', null)
        .execute()),
    );
  }
  marks.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.lessonId - b.lessonId || a.id - b.id));
  return marks;
}
