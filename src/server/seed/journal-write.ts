import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { batchOf, idAt, insertReturningIds } from './batches.ts';
import { appendSeedEvents, type SeedEvent } from './journal-audit.ts';
import { type BulkColumn, bulkLoading, insertFromJson } from './journal-bulk.ts';
import { writeLessonPages } from './journal-lessons.ts';
import {
  Abilities,
  type AttendanceRow,
  courseAttendance,
  courseMarks,
  illnessDays,
  type MarkRow,
  type SubjectMark,
} from './journal-marks.ts';
import { closePastPeriods } from './journal-periods.ts';
import { fillLessons, type LessonFill, type PlanItemRow, planCourse, Random } from './journal-plan.ts';
import { type JournalSource, loadJournalSource } from './journal-source.ts';

/** What the journal generator wrote. */
export interface JournalCounts {
  planItems: number;
  filledLessons: number;
  marks: number;
  attendance: number;
  periodMarks: number;
  closures: number;
}

const planItemColumns: BulkColumn[] = [
  ['school_id', 'int'],
  ['course_id', 'int'],
  ['position', 'int'],
  ['section', 'text'],
  ['topic', 'text'],
  ['hours', 'float8'],
  ['control_kind', 'text'],
  ['planned_on', 'date'],
];
const cellStamps: BulkColumn[] = [
  ['created_at', 'timestamptz'],
  ['created_by', 'int'],
];
const attendanceColumns: BulkColumn[] = [
  ['school_id', 'int'],
  ['lesson_id', 'int'],
  ['student_id', 'int'],
  ['value', 'text'],
  ['reason', 'text'],
  ...cellStamps,
];
const markColumns: BulkColumn[] = [
  ['school_id', 'int'],
  ['lesson_id', 'int'],
  ['student_id', 'int'],
  ['work_kind_id', 'int'],
  ['value', 'text'],
  ['comment', 'text'],
  ...cellStamps,
];
/** The journal of a school's year in memory: КТП, lesson pages, attendance, marks, period marks, closures. */
export function planJournal(source: JournalSource, today: string, seed: number) {
  const random = new Random(seed);
  const items: PlanItemRow[] = [];
  const fills = new Map<number, LessonFill[]>();
  for (const course of source.courses) {
    const lessons = source.lessons.get(course.id) ?? [];
    const plan = planCourse(course, lessons);
    fills.set(course.id, fillLessons(course, lessons, plan, items.length, today, random));
    items.push(...plan);
  }
  const days = [...new Set([...fills.values()].flatMap((f) => f.map((x) => x.lesson.date)))].sort();
  const students = [
    ...new Set([...source.members.values()].flatMap((ms) => ms.map((m) => m.studentId))),
  ].sort((a, b) => a - b);
  const ill = illnessDays(students, days, random);
  const abilities = new Abilities(random);
  const context = {
    markedGrades: source.settings.markedGrades,
    plusMinus: source.settings.usePlusMinus,
    workKinds: source.workKinds,
    today,
    random,
  };
  const attendance: AttendanceRow[] = [];
  const marks: MarkRow[] = [];
  const columns = new Map<number, number[]>();
  const subjectMarks: SubjectMark[] = [];
  const weightOf = new Map(source.workKinds.map((k) => [k.id, k.weight]));
  for (const course of source.courses) {
    const courseFills = fills.get(course.id) ?? [];
    const members = source.members.get(course.groupId) ?? [];
    const rows = courseAttendance(courseFills, members, ill, today, random);
    attendance.push(...rows);
    const absent = new Map<number, Set<number>>();
    for (const r of rows) {
      if (r.value !== 'absent') continue;
      const set = absent.get(r.lessonId);
      if (set) set.add(r.studentId);
      else absent.set(r.lessonId, new Set([r.studentId]));
    }
    const got = courseMarks(course, courseFills, members, absent, abilities, context);
    marks.push(...got.marks);
    for (const [lessonId, ids] of got.columns) columns.set(lessonId, ids);
    const dateOf = new Map(courseFills.map((f) => [f.lesson.id, f.lesson.date]));
    for (const m of got.marks) {
      const date = dateOf.get(m.lessonId) ?? '';
      subjectMarks.push({ ...m, subjectId: course.subjectId, date, weight: weightOf.get(m.workKindId) ?? 1 });
    }
  }
  const { periodMarks, closures } = closePastPeriods(source, subjectMarks, today, random);
  return { items, fills: [...fills.values()].flat(), attendance, marks, columns, periodMarks, closures };
}

/** How many times `writeJournal` calls `step`. */
export const journalSteps = 6;

