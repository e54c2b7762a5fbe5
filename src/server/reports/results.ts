import { sql } from 'kysely';
import type { ResultsAnswer } from '../../contract/results.ts';
import { suggestMark } from '../../domain/marks.ts';
import {
  figuresOverMarks,
  figuresOverStudents,
  isResultMark,
  type ResultMark,
  type Standing,
  standings,
  standingsOf,
} from '../../domain/results.ts';
import type { Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { AppError } from '../http/app-error.ts';
import { type ReportScope, rangeOf, type ScopedCourse } from './report-scope.ts';
import { type ResultsPeriod, resultsPeriod, schemesOf } from './results-period.ts';

export { type ResultsPeriod, resultsPeriod } from './results-period.ts';

/** Names compared as Russians sort them (one collator: `localeCompare` with a locale builds one per call). */
const ru = new Intl.Collator('ru');

const singles = ['1', '2', '3', '4', '5'].flatMap((d) => [d, `${d}+`, `${d}-`]);

/**
 * Σ weight × mark and Σ weight of each student's marks in each subject in the dates, summed in SQL
 * in one scan. A mark «4-» is 3.75 and «4+» 4.25; a cell «5/4» (or «5-/4+») is two marks, its
 * second part read from the end of the text; «зач», «незач» and «.» do not count (as in `markNumbers`).
 */
export async function markSums(
  db: Db,
  scope: ReportScope,
  want: { subjectIds: number[]; studentIds: number[] | null },
  from: string,
  to: string,
) {
  const rows = await db
    .selectFrom('marks')
    .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('workKinds', 'workKinds.id', 'marks.workKindId')
    .select(['marks.studentId', 'courses.subjectId'])
    .select((eb) => {
      const v = eb.ref('marks.value');
      const w = eb.ref('workKinds.weight');
      const sign = (at: ReturnType<typeof sql>) =>
        sql`case ${at} when '+' then 0.25 when '-' then -0.25 else 0 end`;
      const last = sql`substr(${v}, length(${v}), 1)`;
      const first = sql`cast(substr(${v}, 1, 1) as integer) + ${sign(sql`substr(${v}, 2, 1)`)}`;
      const second = sql`case when ${last} in ('+', '-') then cast(substr(${v}, length(${v}) - 1, 1) as integer) else cast(${last} as integer) end + ${sign(last)}`;
      const twin = sql`${v} like '%/%'`;
      return [
        sql<number>`sum(${w} * (${first} + case when ${twin} then ${second} else 0 end))`.as('weighted'),
        sql<number>`sum(${w} * case when ${twin} then 2 else 1 end)`.as('weights'),
      ];
    })
    .where('lessons.schoolId', '=', scope.schoolId)
    .where('lessons.date', '>=', from)
    .where('lessons.date', '<=', to)
    .where('courses.academicYearId', '=', scope.yearId)
    .where('courses.subjectId', 'in', want.subjectIds)
    .where('marks.deletedAt', 'is', null)
    .where((eb) => eb.or([eb('marks.value', 'in', singles), eb('marks.value', 'like', '_%/_%')]))
    .$if(want.studentIds !== null, (q) => q.where('marks.studentId', 'in', want.studentIds!))
    .groupBy(['marks.studentId', 'courses.subjectId'])
    .execute();
  return new Map(
    rows.map((r) => [
      `${r.studentId}:${r.subjectId}`,
      { weighted: Number(r.weighted), weights: Number(r.weights) },
    ]),
  );
}

/** Who is on the roll of the scope's courses and of which class on a day. */
async function rollOf(db: Db, scope: ReportScope, on: string) {
  const groupIds = [...new Set(scope.courses.map((c) => c.groupId))];
  const [members, classMembers] = await Promise.all([
    db
      .selectFrom('groupMemberships')
      .select(['studentId', 'groupId'])
      .where('groupId', 'in', groupIds)
      .where('startsOn', '<=', on)
      .where((w) => w.or([w('endsOn', 'is', null), w('endsOn', '>=', on)]))
      .execute(),
    db
      .selectFrom('groupMemberships')
      .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
      .select(['groupMemberships.studentId', 'groups.classId', 'groupMemberships.startsOn'])
      .where('groups.schoolId', '=', scope.schoolId)
      .where('groups.academicYearId', '=', scope.yearId)
      .where('groups.kind', '=', 'class')
      .where('groupMemberships.startsOn', '<=', on)
      .where((w) => w.or([w('groupMemberships.endsOn', 'is', null), w('groupMemberships.endsOn', '>=', on)]))
      .orderBy('groupMemberships.startsOn')
      .execute(),
  ]);
  const classOf = new Map<number, number>();
  for (const m of classMembers) if (m.classId !== null) classOf.set(m.studentId, m.classId);
  return { members, classOf };
}

interface Entry {
  studentId: number;
  classId: number;
  course: ScopedCourse;
  mark: ResultMark;
  provisional: boolean;
}

/** The marks counted: one per student and subject, the period mark or else the suggested one. */
async function entriesOf(db: Db, scope: ReportScope, period: ResultsPeriod, rollOn: string) {
  const { classes, schemeOf } = await schemesOf(db, scope.schoolId, scope.yearId);
  const counted = new Map(
    classes
      .filter((c) => scope.settings.markedGrades.includes(c.grade))
      .filter((c) => period.kind !== 'term' || schemeOf(c.grade) === period.scheme)
      .map((c) => [c.id, { id: c.id, grade: c.grade, name: `${c.grade}${c.letter}` }]),
  );
  const subjectIds = [...new Set(scope.courses.map((c) => c.subjectId))];
  if (subjectIds.length === 0 || counted.size === 0)
    return { entries: [], counted, students: new Set<number>(), unmarked: 0 };
  const [{ members, classOf }, periodMarks] = await Promise.all([
    rollOf(db, scope, rollOn),
    db
      .selectFrom('periodMarks')
      .select(['studentId', 'subjectId', 'value'])
      .where('schoolId', '=', scope.schoolId)
      .where('periodId', '=', period.id)
      .where('subjectId', 'in', subjectIds)
      .where('deletedAt', 'is', null)
      .execute(),
  ]);
  const finals = new Map(periodMarks.map((p) => [`${p.studentId}:${p.subjectId}`, p.value]));
  const coursesOfGroup = new Map<number, ScopedCourse[]>();
  for (const c of scope.courses) coursesOfGroup.set(c.groupId, [...(coursesOfGroup.get(c.groupId) ?? []), c]);
  const seen = new Set<string>();
  const students = new Set<number>();
  const entries: Entry[] = [];
  const missing: { studentId: number; classId: number; course: ScopedCourse }[] = [];
  for (const m of members) {
    const classId = classOf.get(m.studentId);
    if (classId === undefined || !counted.has(classId)) continue;
    for (const course of coursesOfGroup.get(m.groupId) ?? []) {
      const key = `${m.studentId}:${course.subjectId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      students.add(m.studentId);
      const final = finals.get(key);
      if (final === undefined) missing.push({ studentId: m.studentId, classId, course });
      else if (isResultMark(final))
        entries.push({ studentId: m.studentId, classId, course, mark: final, provisional: false });
    }
  }
  let unmarked = 0;
  if (missing.length > 0) {
    const missingStudents = [...new Set(missing.map((x) => x.studentId))];
    const sums = await markSums(
      db,
      scope,
      {
        subjectIds: [...new Set(missing.map((x) => x.course.subjectId))],
        studentIds: missingStudents.length <= 200 ? missingStudents : null,
      },
      period.startsOn,
      period.endsOn,
    );
    for (const x of missing) {
      const sum = sums.get(`${x.studentId}:${x.course.subjectId}`);
      const average = sum && sum.weights > 0 ? sum.weighted / sum.weights : null;
      const suggested = suggestMark(average, scope.settings.roundingThresholds);
      if (suggested === null) unmarked += 1;
      else entries.push({ ...x, mark: suggested, provisional: true });
    }
  }
  return { entries, counted, students, unmarked };
}

function groupBy<K, V>(items: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const perStudent = (entries: Entry[]) =>
  [...groupBy(entries, (e) => e.studentId).values()].map((l) => l.map((e) => e.mark));
const provisionalOf = (entries: Entry[]) => entries.filter((e) => e.provisional).length;

/** The day whose roll is counted: the period's end, today while it runs, its start before it begins. */
function rollDay(period: ResultsPeriod): string {
  const on = today();
  if (on > period.endsOn) return period.endsOn;
  if (on < period.startsOn) return period.startsOn;
  return on;
}

/** The period of a scope, or 404 «no period». */
async function periodOf(db: Db, scope: ReportScope): Promise<ResultsPeriod> {
  const period = await resultsPeriod(db, scope.schoolId, scope.yearId, { periodId: scope.periodId });
  if (!period) throw new AppError('not_found', 'resultsNoPeriod');
  return period;
}

/**
 * Успеваемость, качество, СОУ and the mean mark of a period for a scope: over students for the
 * school and each class, over student×subject marks for each subject and teacher, and the lists
 * of students. A handful of set-based queries; the weighted averages are summed in SQL.
 */
export async function computeResults(db: Db, scope: ReportScope): Promise<ResultsAnswer> {
  const period = await periodOf(db, scope);
  const rollOn = rollDay(period);
  const { entries, counted, students, unmarked } = await entriesOf(db, scope, period, rollOn);
  const totals = figuresOverStudents(perStudent(entries));
  const byClass = [...groupBy(entries, (e) => e.classId)]
    .map(([classId, list]) => ({
      cls: counted.get(classId)!,
      list,
      onRoll: new Set(list.map((e) => e.studentId)),
    }))
    .sort((a, b) => a.cls.grade - b.cls.grade || ru.compare(a.cls.name, b.cls.name))
    .map(({ cls, list, onRoll }) => ({
      classId: cls.id,
      className: cls.name,
      students: onRoll.size,
      provisional: provisionalOf(list),
      ...figuresOverStudents(perStudent(list)),
    }));
  const bySubject = [...groupBy(entries, (e) => e.course.subjectId).values()]
    .sort(
      (a, b) =>
        a[0]!.course.subjectOrder - b[0]!.course.subjectOrder ||
        ru.compare(a[0]!.course.subject, b[0]!.course.subject),
    )
    .map((list) => ({
      subjectId: list[0]!.course.subjectId,
      subject: list[0]!.course.subject,
      provisional: provisionalOf(list),
      ...figuresOverMarks(list.map((e) => e.mark)),
    }));
  const byTeacher = [...groupBy(entries, (e) => e.course.teacherId).values()]
    .sort((a, b) => ru.compare(a[0]!.course.teacher, b[0]!.course.teacher))
    .map((list) => ({
      teacherId: list[0]!.course.teacherId,
      teacher: list[0]!.course.teacher,
      provisional: provisionalOf(list),
      ...figuresOverMarks(list.map((e) => e.mark)),
    }));
  return {
    range: { ...rangeOf(scope), from: period.startsOn, to: period.endsOn, periodId: period.id },
    period,
    rollOn,
    totals: { ...totals, students: students.size, provisional: provisionalOf(entries), unmarked },
    byClass,
    bySubject,
    byTeacher,
    lists: await listsOf(db, entries, counted),
  };
}

/** The lists with each student's name (Фамилия Имя) and class, in class and name order. */
async function listsOf(db: Db, entries: Entry[], counted: Map<number, { grade: number; name: string }>) {
  const byStudent = groupBy(entries, (e) => e.studentId);
  const placed = new Map<Standing, number[]>(standings.map((s) => [s, []]));
  for (const [studentId, list] of byStudent)
    for (const s of standingsOf(list.map((e) => e.mark))) placed.get(s)!.push(studentId);
  const ids = [...new Set([...placed.values()].flat())];
  const people = ids.length
    ? await db
        .selectFrom('persons')
        .select(['id', 'lastName', 'firstName', 'sortKey'])
        .where('id', 'in', ids)
        .execute()
    : [];
  const person = new Map(people.map((p) => [p.id, p]));
  const row = (studentId: number) => {
    const cls = counted.get(byStudent.get(studentId)![0]!.classId)!;
    const p = person.get(studentId)!;
    return {
      studentId,
      name: `${p.lastName} ${p.firstName}`,
      className: cls.name,
      grade: cls.grade,
      key: p.sortKey,
    };
  };
  const list = (s: Standing) =>
    placed
      .get(s)!
      .map(row)
      .sort(
        (a, b) =>
          a.grade - b.grade ||
          ru.compare(a.className, b.className) ||
          ru.compare(a.key, b.key) ||
          a.studentId - b.studentId,
      )
      .map(({ studentId, name, className }) => ({ studentId, name, className }));
  return {
    excellent: list('excellent'),
    good: list('good'),
    oneFour: list('oneFour'),
    oneThree: list('oneThree'),
    failing: list('failing'),
    notAssessed: list('notAssessed'),
  };
}

/** The school's (or scope's) totals of a period, for the dashboard and the district rollup. */
export async function resultsTotals(
  db: Db,
  scope: ReportScope,
): Promise<{
  assessed: number;
  successPct: number | null;
  qualityPct: number | null;
  sou: number | null;
  average: number | null;
}> {
  const period = await periodOf(db, scope);
  const { entries } = await entriesOf(db, scope, period, rollDay(period));
  const t = figuresOverStudents(perStudent(entries));
  return {
    assessed: t.assessed,
    successPct: t.successPct,
    qualityPct: t.qualityPct,
    sou: t.sou,
    average: t.average,
  };
}

/** The totals with the period, the students on the roll and the provisional count (district rollup). */
export async function resultsSummary(db: Db, scope: ReportScope) {
  const period = await periodOf(db, scope);
  const { entries, students } = await entriesOf(db, scope, period, rollDay(period));
  return {
    period,
    students: students.size,
    provisional: provisionalOf(entries),
    ...figuresOverStudents(perStudent(entries)),
  };
}
