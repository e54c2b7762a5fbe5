import { z } from 'zod';
import { isTimeZone } from '../domain/timeliness.ts';
import { line } from './fields.ts';
import { twoFactorModes } from './two-factor.ts';

/** The time zones of Russia, west to east: the choices of «Часовой пояс школы». */
export const russianTimeZones = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
] as const;

/** An IANA time zone name `Intl` knows. */
const timeZone = z.string().max(64).refine(isTimeZone);

/** A kind of work with its weight, as school settings define it. */
export const workKindSetting = z.object({
  name: z.string(),
  shortName: z.string(),
  weight: z.number().positive(),
  /** 1: a written work (its marks are due within the timeliness rule's days). */
  written: z.number().int().min(0).max(1),
  /** 1: an assessment procedure of the federal schedule (≥30 minutes, the whole class). */
  assessment: z.number().int().min(0).max(1),
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
  /** Marks per weekly hour a student should get in a nine-week quarter; absent: 3 (`mark-density.ts`). */
  minMarksPerQuarterHour: z.number().min(0).max(20).optional(),
  /** Grade levels where homework is not set (grade 1 by СанПиН 1.2.3685-21); absent: [1]. */
  noHomeworkGrades: z.array(z.number().int().min(1).max(11)).optional(),
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
  /** The school's time zone: the timeliness rules judge days and hours in it. */
  timeZone: timeZone.catch('Europe/Moscow'),
  /** Two-factor login of staff: off, optional, or required of the administrator and the director. */
  twoFactor: z.enum(twoFactorModes).catch('optional'),
});
/** School settings after defaults are applied. */
export type SchoolSettings = z.infer<typeof schoolSettingsSchema>;

/** Default work kinds of a new school, with their weights. */
export const defaultWorkKinds: z.infer<typeof workKindSetting>[] = [
  { name: 'Ответ на уроке', shortName: 'Отв', weight: 1, written: 0, assessment: 0 },
  { name: 'Домашняя работа', shortName: 'ДЗ', weight: 1, written: 0, assessment: 0 },
  { name: 'Самостоятельная работа', shortName: 'СР', weight: 1.5, written: 1, assessment: 0 },
  { name: 'Практическая работа', shortName: 'ПР', weight: 1.5, written: 1, assessment: 0 },
  { name: 'Лабораторная работа', shortName: 'ЛР', weight: 1.5, written: 1, assessment: 0 },
  { name: 'Диктант', shortName: 'Дикт', weight: 2, written: 1, assessment: 1 },
  { name: 'Сочинение', shortName: 'Соч', weight: 2, written: 1, assessment: 1 },
  { name: 'Контрольная работа', shortName: 'КР', weight: 2, written: 1, assessment: 1 },
];

/** Reads stored settings text, applying defaults for any missing key. */
export function parseSchoolSettings(text: string | null | undefined): SchoolSettings {
  return schoolSettingsSchema.parse(text ? JSON.parse(text) : {});
}

/** The settings form of «Настройки школы»: flat, one field per control. */
export const settingsForm = z.strictObject({
  markedGrades: z.array(z.number().int().min(1).max(11)).max(11),
  markScale: z.enum(['five', 'pass']),
  usePlusMinus: z.boolean(),
  roundFive: z.number().min(1).max(5),
  roundFour: z.number().min(1).max(5),
  roundThree: z.number().min(1).max(5),
  editWindowDays: z.number().int().min(0).max(365),
  idleTimeoutMinutesStaff: z.number().int().min(5).max(720),
  idleTimeoutMinutesFamily: z.number().int().min(5).max(43200),
  topicSameDay: z.boolean(),
  attendanceSameDay: z.boolean(),
  homeworkHoursAfterLastLesson: z.number().int().min(0).max(72),
  writtenWorkMarksDays: z.number().int().min(1).max(60),
  timeZone,
  twoFactor: z.enum(twoFactorModes),
});
/** The settings as the form shows and sends them. */
export type SettingsForm = z.infer<typeof settingsForm>;

/** A work kind of the school. */
export const workKindItem = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  weight: z.number(),
  /** A written work: its marks are due within the timeliness rule's days. */
  written: z.boolean(),
  /** An assessment procedure of the federal schedule (≥30 minutes, the whole class). */
  assessment: z.boolean(),
});
/** `GET /api/settings`: the school's settings and its work kinds. */
export const settingsAnswer = z.object({ settings: settingsForm, workKinds: z.array(workKindItem) });
/** `POST /api/work-kinds`: a new work kind with its weight. */
export const workKindBody = z.strictObject({
  name: line(1, 100),
  shortName: line(1, 10),
  weight: z.number().positive().max(10),
  written: z.boolean().optional(),
  assessment: z.boolean().optional(),
});
/** `POST /api/work-kinds/:id`: rename or reweigh a work kind. */
export const workKindUpdateBody = workKindBody.partial();

/** Stored settings → the flat form. */
export function toSettingsForm(s: SchoolSettings): SettingsForm {
  return {
    markedGrades: [...s.markedGrades].sort((a, b) => a - b),
    markScale: s.markScale,
    usePlusMinus: s.usePlusMinus,
    roundFive: s.roundingThresholds.five,
    roundFour: s.roundingThresholds.four,
    roundThree: s.roundingThresholds.three,
    editWindowDays: s.editWindowDays,
    idleTimeoutMinutesStaff: s.idleTimeoutMinutesStaff,
    idleTimeoutMinutesFamily: s.idleTimeoutMinutesFamily,
    topicSameDay: s.timeliness.topicSameDay,
    attendanceSameDay: s.timeliness.attendanceSameDay,
    homeworkHoursAfterLastLesson: s.timeliness.homeworkHoursAfterLastLesson,
    writtenWorkMarksDays: s.timeliness.writtenWorkMarksDays,
    timeZone: s.timeZone,
    twoFactor: s.twoFactor,
  };
}

/** The flat form → stored settings. */
export function fromSettingsForm(f: SettingsForm): SchoolSettings {
  return {
    markedGrades: [...new Set(f.markedGrades)].sort((a, b) => a - b),
    markScale: f.markScale,
    usePlusMinus: f.usePlusMinus,
    roundingThresholds: { five: f.roundFive, four: f.roundFour, three: f.roundThree },
    editWindowDays: f.editWindowDays,
    idleTimeoutMinutesStaff: f.idleTimeoutMinutesStaff,
    idleTimeoutMinutesFamily: f.idleTimeoutMinutesFamily,
    timeliness: {
      topicSameDay: f.topicSameDay,
      attendanceSameDay: f.attendanceSameDay,
      homeworkHoursAfterLastLesson: f.homeworkHoursAfterLastLesson,
      writtenWorkMarksDays: f.writtenWorkMarksDays,
    },
    timeZone: f.timeZone,
    twoFactor: f.twoFactor,
  };
}

/** Grade levels without homework when the school has not said otherwise. */
export const defaultNoHomeworkGrades: readonly number[] = [1];
