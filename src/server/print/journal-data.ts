import type { Db } from '../access/actor.ts';
import { parseColumns } from '../journal/add-column.ts';
import { attendanceSymbol } from '../journal/journal.present.ts';
import { hasExams } from '../journal/journal.queries.ts';
import type { JournalPrint } from './print-request.ts';

/** A person's full name in Russian order. */
export interface FullName {
  lastName: string;
  firstName: string;
  middleName: string;
}

/** A date span of a student in a group (endsOn null: still there). */
export interface Span {
  startsOn: string;
  endsOn: string | null;
}

/** A student of a course's page: name and the days they were in the group. */
export interface JournalStudent extends FullName {
  id: number;
  spans: Span[];
}

/** A held lesson as the journal's right page lists it. */
export interface JournalLesson {
  id: number;
  date: string;
  lessonNumber: number;
  topic: string | null;
  homework: string | null;
  /** The kinds of work of its mark columns other than the default one («Контрольная работа»). */
  workKinds: string[];
}

/** A period whose marks the left page shows in a column of their own. */
export interface JournalPeriod {
  id: number;
  name: string;
  kind: 'term' | 'year' | 'exam' | 'final';
  startsOn: string;
  endsOn: string;
}

/** One course of the journal with everything its pages show. */
export interface JournalCourse {
  id: number;
  subject: string;
  /** The subgroup or cross-class group's name; null for the whole class. */
  group: string | null;
  teacher: FullName;
  secondTeacher: FullName | null;
  students: JournalStudent[];
  lessons: JournalLesson[];
  /** What a cell shows (marks, then attendance: «5 4», «н»), by `${lessonId}:${studentId}`. */
  cells: Map<string, string>;
  /** Period marks by `${periodId}:${studentId}`. */
  periodMarks: Map<string, string>;
}

/** The class journal's data: the class, the printed span and its courses in subject order. */
export interface JournalData {
  school: string;
  grade: number;
  letter: string;
  year: { name: string; startsOn: string; endsOn: string };
  classTeacher: FullName | null;
  /** The printed period (null: the whole year) and the dates printed. */
  period: { name: string } | null;
  from: string;
  to: string;
  /** The term periods printed, then (for a year print) the year, exam and final periods. */
  periods: JournalPeriod[];
  courses: JournalCourse[];
}

/** Whether a student was in the group on a date. */
export function memberOn(spans: readonly Span[], date: string): boolean {
  return spans.some((s) => s.startsOn <= date && (s.endsOn === null || s.endsOn >= date));
}

/** The class, its year and teacher, and the periods the print shows. */
async function loadFrame(db: Db, print: JournalPrint) {
  const cls = await db
    .selectFrom('classes')
    .innerJoin('schools', 'schools.id', 'classes.schoolId')
    .innerJoin('academicYears as y', 'y.id', 'classes.academicYearId')
    .leftJoin('persons as t', 't.id', 'classes.classTeacherId')
    .select([
      'schools.name as school',
      'classes.grade',
      'classes.letter',
      'y.name as yearName',
      'y.startsOn',
      'y.endsOn',
      't.lastName',
      't.firstName',
      't.middleName',
    ])
    .where('classes.id', '=', print.classId)
    .executeTakeFirstOrThrow();
  const [all, scheme] = await Promise.all([
    db
      .selectFrom('periods')
      .select(['id', 'name', 'kind', 'scheme', 'startsOn', 'endsOn'])
      .where('academicYearId', '=', print.academicYearId)
      .orderBy('startsOn')
      .orderBy('number')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('gradeSchemes')
      .select('scheme')
      .where('academicYearId', '=', print.academicYearId)
      .where('grade', '=', cls.grade)
      .executeTakeFirst(),
  ]);
  const wanted = scheme?.scheme ?? 'quarters';
  let terms = all.filter((p) => p.kind === 'term' && p.scheme === wanted);
  if (terms.length === 0) terms = all.filter((p) => p.kind === 'term');
  const chosen = print.periodId === null ? null : all.find((p) => p.id === print.periodId);
  if (print.periodId !== null && !chosen) throw new Error(`period ${print.periodId} is not of the year`);
  const finalKinds = hasExams(cls.grade) ? ['year', 'exam', 'final'] : ['year'];
  const periods = chosen ? [chosen] : [...terms, ...all.filter((p) => finalKinds.includes(p.kind))];
  return {
    school: cls.school,
    grade: cls.grade,
    letter: cls.letter,
    year: { name: cls.yearName, startsOn: cls.startsOn, endsOn: cls.endsOn },
    classTeacher:
      cls.lastName === null
        ? null
        : { lastName: cls.lastName, firstName: cls.firstName ?? '', middleName: cls.middleName ?? '' },
    period: chosen ? { name: chosen.name } : null,
    from: chosen?.startsOn ?? cls.startsOn,
    to: chosen?.endsOn ?? cls.endsOn,
    periods: periods.map(({ scheme: _, ...p }) => p),
  };
}

