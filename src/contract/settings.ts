import { z } from 'zod';

/** A kind of work with its weight, as school settings define it. */
export const workKindSetting = z.object({
  name: z.string(),
  shortName: z.string(),
  weight: z.number().positive(),
});

/** School settings with sensible Russian defaults; a missing key takes its default. */
export const schoolSettingsSchema = z.object({
  /** Grade levels that get marks; grade 1 is taught without marks. */
  markedGrades: z.array(z.number().int().min(1).max(11)).default([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
  markScale: z.enum(['five', 'pass']).default('five'),
  usePlusMinus: z.boolean().default(true),
  /** Period mark rounding thresholds: average ≥ 4.5 → 5, ≥ 3.5 → 4, ≥ 2.5 → 3. */
  roundingThresholds: z
    .object({ five: z.number(), four: z.number(), three: z.number() })
    .default({ five: 4.5, four: 3.5, three: 2.5 }),
  editWindowDays: z.number().int().min(0).max(365).default(7),
  idleTimeoutMinutesStaff: z.number().int().min(5).max(720).default(30),
  idleTimeoutMinutesFamily: z.number().int().min(5).max(43200).default(10080),
  timeliness: z
    .object({
      topicSameDay: z.boolean(),
      attendanceSameDay: z.boolean(),
      homeworkHoursAfterLastLesson: z.number(),
      writtenWorkMarksDays: z.number(),
    })
    .default({
      topicSameDay: true,
      attendanceSameDay: true,
      homeworkHoursAfterLastLesson: 1,
      writtenWorkMarksDays: 7,
    }),
});
/** School settings after defaults are applied. */
export type SchoolSettings = z.infer<typeof schoolSettingsSchema>;

/** Default work kinds of a new school, with their weights. */
export const defaultWorkKinds: z.infer<typeof workKindSetting>[] = [
  { name: 'Ответ на уроке', shortName: 'Отв', weight: 1 },
  { name: 'Домашняя работа', shortName: 'ДЗ', weight: 1 },
  { name: 'Самостоятельная работа', shortName: 'СР', weight: 1.5 },
  { name: 'Практическая работа', shortName: 'ПР', weight: 1.5 },
  { name: 'Лабораторная работа', shortName: 'ЛР', weight: 1.5 },
  { name: 'Диктант', shortName: 'Дикт', weight: 2 },
  { name: 'Сочинение', shortName: 'Соч', weight: 2 },
  { name: 'Контрольная работа', shortName: 'КР', weight: 2 },
];

/** Reads stored settings text, applying defaults for any missing key. */
export function parseSchoolSettings(text: string | null | undefined): SchoolSettings {
  return schoolSettingsSchema.parse(text ? JSON.parse(text) : {});
}
