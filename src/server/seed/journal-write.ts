import type { Transaction } from 'kysely';
import { appendAuditRows } from '../audit/append-audit.ts';
import type { DB } from '../db/schema.ts';
import { batchOf, insertReturningIds } from './batches.ts';
import { type BulkColumn, insertFromJson } from './journal-bulk.ts';
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
const auditColumns: BulkColumn[] = [
  ['school_id', 'int'],
  ['at', 'timestamptz'],
  ['actor_id', 'int'],
  ['actor_kind', 'text'],
  ['action', 'text'],
  ['entity', 'text'],
  ['entity_id', 'text'],
  ['before', 'text'],
  ['after', 'text'],
  ['seq', 'int'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
];

/** The audit event a journal use case writes for a new row (the seed writes the same shape). */
function audit(
  schoolId: number,
  entity: string,
  action: string,
  id: number,
  at: string,
  by: number,
  after: unknown,
) {
  return {
    schoolId,
    at,
    actorId: by,
    actorKind: 'person' as const,
    action,
    entity,
    entityId: String(id),
    before: null,
    after: JSON.stringify(after),
    ip: null,
    requestId: null,
  };
}

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
): Promise<JournalCounts> {
  const { schoolId } = scope;
  const source = await loadJournalSource(trx, scope);
  const j = planJournal(source, today, seed);
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
  const stamps = (r: { at: string; by: number }) => ({ schoolId, createdAt: r.at, createdBy: r.by });
  const attendanceIds = await insertFromJson(
    trx,
    'attendance',
    attendanceColumns,
    j.attendance.map((a) => [schoolId, a.lessonId, a.studentId, a.value, a.reason, a.at, a.by]),
    true,
  );
  const markIds = await insertFromJson(
    trx,
    'marks',
    markColumns,
    j.marks.map((m) => [schoolId, m.lessonId, m.studentId, m.workKindId, m.value, m.comment, m.at, m.by]),
    true,
  );
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
  const events = [
    ...j.attendance.map((a, i) =>
      audit(schoolId, 'attendance', 'journal.attendance.set', attendanceIds[i] ?? 0, a.at, a.by, {
        value: a.value,
        reason: a.reason,
      }),
    ),
    ...j.marks.map((m, i) =>
      audit(schoolId, 'mark', 'journal.mark.set', markIds[i] ?? 0, m.at, m.by, {
        value: m.value,
        comment: m.comment,
      }),
    ),
    ...j.periodMarks.map((p, i) =>
      audit(schoolId, 'periodMark', 'journal.periodMark.set', periodMarkIds[i] ?? 0, p.at, p.by, {
        value: p.value,
      }),
    ),
    ...j.closures.map((c, i) =>
      audit(schoolId, 'periodClosure', 'journal.period.close', closureIds[i] ?? 0, c.at, c.by, {
        periodId: c.periodId,
        period: c.period,
        classId: c.classId,
        class: c.className,
        closedAt: c.at,
      }),
    ),
  ];
  // Hashed in memory as they are chained, then written in bulk like the journal rows themselves.
  await appendAuditRows(trx, events, (_, rows) =>
    insertFromJson(
      trx,
      'audit_events',
      auditColumns,
      rows.map((e) => [
        e.schoolId,
        e.at,
        e.actorId,
        e.actorKind,
        e.action,
        e.entity,
        e.entityId,
        e.before,
        e.after,
        e.seq,
        e.prevHash,
        e.hash,
      ]),
    ).then(() => undefined),
  );
  return {
    planItems: j.items.length,
    filledLessons: j.fills.length,
    marks: j.marks.length,
    attendance: j.attendance.length,
    periodMarks: j.periodMarks.length,
    closures: j.closures.length,
  };
}