/**
 * The class journal of a print: the class and its courses (the print's, or every course of the
 * class's journal) in subject order, each with its students by the days they were in the group
 * (a cross-class group: only this class's students), its held lessons, the live marks and
 * attendance as the cells show them, and the period marks. Reads only.
 */
export async function loadJournal(
  db: Db,
  print: JournalPrint,
  courseIds: readonly number[],
): Promise<JournalData> {
  const frame = await loadFrame(db, print);
  const courses: JournalCourse[] = [];
  if (courseIds.length === 0) return { ...frame, courses };
  const { from, to } = frame;
  const rows = await db
    .selectFrom('courses')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('persons as t', 't.id', 'courses.teacherId')
    .leftJoin('persons as s', 's.id', 'courses.secondTeacherId')
    .select([
      'courses.id',
      'courses.groupId',
      'courses.subjectId',
      'groups.kind',
      'groups.name as groupName',
      'subjects.name as subject',
      'subjects.sortOrder',
      't.lastName',
      't.firstName',
      't.middleName',
      's.lastName as sLast',
      's.firstName as sFirst',
      's.middleName as sMiddle',
    ])
    .where('courses.id', 'in', [...courseIds])
    .orderBy('subjects.sortOrder')
    .orderBy('subjects.name')
    .orderBy('groups.name')
    .orderBy('courses.id')
    .execute();
  const classMembers = await db
    .selectFrom('groupMemberships as gm')
    .innerJoin('groups as g', 'g.id', 'gm.groupId')
    .select('gm.studentId')
    .distinct()
    .where('g.classId', '=', print.classId)
    .where('g.kind', '=', 'class')
    .execute();
  const ofClass = new Set(classMembers.map((r) => r.studentId));
  const workKinds = await db
    .selectFrom('workKinds')
    .select(['id', 'name', 'archivedAt'])
    .where('schoolId', '=', print.schoolId)
    .orderBy('id')
    .execute();
  const kindName = new Map(workKinds.map((k) => [k.id, k.name]));
  const defaultKind = workKinds.find((k) => k.archivedAt === null)?.id;
  // Courses are read at once: on PostgreSQL over several connections.
  const loaded = await Promise.all(
    rows.map((row) => loadCourse(db, row, from, to, frame.periods, kindName, defaultKind)),
  );
  rows.forEach((row, i) => {
    const course = loaded[i]!;
    if (row.kind === 'cross') course.students = course.students.filter((s) => ofClass.has(s.id));
    courses.push(course);
  });
  return { ...frame, courses };
}

interface CourseRow {
  id: number;
  kind: 'class' | 'subgroup' | 'cross';
  groupName: string;
  groupId: number;
  subjectId: number;
  subject: string;
  lastName: string;
  firstName: string;
  middleName: string;
  sLast: string | null;
  sFirst: string | null;
  sMiddle: string | null;
}

