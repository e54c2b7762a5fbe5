import { z } from 'zod';
import { isCalendarDate } from '../domain/periods.ts';
import { line } from './fields.ts';

/** A calendar date 'YYYY-MM-DD' that exists. */
export const dateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDate);
/** A time of day 'HH:MM' (24 hours). */
export const timeField = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** A grade level, 1–11. */
export const gradeField = z.number().int().min(1).max(11);
/** A school weekday: 1 = Monday … 6 = Saturday. */
export const weekdayField = z.number().int().min(1).max(6);

/** The three period schemes a grade level can follow. */
export const schemeField = z.enum(['quarters', 'trimesters', 'halves']);

/** Route parameters naming an academic year. */
export const yearParams = z.strictObject({ yearId: z.coerce.number().int().positive().max(2_147_483_647) });
/** Route parameters naming a year and a scheme. */
export const schemeParams = yearParams.extend({ scheme: schemeField });

/** `POST /api/calendar/years`: a new academic year such as «2026/2027». */
export const yearBody = z.strictObject({
  name: line(4, 20).regex(/^\d{4}\/\d{4}$/),
  startsOn: dateField,
  endsOn: dateField,
});

/** An academic year. */
export const yearItem = z.object({
  id: z.number(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
/** `GET /api/calendar/years`: the school's years, latest first, and whether the actor may manage them. */
export const yearList = z.object({
  years: z.array(yearItem),
  can: z.object({ manage: z.boolean() }),
});

/** A study period as stored. */
export const periodItem = z.object({
  id: z.number(),
  scheme: z.enum(['quarters', 'trimesters', 'halves', 'year']),
  kind: z.enum(['term', 'year', 'exam', 'final']),
  number: z.number(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  closed: z.boolean(),
});

/** A vacation, public holiday or working-day transfer. */
export const entryItem = z.object({
  id: z.number(),
  kind: z.enum(['vacation', 'holiday', 'workday']),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  grade: z.number().nullable(),
  asWeekday: z.number().nullable(),
});

/** A proposed period of a scheme. */
export const periodDraft = z.object({
  number: z.number(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});

/** `GET /api/calendar/years/:yearId`: everything the calendar page shows for a year. */
export const yearCalendar = z.object({
  year: yearItem,
  schemes: z.array(z.object({ grade: z.number(), scheme: schemeField })),
  periods: z.array(periodItem),
  defaults: z.object({
    quarters: z.array(periodDraft),
    trimesters: z.array(periodDraft),
    halves: z.array(periodDraft),
  }),
  entries: z.array(entryItem),
  classes: z.array(
    z.object({ id: z.number(), name: z.string(), grade: z.number(), daysPerWeek: z.number() }),
  ),
  can: z.object({ manage: z.boolean() }),
});
/** A year's calendar as the page gets it. */
export type YearCalendar = z.infer<typeof yearCalendar>;

/** `POST /api/calendar/years/:yearId/schemes/:scheme`: the grades that follow a scheme and its periods. */
export const schemeBody = z.strictObject({
  grades: z.array(gradeField).max(11),
  periods: z
    .array(z.strictObject({ startsOn: dateField, endsOn: dateField }))
    .min(1)
    .max(4),
});

/** `POST /api/calendar/years/:yearId/entries` and `POST /api/calendar/entries/:id`. */
export const entryBody = z.strictObject({
  kind: z.enum(['vacation', 'holiday', 'workday']),
  name: line(1, 200),
  startsOn: dateField,
  endsOn: dateField,
  grade: gradeField.nullable().default(null),
  asWeekday: weekdayField.nullable().default(null),
});

/** `POST /api/calendar/years/:yearId/holidays`: how many public holidays were added. */
export const prefillResult = z.object({ added: z.number() });

/** Lesson number → times, in a bell set. */
export const bellTimeItem = z.strictObject({
  lessonNumber: z.number().int().min(0).max(12),
  startsAt: timeField,
  endsAt: timeField,
});

/** `POST /api/calendar/bells` and `POST /api/calendar/bells/:id`: a named bell set. */
export const bellBody = z.strictObject({
  name: line(1, 100),
  weekdays: z.array(weekdayField).min(1).max(6),
  times: z.array(bellTimeItem).min(1).max(13),
});

/** A bell set with its times. */
export const bellItem = z.object({
  id: z.number(),
  name: z.string(),
  weekdays: z.array(z.number()),
  times: z.array(z.object({ lessonNumber: z.number(), startsAt: z.string(), endsAt: z.string() })),
});
/** `GET /api/calendar/bells`. */
export const bellList = z.object({ bells: z.array(bellItem), can: z.object({ manage: z.boolean() }) });
/** A bell set as the page shows it. */
export type BellItem = z.infer<typeof bellItem>;
