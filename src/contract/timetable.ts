import { z } from 'zod';
import { line } from './fields.ts';

const isoDate = z.iso.date();
const id = z.number().int().positive().max(2_147_483_647);
const weekday = z.number().int().min(1).max(6);
const lessonNumber = z.number().int().min(1).max(12);

/** `GET /api/timetable/classes/:id?on=`: the week in force on a date (today by default). */
export const weekQuery = z.strictObject({ on: isoDate.optional() });

/** A slot as the week grid shows it. */
export const slotItem = z.object({
  id: z.number(),
  courseId: z.number(),
  weekday: z.number(),
  lessonNumber: z.number(),
  room: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  subject: z.string(),
  teacher: z.string(),
  group: z.string(),
  groupKind: z.enum(['class', 'subgroup', 'cross']),
});

/** A course of the class, for the slot form and the draft. */
export const courseItem = z.object({
  id: z.number(),
  subject: z.string(),
  group: z.string(),
  groupKind: z.enum(['class', 'subgroup', 'cross']),
  teacher: z.string(),
  hoursPerWeek: z.number(),
  placed: z.number(),
});

/** A lesson's bell times on a weekday. */
export const bellItem = z.object({
  weekday: z.number(),
  lessonNumber: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
});

/** The class's weekly timetable as of a date. */
export const weekResponse = z.object({
  classId: z.number(),
  className: z.string(),
  on: z.string(),
  daysPerWeek: z.number(),
  slots: z.array(slotItem),
  courses: z.array(courseItem),
  bells: z.array(bellItem),
  /** The study periods of the class's year (its grade's scheme), to generate lessons for. */
  periods: z.array(z.object({ id: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string() })),
  canManage: z.boolean(),
});

/** `POST /api/timetable/slots`, `PATCH /api/timetable/slots/:id`: a course in a lesson, from a date. */
export const slotBody = z.strictObject({
  courseId: id,
  weekday,
  lessonNumber,
  room: line(0, 20).optional(),
  from: isoDate,
});

/** `POST /api/timetable/slots/:id/close`: the slot ends the day before `from`. */
export const closeSlotBody = z.strictObject({ from: isoDate });

/** The id of a saved slot. */
export const slotSaved = z.object({ id: z.number() });

/** A lesson that holds data and was kept against the timetable. */
export const keptLesson = z.object({
  date: z.string(),
  lessonNumber: z.number(),
  courseId: z.number(),
  subject: z.string(),
  group: z.string(),
  reason: z.enum(['notInTimetable', 'cancelledWithData']),
});

/** What lesson generation did. */
export const generationReport = z.object({
  created: z.number(),
  updated: z.number(),
  removed: z.number(),
  unchanged: z.number(),
  conflicts: z.array(keptLesson),
});

/** `POST /api/timetable/lessons`: generate lessons for a class (or the whole school) and dates. */
export const generateBody = z.strictObject({
  classId: id.optional(),
  from: isoDate,
  to: isoDate,
});

/** The kinds of dated change. */
export const changeKinds = ['substitute', 'cancel', 'move', 'extra'] as const;

/** `POST /api/timetable/changes`: a dated change of one lesson. */
export const changeBody = z.strictObject({
  kind: z.enum(changeKinds),
  courseId: id,
  date: isoDate,
  lessonNumber,
  substituteTeacherId: id.optional(),
  room: line(0, 20).optional(),
  movedToDate: isoDate.optional(),
  movedToLessonNumber: lessonNumber.optional(),
  reason: line(0, 200).optional(),
});

/** A dated change as the list shows it. */
export const changeItem = z.object({
  id: z.number(),
  kind: z.enum(changeKinds),
  courseId: z.number(),
  date: z.string(),
  lessonNumber: z.number(),
  subject: z.string(),
  group: z.string(),
  substitute: z.string().nullable(),
  room: z.string().nullable(),
  movedToDate: z.string().nullable(),
  movedToLessonNumber: z.number().nullable(),
  reason: z.string().nullable(),
});

/** `GET /api/timetable/classes/:id/changes?from=&to=`. */
export const changesQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });

/** The changes of a class. */
export const changeList = z.object({ changes: z.array(changeItem) });

/** A saved change with what applying it to the lessons did. */
export const changeSaved = z.object({ id: z.number(), report: generationReport });

/** The school's teachers, for the substitution form. */
export const teacherList = z.object({ teachers: z.array(z.object({ id: z.number(), name: z.string() })) });

/** `POST /api/timetable/classes/:id/draft`: a draft timetable for an empty class, from a date. */
export const draftBody = z.strictObject({ from: isoDate });

/** What the draft placed and what it could not. */
export const draftReport = z.object({
  placed: z.number(),
  unplaced: z.array(z.object({ courseId: z.number(), subject: z.string(), hours: z.number() })),
});