/** One course's students, lessons, cells and period marks from `from` to `to`. */
async function loadCourse(
  db: Db,
  row: CourseRow,
  from: string,
  to: string,
  periods: readonly JournalPeriod[],
  kindName: ReadonlyMap<number, string>,
  defaultKind: number | undefined,
): Promise<JournalCourse> {
  const held = (q: Db) =>
    q
      .selectFrom('lessons')
      .where('lessons.courseId', '=', row.id)
      .where('lessons.date', '>=', from)
      .where('lessons.date', '<=', to)
      .where('lessons.cancelledAt', 'is', null);
  const [memberships, lessons, marks, attendance, periodMarks] = await Promise.all([
    db
      .selectFrom('groupMemberships as gm')
      .innerJoin('persons as p', 'p.id', 'gm.studentId')
      .select(['p.id', 'p.lastName', 'p.firstName', 'p.middleName', 'gm.startsOn', 'gm.endsOn'])
      .where('gm.groupId', '=', row.groupId)
      .where('gm.startsOn', '<=', to)
      .where((eb) => eb.or([eb('gm.endsOn', 'is', null), eb('gm.endsOn', '>=', from)]))
      .orderBy('p.sortKey')
      .orderBy('p.id')
      .orderBy('gm.startsOn')
      .execute(),
    held(db)
      .select(['id', 'date', 'lessonNumber', 'topic', 'homework', 'markColumns'])
      .orderBy('date')
      .orderBy('lessonNumber')
      .orderBy('id')
      .execute(),
    held(db)
      .innerJoin('marks', 'marks.lessonId', 'lessons.id')
      .select(['marks.lessonId', 'marks.studentId', 'marks.value', 'marks.workKindId'])
      .where('marks.deletedAt', 'is', null)
      .orderBy('marks.lessonId')
      .orderBy('marks.workKindId')
      .orderBy('marks.id')
      .execute(),
    held(db)
      .innerJoin('attendance', 'attendance.lessonId', 'lessons.id')
      .select(['attendance.lessonId', 'attendance.studentId', 'attendance.value', 'attendance.reason'])
      .where('attendance.deletedAt', 'is', null)
      .orderBy('attendance.id')
      .execute(),
    periods.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('periodMarks')
          .select(['studentId', 'periodId', 'value'])
          .where('subjectId', '=', row.subjectId)
          .where(
            'periodId',
            'in',
            periods.map((p) => p.id),
          )
          .where('deletedAt', 'is', null)
          .where((eb) => eb.or([eb('courseId', '=', row.id), eb('courseId', 'is', null)]))
          .orderBy('id')
          .execute(),
  ]);
  const students: JournalStudent[] = [];
  for (const m of memberships) {
    const last = students.at(-1);
    const span = { startsOn: m.startsOn, endsOn: m.endsOn };
    if (last?.id === m.id) last.spans.push(span);
    else
      students.push({
        id: m.id,
        lastName: m.lastName,
        firstName: m.firstName,
        middleName: m.middleName,
        spans: [span],
      });
  }
  const spansOf = new Map(students.map((s) => [s.id, s.spans]));
  const dateOf = new Map(lessons.map((l) => [l.id, l.date]));
  const shown = (lessonId: number, studentId: number) => {
    const spans = spansOf.get(studentId);
    const date = dateOf.get(lessonId);
    return spans !== undefined && date !== undefined && memberOn(spans, date);
  };
  const cells = new Map<string, string>();
  const markKinds = new Map<number, Set<number>>();
  for (const m of marks) {
    const kinds = markKinds.get(m.lessonId) ?? new Set<number>();
    kinds.add(m.workKindId);
    markKinds.set(m.lessonId, kinds);
    if (!shown(m.lessonId, m.studentId)) continue;
    const key = `${m.lessonId}:${m.studentId}`;
    const before = cells.get(key);
    cells.set(key, before ? `${before} ${m.value}` : m.value);
  }
  for (const a of attendance) {
    if (!shown(a.lessonId, a.studentId)) continue;
    const symbol = attendanceSymbol(a) ?? '';
    const key = `${a.lessonId}:${a.studentId}`;
    const before = cells.get(key);
    cells.set(key, before ? `${before} ${symbol}` : symbol);
  }
  const inGroup = new Set(students.map((s) => s.id));
  const marksOfPeriods = new Map<string, string>();
  for (const p of periodMarks) {
    if (inGroup.has(p.studentId)) marksOfPeriods.set(`${p.periodId}:${p.studentId}`, p.value);
  }
  return {
    id: row.id,
    subject: row.subject,
    group: row.kind === 'class' ? null : row.groupName,
    teacher: { lastName: row.lastName, firstName: row.firstName, middleName: row.middleName },
    secondTeacher:
      row.sLast === null
        ? null
        : { lastName: row.sLast, firstName: row.sFirst ?? '', middleName: row.sMiddle ?? '' },
    students,
    lessons: lessons.map((l) => ({
      id: l.id,
      date: l.date,
      lessonNumber: l.lessonNumber,
      topic: l.topic,
      homework: l.homework,
      workKinds: lessonKinds(l.markColumns, markKinds.get(l.id), defaultKind, kindName),
    })),
    cells,
    periodMarks: marksOfPeriods,
  };
}

/** The names of a lesson's kinds of work (its columns and its marks' kinds), the default one left out. */
function lessonKinds(
  columns: string | null,
  used: ReadonlySet<number> | undefined,
  defaultKind: number | undefined,
  kindName: ReadonlyMap<number, string>,
): string[] {
  const ids = new Set<number>(parseColumns(columns) ?? []);
  for (const id of used ?? []) ids.add(id);
  return [...ids]
    .filter((id) => id !== defaultKind)
    .sort((a, b) => a - b)
    .flatMap((id) => kindName.get(id) ?? []);
}
