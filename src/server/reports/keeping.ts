import type { z } from 'zod';
import type {
  KeepingEntry,
  keepingAnswer,
  keepingCourse,
  keepingLesson,
} from '../../contract/report-keeping.ts';
import { defaultNoHomeworkGrades } from '../../contract/settings.ts';
import {
  type JudgedLesson,
  judgeLesson,
  type KeepingCounts,
  problemsOf,
  tally,
} from '../../domain/keeping.ts';
import { weekdayOf } from '../../domain/school-days.ts';
import { deadlineOf } from '../../domain/timeliness.ts';
import type { Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { bellsOf } from '../diary/week.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import {
  heldLessons,
  lastLessonsOfClasses,
  personNames,
  transfersOf,
  writtenMarksOf,
  writtenMarkTimes,
} from './keeping.queries.ts';
import { type ReportScope, rangeOf, type ScopedCourse } from './report-scope.ts';

/** A held lesson in scope with what is missing and what is late. */
export interface LessonProblem extends JudgedLesson {
  lessonId: number;
  courseId: number;
  date: string;
  lessonNumber: number;
  /** Who gave the lesson (`lessons.teacherId`: a substitute, when there was one). */
  teacherId: number;
  missing: KeepingEntry[];
  late: KeepingEntry[];
}

/** How many problem lessons the report lists at most. */
export const lessonLimit = 500;

/** The last day a report looks at: the end of the range, but never after today. */
export function lastDayOf(scope: ReportScope): string {
  const on = today();
  return [scope.to, on].sort()[0] ?? on;
}

/** The time 'HH:MM' each lesson of a class ends, by weekday (working-day transfers followed). */
async function lessonEnds(db: Db, scope: ReportScope) {
  const [bells, transfers] = await Promise.all([
    bellsOf(db, scope.schoolId),
    transfersOf(db, scope.schoolId, scope.yearId),
  ]);
  // Looked up once per lesson of a year: by number, not by a key string built each time.
  const ends = new Map<number, Map<number, string>>();
  for (const [key, bell] of bells) {
    const [weekday, lessonNumber] = key.split(':').map(Number);
    if (weekday === undefined || lessonNumber === undefined) continue;
    const day = ends.get(weekday) ?? new Map<number, string>();
    day.set(lessonNumber, bell.endsAt);
    ends.set(weekday, day);
  }
  const weekdays = new Map<string, number>();
  return (date: string, grade: number | null, lessonNumber: number): string | null => {
    const transfer = transfers.length
      ? transfers.find(
          (t) => t.startsOn <= date && date <= t.endsOn && (t.grade === null || t.grade === grade),
        )
      : undefined;
    let weekday = transfer?.asWeekday ?? weekdays.get(date);
    if (weekday === undefined) {
      weekday = weekdayOf(date);
      weekdays.set(date, weekday);
    }
    return ends.get(weekday)?.get(lessonNumber) ?? null;
  };
}

/**
 * Every held lesson of the scope (not cancelled, dated from the scope's start to its end or today,
 * whichever is earlier) judged by the school's timeliness rules in its time zone. A handful of
 * set-based queries, whatever the number of lessons.
 */
export async function lessonProblems(db: Db, scope: ReportScope): Promise<LessonProblem[]> {
  const until = lastDayOf(scope);
  if (scope.courses.length === 0 || scope.from > until) return [];
  const courseIds = scope.courses.map((c) => c.id);
  const courseOf = new Map(scope.courses.map((c) => [c.id, c]));
  const classIds = [...new Set(scope.courses.flatMap((c) => (c.classId === null ? [] : [c.classId])))];
  const [lessons, lasts, marks, endOf] = await Promise.all([
    heldLessons(db, scope.schoolId, courseIds, scope.from, until),
    lastLessonsOfClasses(db, scope.schoolId, classIds, scope.from, until),
    writtenMarksOf(db, scope.schoolId, courseIds, scope.from, until),
    lessonEnds(db, scope),
  ]);
  const lastOf = new Map<number, Map<string, number>>();
  for (const r of lasts) {
    if (r.classId === null) continue;
    const days = lastOf.get(r.classId) ?? new Map<string, number>();
    days.set(r.date, Number(r.last));
    lastOf.set(r.classId, days);
  }
  const rules = scope.settings.timeliness;
  const timeZone = scope.settings.timeZone;
  const lessonDate = new Map(lessons.map((l) => [l.id, l.date]));
  const marksDeadline = (date: string) =>
    deadlineOf('marks', rules, { date, lastLessonEnd: null, timeZone }) ?? Number.POSITIVE_INFINITY;
  // Most lessons' marks are all on time: only those whose last mark is late are looked at mark by mark.
  const written = new Map(marks.map((m) => [m.lessonId, { n: Number(m.n), late: 0 }]));
  const suspects = marks
    .filter((m) => {
      const date = lessonDate.get(m.lessonId);
      return date !== undefined && m.lastAt !== null && Date.parse(String(m.lastAt)) >= marksDeadline(date);
    })
    .map((m) => m.lessonId);
  for (const m of await writtenMarkTimes(db, suspects)) {
    const date = lessonDate.get(m.lessonId);
    const w = written.get(m.lessonId);
    if (date !== undefined && w && Date.parse(m.createdAt) >= marksDeadline(date)) w.late += 1;
  }
  const noHomework = scope.settings.noHomeworkGrades ?? defaultNoHomeworkGrades;
  return lessons.map((l): LessonProblem => {
    const course = courseOf.get(l.courseId);
    const last =
      course?.classId != null
        ? Math.max(lastOf.get(course.classId)?.get(l.date) ?? 0, l.lessonNumber)
        : l.lessonNumber;
    const w = written.get(l.id);
    const judged = judgeLesson(
      {
        hasTopic: Number(l.hasTopic) === 1,
        hasHomework: Number(l.hasHomework) === 1,
        topicEnteredAt: l.topicEnteredAt,
        homeworkEnteredAt: l.homeworkEnteredAt,
        attendanceTakenAt: l.attendanceTakenAt,
        writtenMarks: w?.n ?? 0,
        lateMarks: w?.late ?? 0,
        homeworkExpected: !noHomework.includes(course?.grade ?? 0),
      },
      rules,
      { date: l.date, lastLessonEnd: endOf(l.date, course?.grade ?? null, last), timeZone },
    );
    return Object.assign(judged, {
      lessonId: l.id,
      courseId: l.courseId,
      date: l.date,
      lessonNumber: l.lessonNumber,
      teacherId: l.teacherId,
    });
  });
}

