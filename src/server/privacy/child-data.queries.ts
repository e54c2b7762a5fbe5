import type { Db } from '../access/actor.ts';

/** A child's card: person fields, personal file, live parents (names and kind only), groups. */
export async function loadChildCard(db: Db, studentId: number) {
  const [person, file, guardians, groups] = await Promise.all([
    db
      .selectFrom('persons')
      .select([
        'lastName',
        'firstName',
        'middleName',
        'sex',
        'birthDate',
        'email',
        'phone',
        'address',
        'createdAt',
        'archivedAt',
      ])
      .where('id', '=', studentId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('studentProfiles')
      .select([
        'fileNumber',
        'healthGroup',
        'peGroup',
        'arrivedOn',
        'arrivalOrder',
        'departedOn',
        'departureOrder',
      ])
      .where('personId', '=', studentId)
      .executeTakeFirst(),
    db
      .selectFrom('guardianships')
      .innerJoin('persons as g', 'g.id', 'guardianships.guardianId')
      .select(['g.lastName', 'g.firstName', 'g.middleName'])
      .select(['guardianships.kind', 'guardianships.createdAt'])
      .where('guardianships.studentId', '=', studentId)
      .where('guardianships.archivedAt', 'is', null)
      .orderBy('guardianships.id')
      .execute(),
    db
      .selectFrom('groupMemberships')
      .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
      .leftJoin('classes', 'classes.id', 'groups.classId')
      .select(['groups.name', 'groups.kind', 'classes.grade', 'classes.letter'])
      .select(['groupMemberships.startsOn', 'groupMemberships.endsOn'])
      .where('groupMemberships.studentId', '=', studentId)
      .orderBy('groupMemberships.startsOn')
      .orderBy('groupMemberships.id')
      .execute(),
  ]);
  return { person, personalFile: file ?? null, guardians, groups };
}

/** A child's journal records: marks, attendance, period marks (deleted ones marked as such). */
export async function loadChildJournal(db: Db, studentId: number) {
  const [marks, attendance, periodMarks] = await Promise.all([
    db
      .selectFrom('marks')
      .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
      .innerJoin('workKinds', 'workKinds.id', 'marks.workKindId')
      .select(['lessons.date', 'subjects.name as subject', 'workKinds.name as workKind'])
      .select(['marks.value', 'marks.comment', 'marks.createdAt', 'marks.updatedAt', 'marks.deletedAt'])
      .where('marks.studentId', '=', studentId)
      .orderBy('lessons.date')
      .orderBy('marks.id')
      .execute(),
    db
      .selectFrom('attendance')
      .innerJoin('lessons', 'lessons.id', 'attendance.lessonId')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
      .select(['lessons.date', 'lessons.lessonNumber', 'subjects.name as subject'])
      .select(['attendance.value', 'attendance.reason', 'attendance.createdAt', 'attendance.deletedAt'])
      .where('attendance.studentId', '=', studentId)
      .orderBy('lessons.date')
      .orderBy('attendance.id')
      .execute(),
    db
      .selectFrom('periodMarks')
      .innerJoin('periods', 'periods.id', 'periodMarks.periodId')
      .innerJoin('subjects', 'subjects.id', 'periodMarks.subjectId')
      .select(['periods.name as period', 'subjects.name as subject'])
      .select(['periodMarks.value', 'periodMarks.createdAt', 'periodMarks.deletedAt'])
      .where('periodMarks.studentId', '=', studentId)
      .orderBy('periods.startsOn')
      .orderBy('periodMarks.id')
      .execute(),
  ]);
  return { marks, attendance, periodMarks };
}

/** What the family sent about the child: week acknowledgements and absence notices. */
export async function loadChildFamilyRecords(db: Db, studentId: number) {
  const [weekAcknowledgements, absenceNotices] = await Promise.all([
    db
      .selectFrom('weekAcknowledgements')
      .innerJoin('persons as g', 'g.id', 'weekAcknowledgements.guardianId')
      .select(['weekAcknowledgements.weekStart', 'weekAcknowledgements.at'])
      .select(['g.lastName', 'g.firstName', 'g.middleName'])
      .where('weekAcknowledgements.studentId', '=', studentId)
      .orderBy('weekAcknowledgements.weekStart')
      .orderBy('weekAcknowledgements.id')
      .execute(),
    db
      .selectFrom('absenceNotices')
      .select(['fromDate', 'toDate', 'reason', 'comment', 'createdAt', 'cancelledAt'])
      .where('studentId', '=', studentId)
      .orderBy('fromDate')
      .orderBy('id')
      .execute(),
  ]);
  return { weekAcknowledgements, absenceNotices };
}
