import { z } from 'zod';
import { line } from './fields.ts';

const id = z.number().int().positive().max(2_147_483_647);
const queryId = z.coerce.number().int().positive().max(2_147_483_647);

/** Why a later change is made: required once the edit window (school setting) has passed. */
const editReason = line(1, 300).optional();

/** The kinds of absence a cell can hold. */
export const attendanceValues = ['absent', 'late'] as const;
/** Why a student was absent; the class teacher sets it (a teacher may type «б» for illness). */
export const absenceReasons = ['illness', 'excused', 'unexcused'] as const;

/** Why a course is in a teacher's list: own, second teacher, substituting, class, whole school. */
export const courseAccess = ['teacher', 'second', 'substitute', 'classTeacher', 'school'] as const;

/** A course in the list of journals. */
export const journalCourseItem = z.object({
  id: z.number(),
  subject: z.string(),
  group: z.string(),
  className: z.string().nullable(),
  teacher: z.string(),
  hoursPerWeek: z.number(),
  access: z.enum(courseAccess),
  canEdit: z.boolean(),
});

/** A lesson someone substitutes: the substitute writes only this lesson of the course. */
export const substitutionItem = z.object({
  lessonId: z.number(),
  courseId: z.number(),
  date: z.string(),
  lessonNumber: z.number(),
  subject: z.string(),
  group: z.string(),
});

/** `GET /api/journal/courses?classId=`: the journals the actor may open (a class's, if given). */
export const journalCoursesQuery = z.strictObject({ classId: queryId.optional() });
/** The journals and substituted lessons. */
export const journalCourseList = z.object({
  courses: z.array(journalCourseItem),
  substitutions: z.array(substitutionItem),
});

/** `GET /api/journal/courses/:id?periodId=`: the grid of a course for a study period (current by default). */
export const gridQuery = z.strictObject({ periodId: queryId.optional() });

/** A period the grid can show. */
export const gridPeriod = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['term', 'year', 'exam', 'final']),
  startsOn: z.string(),
  endsOn: z.string(),
  /** Closed for the course's class (or every class of a cross-class group): read-only. */
  closed: z.boolean(),
});

/** A row of the grid: a student, with the days they were in the group. */
export const gridStudent = z.object({
  id: z.number(),
  name: z.string(),
  spans: z.array(z.object({ startsOn: z.string(), endsOn: z.string().nullable() })),
});

/** A column group of the grid: one lesson, with the work kinds of its mark columns. */
export const gridLesson = z.object({
  id: z.number(),
  date: z.string(),
  lessonNumber: z.number(),
  topic: z.string().nullable(),
  homework: z.string().nullable(),
  /** Work kind ids of the mark columns, the first being the default. */
  columns: z.array(z.number()),
  attendanceTaken: z.boolean(),
  /** Given by someone other than the course's teachers. */
  substitute: z.string().nullable(),
  /** The actor may write this lesson's marks and attendance. */
  canEdit: z.boolean(),
  /** Past the edit window: a change needs a reason. */
  needsReason: z.boolean(),
});

/** A mark cell as stored; `version` is what the next save must send. */
export const markCell = z.object({
  lessonId: z.number(),
  studentId: z.number(),
  workKindId: z.number(),
  value: z.string(),
  comment: z.string().nullable(),
  version: z.number(),
});

/** A student's attendance at a lesson. */
export const attendanceCell = z.object({
  lessonId: z.number(),
  studentId: z.number(),
  value: z.enum(attendanceValues),
  reason: z.enum(absenceReasons).nullable(),
  version: z.number(),
});

/** A period, year, exam or final mark of a student. */
export const periodMarkCell = z.object({
  studentId: z.number(),
  periodId: z.number(),
  value: z.string(),
  version: z.number(),
});

/** The suggested period mark: the weighted average rounded at the school's thresholds. */
export const suggestion = z.object({
  studentId: z.number(),
  average: z.number().nullable(),
  suggested: z.string().nullable(),
});

