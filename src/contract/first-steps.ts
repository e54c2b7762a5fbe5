import { z } from 'zod';

/** The steps from the first-run setup to the first lesson recorded, in the order they are taken. */
export const firstStepKeys = [
  'school',
  'year',
  'calendar',
  'bells',
  'classes',
  'subjects',
  'teachers',
  'courses',
  'timetable',
  'students',
  'parents',
  'lesson',
] as const;
/** One step. */
export type FirstStepKey = (typeof firstStepKeys)[number];

/** One step and whether the school has taken it. */
export const firstStep = z.object({ key: z.enum(firstStepKeys), done: z.boolean() });

/** `GET /api/admin/first-steps`: the school's steps in order, the count done and the next one. */
export const firstStepsResponse = z.object({
  schoolId: z.number(),
  steps: z.array(firstStep),
  doneCount: z.number(),
  /** The first step not taken; null when all are. */
  next: z.enum(firstStepKeys).nullable(),
});
/** The checklist as sent. */
export type FirstStepsView = z.infer<typeof firstStepsResponse>;

/** The school to show; by default the first school the person administers. */
export const firstStepsQuery = z.strictObject({
  schoolId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
