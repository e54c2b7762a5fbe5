import type { Db } from '../access/actor.ts';

/** Splits a list of ids for `in (…)`: well under every engine's limit of bound values. */
export function chunks<T>(items: readonly T[], size = 900): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The held lessons of courses between two dates (not cancelled), with their entries and when made. */
export function heldLessons(db: Db, schoolId: number, courseIds: number[], from: string, until: string) {
  return db
    .selectFrom('lessons')
    .select((eb) => [
      'lessons.id',
      'lessons.courseId',
      'lessons.date',
      'lessons.lessonNumber',
      'lessons.teacherId',
      'lessons.topicEnteredAt',
      'lessons.homeworkEnteredAt',
      'lessons.attendanceTakenAt',
      eb
        .case()
        .when(eb.or([eb('lessons.topic', 'is', null), eb('lessons.topic', '=', '')]))
        .then(0)
        .else(1)
        .end()
        .as('hasTopic'),
      eb
        .case()
        .when(eb.or([eb('lessons.homework', 'is', null), eb('lessons.homework', '=', '')]))
        .then(0)
        .else(1)
        .end()
        .as('hasHomework'),
    ])
    .where('lessons.schoolId', '=', schoolId)
    .where('lessons.date', '>=', from)
    .where('lessons.date', '<=', until)
    .where('lessons.cancelledAt', 'is', null)
    .where('lessons.courseId', 'in', courseIds.length ? courseIds : [-1])
    .execute();
}

/** The number of the last lesson held by each class on each day between two dates. */
export function lastLessonsOfClasses(
  db: Db,
  schoolId: number,
  classIds: number[],
  from: string,
  until: string,
) {
  return db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .select(['groups.classId', 'lessons.date'])
    .select((eb) => eb.fn.max('lessons.lessonNumber').as('last'))
    .where('lessons.schoolId', '=', schoolId)
    .where('lessons.date', '>=', from)
    .where('lessons.date', '<=', until)
    .where('lessons.cancelledAt', 'is', null)
    .where('groups.classId', 'in', classIds.length ? classIds : [-1])
    .groupBy(['groups.classId', 'lessons.date'])
    .execute();
}

/** Per lesson of the courses: how many live marks for written works, and when the last was made. */
export function writtenMarksOf(db: Db, schoolId: number, courseIds: number[], from: string, until: string) {
  return (
    db
      .selectFrom('marks')
      .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
      .select('lessons.id as lessonId')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('marks.createdAt').as('lastAt')])
      .where('lessons.schoolId', '=', schoolId)
      .where('lessons.date', '>=', from)
      .where('lessons.date', '<=', until)
      .where('lessons.cancelledAt', 'is', null)
      .where('lessons.courseId', 'in', courseIds.length ? courseIds : [-1])
      // The kind is read off the marks' index, so only written-work marks are fetched.
      .where('marks.workKindId', 'in', (eb) =>
        eb
          .selectFrom('workKinds')
          .select('workKinds.id')
          .where('workKinds.schoolId', '=', schoolId)
          .where('workKinds.written', '=', 1),
      )
      .where('marks.deletedAt', 'is', null)
      // In the order SQLite reads the lessons (school, date, id): no sort of a year's marks to group them.
      .groupBy(['lessons.date', 'lessons.id'])
      .execute()
  );
}

/** When each live written-work mark of some lessons was first entered. */
export async function writtenMarkTimes(db: Db, lessonIds: number[]) {
  const rows: { lessonId: number; createdAt: string }[] = [];
  for (const ids of chunks(lessonIds))
    rows.push(
      ...(await db
        .selectFrom('marks')
        .innerJoin('workKinds', 'workKinds.id', 'marks.workKindId')
        .select(['marks.lessonId', 'marks.createdAt'])
        .where('marks.lessonId', 'in', ids)
        .where('workKinds.written', '=', 1)
        .where('marks.deletedAt', 'is', null)
        .execute()),
    );
  return rows;
}

/** Working-day transfers of a year: the days that follow another weekday's timetable and bells. */
export function transfersOf(db: Db, schoolId: number, yearId: number) {
  return db
    .selectFrom('calendarEntries')
    .select(['startsOn', 'endsOn', 'grade', 'asWeekday'])
    .where('schoolId', '=', schoolId)
    .where('academicYearId', '=', yearId)
    .where('kind', '=', 'workday')
    .where('asWeekday', 'is not', null)
    .execute();
}

/** Surname and initials parts of some persons. */
export async function personNames(db: Db, ids: number[]) {
  const rows: { id: number; lastName: string; firstName: string; middleName: string }[] = [];
  for (const part of chunks([...new Set(ids)]))
    rows.push(
      ...(await db
        .selectFrom('persons')
        .select(['id', 'lastName', 'firstName', 'middleName'])
        .where('id', 'in', part)
        .execute()),
    );
  return rows;
}