/** The whole grid of a course for a period: everything the page needs in one answer. */
export const journalGrid = z.object({
  course: journalCourseItem.extend({ subjectId: z.number(), classId: z.number().nullable() }),
  period: gridPeriod,
  periods: z.array(gridPeriod),
  /** Year, exam and final columns shown beside the period mark (exam and final for grades 9 and 11). */
  finalPeriods: z.array(gridPeriod),
  workKinds: z.array(
    z.object({ id: z.number(), name: z.string(), shortName: z.string(), weight: z.number() }),
  ),
  rules: z.object({
    scale: z.enum(['five', 'pass']),
    plusMinus: z.boolean(),
    twoMarks: z.boolean(),
    editWindowDays: z.number(),
    /** Grade 1 and others the school does not mark: attendance only. */
    marked: z.boolean(),
  }),
  students: z.array(gridStudent),
  lessons: z.array(gridLesson),
  marks: z.array(markCell),
  attendance: z.array(attendanceCell),
  periodMarks: z.array(periodMarkCell),
  suggestions: z.array(suggestion),
  /** The actor may set period marks (course teacher, period not closed). */
  canSetPeriodMarks: z.boolean(),
});

/**
 * `POST /api/journal/marks`: set one mark cell. `value` '' clears it. `version` is the version the
 * client last saw (null: it saw the cell empty); a different current version answers 409 with it.
 */
export const markBody = z.strictObject({
  lessonId: id,
  studentId: id,
  workKindId: id,
  value: z.string().trim().max(10),
  comment: line(0, 500).nullable().optional(),
  version: z.number().int().min(0).nullable(),
  editReason,
});
/** `POST /api/journal/attendance`: set or clear (value null) one student's attendance at a lesson. */
export const attendanceBody = z.strictObject({
  lessonId: id,
  studentId: id,
  value: z.enum(attendanceValues).nullable(),
  reason: z.enum(absenceReasons).nullable().optional(),
  version: z.number().int().min(0).nullable(),
  editReason,
});
/**
 * `POST /api/journal/lessons/:id/attendance`: the whole column at once, and «attendance taken».
 * Each listed entry carries the version the client saw; `value` null marks the student present
 * (clears the entry). Students not listed are left as they are, never overwritten.
 */
export const attendanceColumnBody = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        studentId: id,
        value: z.enum(attendanceValues).nullable(),
        reason: z.enum(absenceReasons).nullable().optional(),
        version: z.number().int().min(0).nullable(),
      }),
    )
    .max(200),
  editReason,
});
/** `POST /api/journal/lessons/:id/columns`: open another mark column (e.g. «КР») in a lesson. */
export const columnBody = z.strictObject({ workKindId: id, editReason });
/** `POST /api/journal/period-marks`: set or clear ('') a period, year, exam or final mark. */
export const periodMarkBody = z.strictObject({
  courseId: id,
  studentId: id,
  periodId: id,
  value: z.string().trim().max(10),
  version: z.number().int().min(0).nullable(),
  editReason,
});

/** A saved mark; `cell` null when cleared. */
export const markSaved = z.object({ cell: markCell.nullable() });
/** A saved attendance entry; `cell` null when cleared (present). */
export const attendanceSaved = z.object({ cell: attendanceCell.nullable() });
/** A saved attendance column. */
export const attendanceColumnSaved = z.object({
  cells: z.array(attendanceCell),
  attendanceTakenAt: z.string(),
});
/** The lesson's mark columns after adding one. */
export const columnsSaved = z.object({ columns: z.array(z.number()) });
/** A saved period mark; `cell` null when cleared. */
export const periodMarkSaved = z.object({ cell: periodMarkCell.nullable() });

/** 409 on a cell: someone saved it first; `current` is what is stored now (null: empty). */
export const cellConflict = z.object({
  error: z.literal('conflict'),
  message: z.string(),
  current: z.union([markCell, attendanceCell, periodMarkCell]).nullable(),
  requestId: z.string(),
});

/** `GET /api/journal/history`: the history of one cell. */
export const historyQuery = z.strictObject({
  kind: z.enum(['mark', 'attendance', 'periodMark']),
  studentId: queryId,
  lessonId: queryId.optional(),
  workKindId: queryId.optional(),
  periodId: queryId.optional(),
  subjectId: queryId.optional(),
  /** For a period mark: the course whose journal it is seen from. */
  courseId: queryId.optional(),
});
/** One change of a cell: who, when, from → to, why, where from. */
export const historyEvent = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  comment: z.string().nullable(),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
});
/** The history, oldest first. */
export const historyAnswer = z.object({ events: z.array(historyEvent) });