/**
 * Fills the journal of a seeded school's year up to `today` (see `planJournal`), writing rows in
 * batches with one audit event per mark, attendance entry, period mark and closure, in the shape
 * the journal's use cases write. Batches, not use-case calls: ≈10⁵ cells per school one by one
 * would take minutes.
 */
export async function writeJournal(
  trx: Transaction<DB>,
  scope: { schoolId: number; academicYearId: number },
  today: string,
  seed: number,
  step: (label: string) => void = () => {},
): Promise<JournalCounts> {
  const { schoolId } = scope;
  const source = await loadJournalSource(trx, scope);
  const j = planJournal(source, today, seed);
  step('журнал: расчёт');
  await bulkLoading(trx, true);
  const itemIds = await insertFromJson(
    trx,
    'plan_items',
    planItemColumns,
    j.items.map((i) => [
      schoolId,
      i.courseId,
      i.position,
      i.section,
      i.topic,
      i.hours,
      i.controlKind,
      i.plannedOn,
    ]),
    true,
  );
  await writeLessonPages(
    trx,
    j.fills.map((f) => {
      const columns = j.columns.get(f.lesson.id);
      return {
        id: f.lesson.id,
        planItemId: itemIds[f.planItem] ?? null,
        topic: f.topic,
        lessonKind: f.lessonKind,
        homework: f.homework,
        homeworkDueOn: f.homeworkDueOn,
        topicEnteredAt: f.topicEnteredAt,
        homeworkEnteredAt: f.homeworkEnteredAt,
        attendanceTakenAt: f.attendanceTakenAt,
        markColumns: columns ? JSON.stringify(columns) : null,
      };
    }),
  );
  step('журнал: КТП и страницы уроков');
  const stamps = (r: { at: string; by: number }) => ({ schoolId, createdAt: r.at, createdBy: r.by });
  const attendanceIds = await insertFromJson(
    trx,
    'attendance',
    attendanceColumns,
    j.attendance.map((a) => [schoolId, a.lessonId, a.studentId, a.value, a.reason, a.at, a.by]),
    true,
  );
  step('журнал: посещаемость');
  const markIds = await insertFromJson(
    trx,
    'marks',
    markColumns,
    j.marks.map((m) => [schoolId, m.lessonId, m.studentId, m.workKindId, m.value, m.comment, m.at, m.by]),
    true,
  );
  step('журнал: отметки');
  const periodMarkIds = await insertReturningIds(
    j.periodMarks,
    (batch) =>
      trx
        .insertInto('periodMarks')
        .values(
          batch.map((p) => ({
            ...stamps(p),
            studentId: p.studentId,
            subjectId: p.subjectId,
            courseId: p.courseId,
            periodId: p.periodId,
            value: p.value,
          })),
        )
        .returning('id')
        .execute(),
    batchOf(8),
  );
  const closureIds = await insertReturningIds(j.closures, (batch) =>
    trx
      .insertInto('periodClosures')
      .values(
        batch.map((c) => ({
          schoolId,
          periodId: c.periodId,
          classId: c.classId,
          closedAt: c.at,
          closedBy: c.by,
        })),
      )
      .returning('id')
      .execute(),
  );
  step('журнал: итоговые отметки');
  const events: SeedEvent[] = [];
  const event = (
    entity: string,
    action: string,
    id: number,
    r: { at: string; by: number },
    after: unknown,
  ) => {
    events.push({ action, entity, entityId: id, at: r.at, by: r.by, after: JSON.stringify(after) });
  };
  for (const [i, a] of j.attendance.entries())
    event('attendance', 'journal.attendance.set', idAt(attendanceIds, i), a, {
      value: a.value,
      reason: a.reason,
    });
  for (const [i, m] of j.marks.entries())
    event('mark', 'journal.mark.set', idAt(markIds, i), m, { value: m.value, comment: m.comment });
  for (const [i, p] of j.periodMarks.entries())
    event('periodMark', 'journal.periodMark.set', idAt(periodMarkIds, i), p, { value: p.value });
  for (const [i, c] of j.closures.entries()) {
    const after = {
      periodId: c.periodId,
      period: c.period,
      classId: c.classId,
      class: c.className,
      closedAt: c.at,
    };
    event('periodClosure', 'journal.period.close', idAt(closureIds, i), c, after);
  }
  await bulkLoading(trx, false);
  await appendSeedEvents(trx, schoolId, events);
  step('журнал: история изменений');
  return {
    planItems: j.items.length,
    filledLessons: j.fills.length,
    marks: j.marks.length,
    attendance: j.attendance.length,
    periodMarks: j.periodMarks.length,
    closures: j.closures.length,
  };
}
