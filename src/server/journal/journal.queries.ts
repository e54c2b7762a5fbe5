import type { gridPeriod } from '../../contract/journal.ts';
import { parseSchoolSettings, type SchoolSettings } from '../../contract/settings.ts';
import { type MarkRules, twoMarksByDefault } from '../../domain/marks.ts';
import type { Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import { classesOfGroup, type JournalCourse } from './journal.policy.ts';

type GridPeriod = ReturnType<typeof gridPeriod.parse>;

/** What the journal's rules depend on: the subject, the class level and the school's settings. */
export interface CourseRules {
  settings: SchoolSettings;
  rules: MarkRules;
  /** The class level the course's period scheme follows (a cross-class group: its first class). */
  grade: number | null;
  /** The level is marked (grade 1 is not, by default); a cross-class group always is. */
  marked: boolean;
  classIds: number[];
  /** What the grid's header shows of the course. */
  names: { subject: string; group: string; className: string | null; teacher: string; hoursPerWeek: number };
}

/**
 * The rules of a course (scale, «+/−», «5/4», whether its class level is marked) and its names:
 * one query for a class's course.
 */
export async function courseRules(db: Db, course: JournalCourse): Promise<CourseRules> {
  const row = await db
    .selectFrom('courses')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('schools', 'schools.id', 'courses.schoolId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .leftJoin('classes', 'classes.id', 'groups.classId')
    .innerJoin('persons as t', 't.id', 'courses.teacherId')
    .select([
      'subjects.name',
      'subjects.twoMarks',
      'schools.settings',
      'classes.grade',
      'classes.letter',
      'groups.name as group',
      'courses.hoursPerWeek',
      't.lastName',
      't.firstName',
      't.middleName',
    ])
    .where('courses.id', '=', course.id)
    .executeTakeFirstOrThrow();
  const settings = parseSchoolSettings(row.settings);
  let grade = row.grade;
  let classIds = course.classId === null ? [] : [course.classId];
  if (course.classId === null) {
    classIds = await classesOfGroup(db, course.groupId, null);
    const classes = classIds.length
      ? await db.selectFrom('classes').select('grade').where('id', 'in', classIds).orderBy('grade').execute()
      : [];
    grade = classes[0]?.grade ?? null;
  }
  return {
    settings,
    rules: {
      scale: settings.markScale,
      plusMinus: settings.usePlusMinus,
      twoMarks: row.twoMarks === null ? twoMarksByDefault(row.name) : row.twoMarks === 1,
    },
    grade,
    marked: course.classId === null || (grade !== null && settings.markedGrades.includes(grade)),
    classIds,
    names: {
      subject: row.name,
      group: row.group,
      className: row.grade === null ? null : `${row.grade}${row.letter}`,
      teacher: shortName(row),
      hoursPerWeek: row.hoursPerWeek,
    },
  };
}

/** Whether a class level has exam and final marks (grades 9 and 11). */
export function hasExams(grade: number | null): boolean {
  return grade === 9 || grade === 11;
}

/** The periods of a course's year: its level's term periods, and the year, exam and final ones. */
export interface CoursePeriods {
  terms: GridPeriod[];
  finals: GridPeriod[];
}

/**
 * The term periods of the scheme the course's class level follows (quarters when the level has
 * none), the year period and, for grades 9 and 11, the exam and final periods; each marked closed
 * when closed for any of the course's classes.
 */
export async function coursePeriods(db: Db, course: JournalCourse, r: CourseRules): Promise<CoursePeriods> {
  const classIds = r.classIds;
  const [periods, scheme] = await Promise.all([
    db
      .selectFrom('periods')
      .select((eb) => [
        'periods.id',
        'periods.name',
        'periods.kind',
        'periods.scheme',
        'periods.startsOn',
        'periods.endsOn',
        (classIds.length
          ? eb.exists(
              eb
                .selectFrom('periodClosures')
                .select('periodClosures.id')
                .whereRef('periodClosures.periodId', '=', 'periods.id')
                .where('periodClosures.classId', 'in', classIds)
                .where('periodClosures.reopenedAt', 'is', null),
            )
          : eb.lit(0)
        ).as('closed'),
      ])
      .where('periods.academicYearId', '=', course.academicYearId)
      .orderBy('periods.startsOn')
      .orderBy('periods.number')
      .execute(),
    r.grade === null
      ? undefined
      : db
          .selectFrom('gradeSchemes')
          .select('scheme')
          .where('academicYearId', '=', course.academicYearId)
          .where('grade', '=', r.grade)
          .executeTakeFirst(),
  ]);
  const present = (p: (typeof periods)[number]): GridPeriod => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    closed: Boolean(p.closed),
  });
  const wanted = scheme?.scheme ?? 'quarters';
  let terms = periods.filter((p) => p.kind === 'term' && p.scheme === wanted);
  if (terms.length === 0) terms = periods.filter((p) => p.kind === 'term');
  const finalKinds = hasExams(r.grade) ? ['year', 'exam', 'final'] : ['year'];
  const finals = finalKinds.flatMap((kind) => periods.filter((p) => p.kind === kind));
  return { terms: terms.map(present), finals: finals.map(present) };
}

/** The period a grid opens on: the one holding today, else the last started, else the first. */
export function defaultPeriod<P extends { startsOn: string; endsOn: string }>(
  terms: P[],
  on = today(),
): P | undefined {
  return (
    terms.find((p) => p.startsOn <= on && p.endsOn >= on) ??
    terms.filter((p) => p.startsOn <= on).at(-1) ??
    terms[0]
  );
}

/** A student's memberships of a group, to check they were in it on a date or during a period. */
export function spansOf(db: Db, groupId: number, studentId: number) {
  return db
    .selectFrom('groupMemberships')
    .select(['startsOn', 'endsOn'])
    .where('groupId', '=', groupId)
    .where('studentId', '=', studentId)
    .execute();
}

/** The school's first live work kind: the default mark column of a lesson. */
export async function firstWorkKind(db: Db, schoolId: number): Promise<number | null> {
  const row = await db
    .selectFrom('workKinds')
    .select('id')
    .where('schoolId', '=', schoolId)
    .where('archivedAt', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
