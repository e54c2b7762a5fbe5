import { parseSchoolSettings, type SchoolSettings } from '../../contract/settings.ts';
import { twoMarksByDefault } from '../../domain/marks.ts';
import type { Db } from '../access/actor.ts';
import type { Membership, SourceWorkKind } from './journal-marks.ts';
import type { SourceCourse, SourceLesson } from './journal-plan.ts';

/** A study term of a scheme. */
export interface SourcePeriod {
  id: number;
  name: string;
  scheme: string;
  startsOn: string;
  endsOn: string;
}

/** Everything of one school's year the journal generator reads. */
export interface JournalSource {
  settings: SchoolSettings;
  workKinds: SourceWorkKind[];
  courses: SourceCourse[];
  /** Held lessons by course, in date and lesson-number order. */
  lessons: Map<number, SourceLesson[]>;
  /** Memberships by group. */
  members: Map<number, Membership[]>;
  /** Terms (not the year, exams or finals). */
  periods: SourcePeriod[];
  schemeOfGrade: Map<number, string>;
  classes: { id: number; grade: number; letter: string }[];
  /** Who closes periods: the school's first deputy (else its director). */
  closerId: number | null;
}

const dateText = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

/** Reads a school's year for the journal generator: courses of class groups, lessons, members, terms. */
export async function loadJournalSource(
  db: Db,
  scope: { schoolId: number; academicYearId: number },
): Promise<JournalSource> {
  const school = await db
    .selectFrom('schools')
    .select('settings')
    .where('id', '=', scope.schoolId)
    .executeTakeFirstOrThrow();
  const workKinds = await db
    .selectFrom('workKinds')
    .select(['id', 'name', 'weight'])
    .where('schoolId', '=', scope.schoolId)
    .where('archivedAt', 'is', null)
    .orderBy('id')
    .execute();
  const courseRows = await db
    .selectFrom('courses')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('classes', 'classes.id', 'groups.classId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .select([
      'courses.id',
      'courses.subjectId',
      'subjects.name as subject',
      'subjects.twoMarks',
      'classes.grade',
      'courses.groupId',
      'groups.classId',
      'courses.teacherId',
      'courses.hoursPerWeek',
    ])
    .where('courses.schoolId', '=', scope.schoolId)
    .where('courses.academicYearId', '=', scope.academicYearId)
    .where('courses.archivedAt', 'is', null)
    .orderBy('courses.id')
    .execute();
  const courses = courseRows.map((c) => ({
    ...c,
    twoMarks: c.twoMarks === null ? twoMarksByDefault(c.subject) : c.twoMarks === 1,
  }));
  const ids = new Set(courses.map((c) => c.id));
  const lessonRows = await db
    .selectFrom('lessons')
    .select(['id', 'courseId', 'date', 'lessonNumber', 'teacherId'])
    .where('schoolId', '=', scope.schoolId)
    .where('cancelledAt', 'is', null)
    .orderBy('courseId')
    .orderBy('date')
    .orderBy('lessonNumber')
    .execute();
  const lessons = new Map<number, SourceLesson[]>();
  for (const l of lessonRows) {
    if (!ids.has(l.courseId)) continue;
    const list = lessons.get(l.courseId) ?? [];
    list.push({ ...l, date: dateText(l.date) });
    lessons.set(l.courseId, list);
  }
  const memberRows = await db
    .selectFrom('groupMemberships')
    .select(['groupId', 'studentId', 'startsOn', 'endsOn'])
    .where('schoolId', '=', scope.schoolId)
    .orderBy('id')
    .execute();
  const members = new Map<number, Membership[]>();
  for (const m of memberRows) {
    const list = members.get(m.groupId) ?? [];
    list.push({
      studentId: m.studentId,
      startsOn: dateText(m.startsOn),
      endsOn: m.endsOn === null ? null : dateText(m.endsOn),
    });
    members.set(m.groupId, list);
  }
  const periods = await db
    .selectFrom('periods')
    .select(['id', 'name', 'scheme', 'startsOn', 'endsOn'])
    .where('academicYearId', '=', scope.academicYearId)
    .where('kind', '=', 'term')
    .orderBy('startsOn')
    .execute();
  const schemes = await db
    .selectFrom('gradeSchemes')
    .select(['grade', 'scheme'])
    .where('academicYearId', '=', scope.academicYearId)
    .execute();
  const classes = await db
    .selectFrom('classes')
    .select(['id', 'grade', 'letter'])
    .where('academicYearId', '=', scope.academicYearId)
    .where('archivedAt', 'is', null)
    .orderBy('id')
    .execute();
  const leaders = await db
    .selectFrom('roleAssignments')
    .select(['personId', 'role'])
    .where('schoolId', '=', scope.schoolId)
    .where('role', 'in', ['deputy', 'director'])
    .where('revokedAt', 'is', null)
    .orderBy('id')
    .execute();
  return {
    settings: parseSchoolSettings(school.settings),
    workKinds,
    courses,
    lessons,
    members,
    periods: periods.map((p) => ({ ...p, startsOn: dateText(p.startsOn), endsOn: dateText(p.endsOn) })),
    schemeOfGrade: new Map(schemes.map((s) => [s.grade, s.scheme])),
    classes,
    closerId: (leaders.find((l) => l.role === 'deputy') ?? leaders[0])?.personId ?? null,
  };
}
