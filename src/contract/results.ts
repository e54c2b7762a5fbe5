import { z } from 'zod';
import { reportRange } from './reports.ts';

/** The figures of a row of the results report (see `src/domain/results.ts`). */
export const resultFigures = z.object({
  assessed: z.number(),
  successPct: z.number().nullable(),
  qualityPct: z.number().nullable(),
  sou: z.number().nullable(),
  average: z.number().nullable(),
  n5: z.number(),
  n4: z.number(),
  n3: z.number(),
  n2: z.number(),
  nNa: z.number(),
});

const listed = z.object({ studentId: z.number(), name: z.string(), className: z.string() });

/** `GET /api/reports/results`: успеваемость, качество, СОУ of a period, by class, subject, teacher. */
export const resultsAnswer = z.object({
  range: reportRange,
  period: z.object({
    id: z.number(),
    name: z.string(),
    kind: z.string(),
    scheme: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
  }),
  /** The day whose roll decides who is counted: the period's end, or today while it runs. */
  rollOn: z.string(),
  /** The school (or the teacher's scope) over students. */
  totals: resultFigures.extend({
    students: z.number(),
    /** Marks taken from the weighted average because the period mark is not set yet. */
    provisional: z.number(),
    /** Student×subject pairs with neither a period mark nor any counted mark. */
    unmarked: z.number(),
  }),
  byClass: z.array(
    resultFigures.extend({
      classId: z.number(),
      className: z.string(),
      students: z.number(),
      provisional: z.number(),
    }),
  ),
  bySubject: z.array(
    resultFigures.extend({ subjectId: z.number(), subject: z.string(), provisional: z.number() }),
  ),
  byTeacher: z.array(
    resultFigures.extend({ teacherId: z.number(), teacher: z.string(), provisional: z.number() }),
  ),
  lists: z.object({
    excellent: z.array(listed),
    good: z.array(listed),
    oneFour: z.array(listed),
    oneThree: z.array(listed),
    failing: z.array(listed),
    notAssessed: z.array(listed),
  }),
});
/** The answer. */
export type ResultsAnswer = z.infer<typeof resultsAnswer>;

const year = z.coerce.number().int().min(2000).max(2100);

/**
 * `GET /api/district/reports`: the district's schools side by side. `year`: the calendar year the
 * academic year starts in (2026 → 2026/2027; default: the one in force today); `periodNumber`:
 * the term of that number of each school's main scheme (1–4); `wholeYear=true`: the year marks;
 * `from`–`to`: the dates of the keeping and attendance figures (default: the period's dates).
 */
export const districtReportQuery = z.strictObject({
  year: year.optional(),
  periodNumber: z.coerce.number().int().min(1).max(4).optional(),
  wholeYear: z.enum(['true', 'false']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
/** The query as sent. */
export type DistrictReportQuery = z.infer<typeof districtReportQuery>;

/** `GET /api/district/reports/export?format=`. */
export const districtExportQuery = districtReportQuery.extend({ format: z.enum(['xlsx', 'pdf']) });

/** One school of the district rollup: figures only, no student is named. */
export const districtSchoolRow = z.object({
  schoolId: z.number(),
  school: z.string(),
  /** The period the results are of, or null when the school has no such period. */
  period: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  students: z.number(),
  successPct: z.number().nullable(),
  qualityPct: z.number().nullable(),
  sou: z.number().nullable(),
  average: z.number().nullable(),
  provisional: z.number(),
  completenessPct: z.number().nullable(),
  timelinessPct: z.number().nullable(),
  attendancePct: z.number().nullable(),
});

/** The district rollup. */
export const districtReportAnswer = z.object({
  districtId: z.number(),
  district: z.string(),
  schools: z.array(districtSchoolRow),
  /** Which figures this build computes (keeping and attendance come from other reports). */
  available: z.object({ keeping: z.boolean(), attendance: z.boolean() }),
});
/** The answer. */
export type DistrictReportAnswer = z.infer<typeof districtReportAnswer>;