/** The scope's totals: held lessons, filled of expected entries, judged entries and the late ones. */
export async function keepingTotals(
  db: Db,
  scope: ReportScope,
): Promise<{ held: number; filled: number; expected: number; entries: number; lateEntries: number }> {
  const { held, filled, expected, entries, lateEntries } = tally(await lessonProblems(db, scope));
  return { held, filled, expected, entries, lateEntries };
}

/** Whether a judged lesson has anything to show in the problem list. */
export function hasProblem(l: LessonProblem): boolean {
  return problemsOf(l) > 0;
}

type CourseRow = z.infer<typeof keepingCourse>;

/** Per course of the scope with held lessons: its counts, worst (most problems per held lesson) first. */
export function courseRows(scope: ReportScope, problems: LessonProblem[]): CourseRow[] {
  const byCourse = new Map<number, LessonProblem[]>();
  for (const p of problems) {
    const list = byCourse.get(p.courseId);
    if (list) list.push(p);
    else byCourse.set(p.courseId, [p]);
  }
  const order = new Map(scope.courses.map((c, i) => [c.id, i]));
  return scope.courses
    .filter((c) => byCourse.has(c.id))
    .map((c) => ({ ...courseLabel(c), ...countsOnly(tally(byCourse.get(c.id) ?? [])) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.problems - a.problems ||
        (order.get(a.courseId) ?? 0) - (order.get(b.courseId) ?? 0),
    );
}

function courseLabel(c: ScopedCourse) {
  return {
    courseId: c.id,
    subject: c.subject,
    group: c.group,
    className: c.className,
    teacherId: c.teacherId,
    teacher: c.teacher,
  };
}

function countsOnly(c: KeepingCounts) {
  const {
    expected: _e,
    filled: _f,
    entries: _n,
    lateEntries: _l,
    completeness: _c,
    timeliness: _t,
    ...rest
  } = c;
  return rest;
}

/**
 * «Ведение журнала»: per course of the scope its missing and late entries (worst first), the
 * totals with completeness and timeliness, problems per teacher, and the problem lessons (newest
 * first, at most `lessonLimit`; with a course filter, that course's).
 */
export async function keepingAnswerOf(db: Db, scope: ReportScope): Promise<z.infer<typeof keepingAnswer>> {
  const problems = await lessonProblems(db, scope);
  const courses = courseRows(scope, problems);
  const perTeacher = new Map<
    number,
    { teacherId: number; teacher: string; held: number; problems: number }
  >();
  for (const row of courses) {
    const t = perTeacher.get(row.teacherId) ?? {
      teacherId: row.teacherId,
      teacher: row.teacher,
      held: 0,
      problems: 0,
    };
    t.held += row.held;
    t.problems += row.problems;
    perTeacher.set(row.teacherId, t);
  }
  const listed = problems
    .filter(hasProblem)
    .sort(
      (a, b) => b.date.localeCompare(a.date) || b.lessonNumber - a.lessonNumber || b.lessonId - a.lessonId,
    );
  const shown = listed.slice(0, lessonLimit);
  const names = new Map(
    (
      await personNames(
        db,
        shown.map((l) => l.teacherId),
      )
    ).map((p) => [p.id, shortName(p)]),
  );
  const courseOf = new Map(scope.courses.map((c) => [c.id, c]));
  return {
    range: rangeOf(scope),
    timeZone: scope.settings.timeZone,
    until: lastDayOf(scope),
    courses,
    totals: tally(problems),
    teachers: [...perTeacher.values()].sort(
      (a, b) => b.problems - a.problems || a.teacher.localeCompare(b.teacher, 'ru'),
    ),
    lessons: shown.map((l): z.infer<typeof keepingLesson> => {
      const c = courseOf.get(l.courseId);
      return {
        lessonId: l.lessonId,
        courseId: l.courseId,
        date: l.date,
        lessonNumber: l.lessonNumber,
        subject: c?.subject ?? '',
        group: c?.group ?? '',
        className: c?.className ?? null,
        teacherId: l.teacherId,
        teacher: names.get(l.teacherId) ?? '',
        missing: l.missing,
        late: l.late,
        lateMarks: l.lateMarks,
      };
    }),
    truncated: listed.length - shown.length,
  };
}
