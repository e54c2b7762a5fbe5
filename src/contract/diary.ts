import { z } from 'zod';
import { line } from './fields.ts';
import { absenceReasons, attendanceValues } from './journal.ts';

const queryId = z.coerce.number().int().positive().max(2_147_483_647);

/** A route about one student: `/api/diary/:studentId/…`. */
export const studentParams = z.strictObject({ studentId: queryId });
/** A homework file of a lesson in a student's diary. */
export const diaryFileParams = z.strictObject({ studentId: queryId, fileId: queryId });

/** `GET /api/diary/:studentId/week?date=`: the week holding the date (today when left out). */
export const weekQuery = z.strictObject({ date: z.iso.date().optional() });

/** A mark as the diary shows it. */
export const diaryMark = z.object({
  value: z.string(),
  workKind: z.string(),
  weight: z.number(),
  comment: z.string().nullable(),
});

/** A lesson of the week. */
export const diaryLesson = z.object({
  lessonId: z.number(),
  lessonNumber: z.number(),
  /** 'HH:MM', from the bell schedule, when known. */
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  subject: z.string(),
  teacher: z.string(),
  room: z.string().nullable(),
  topic: z.string().nullable(),
  homework: z.string().nullable(),
  homeworkDueOn: z.string().nullable(),
  files: z.array(z.object({ id: z.number(), name: z.string(), size: z.number() })),
  marks: z.array(diaryMark),
  attendance: z
    .object({ value: z.enum(attendanceValues), reason: z.enum(absenceReasons).nullable() })
    .nullable(),
  cancelled: z.boolean(),
});

/** Homework due on a day, set in an earlier lesson. */
export const diaryDue = z.object({
  lessonId: z.number(),
  subject: z.string(),
  homework: z.string(),
  setOn: z.string(),
});

/** One day of the week. */
export const diaryDay = z.object({
  date: z.string(),
  /** A holiday or vacation day's name, when the school does not teach. */
  dayOff: z.string().nullable(),
  lessons: z.array(diaryLesson),
  due: z.array(diaryDue),
});

/** `GET /api/diary/:studentId/week`: a student's week, Monday first. */
export const diaryWeek = z.object({
  student: z.object({ id: z.number(), name: z.string(), className: z.string().nullable() }),
  weekStart: z.string(),
  days: z.array(diaryDay),
  /** Who of the student's parents acknowledged this week, and when. */
  acknowledged: z.array(z.object({ guardianId: z.number(), name: z.string(), at: z.string() })),
  /** Whether the signed-in person may acknowledge (a parent, the week begun). */
  canAcknowledge: z.boolean(),
});

/** `GET /api/diary/:studentId/marks?periodId=`: marks by subject for a period. */
export const marksQuery = z.strictObject({ periodId: queryId.optional() });

/** A final mark in a subject: for a period, the year, the exam or the final. */
export const diaryPeriodMark = z.object({
  periodId: z.number(),
  period: z.string(),
  kind: z.string(),
  value: z.string(),
});

/** One subject with its marks in the period. */
export const diarySubject = z.object({
  subjectId: z.number(),
  subject: z.string(),
  marks: z.array(diaryMark.extend({ date: z.string(), lessonId: z.number() })),
  /** Weighted average of the period, two decimals; null without marks. */
  average: z.number().nullable(),
  periodMarks: z.array(diaryPeriodMark),
});

/** `GET /api/diary/:studentId/marks`. */
export const diaryMarks = z.object({
  student: z.object({ id: z.number(), name: z.string(), className: z.string().nullable() }),
  periods: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      kind: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
    }),
  ),
  periodId: z.number().nullable(),
  subjects: z.array(diarySubject),
});

/** `POST /api/diary/:studentId/acknowledge`: the parent's «ознакомлен» for a week. */
export const acknowledgeBody = z.strictObject({ weekStart: z.iso.date() });
export const acknowledgeAnswer = z.object({ weekStart: z.string(), at: z.string() });

/** Reasons a parent may give in advance (the unexcused one is the school's verdict, not theirs). */
export const noticeReasons = ['illness', 'excused'] as const;

/** `POST /api/diary/:studentId/absence-notices`: a parent tells the school of an absence. */
export const absenceNoticeBody = z.strictObject({
  fromDate: z.iso.date(),
  toDate: z.iso.date(),
  reason: z.enum(noticeReasons),
  comment: line(0, 500).optional(),
});

/** A notice of an absence, as the parent and the class teacher see it. */
export const absenceNotice = z.object({
  id: z.number(),
  studentId: z.number(),
  student: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.enum(noticeReasons),
  comment: z.string().nullable(),
  author: z.string(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
});
export const absenceNotices = z.object({ notices: z.array(absenceNotice) });
export const noticeParams = z.strictObject({ studentId: queryId, noticeId: queryId });

/** `GET /api/diary/classes/:id/acknowledgements?weekStart=`: who has acknowledged a week. */
export const classAckQuery = z.strictObject({ weekStart: z.iso.date().optional() });
export const classAcknowledgements = z.object({
  classId: z.number(),
  className: z.string(),
  weekStart: z.string(),
  students: z.array(
    z.object({
      studentId: z.number(),
      name: z.string(),
      guardians: z.array(z.object({ id: z.number(), name: z.string(), at: z.string().nullable() })),
    }),
  ),
});
/** `GET /api/diary/classes/:id/absence-notices`: the class's notices from a date on. */
export const classNoticesQuery = z.strictObject({ from: z.iso.date().optional() });

/** `GET /api/diary/:studentId/calendar`: the student's calendar address, when one exists. */
export const calendarFeedAnswer = z.object({
  /** The address with its secret; shown once when created, null otherwise. */
  url: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string().nullable(),
});
