import type { DistrictReportAnswer, DistrictReportQuery } from '../../contract/results.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { reachesAnything, reachOf } from '../access/scopes.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';
import type { Lang } from '../http/messages.ts';
import { attendanceTotals } from './attendance.queries.ts';
import { cachedSchoolFigures, dataVersionsOf, schoolConcurrency } from './district-cache.ts';
import { keepingTotals } from './keeping.ts';
import type { ReportTable } from './report-definition.ts';
import { reportYear, wholeSchoolScope } from './report-scope.ts';
import { resultsPeriod, resultsSummary } from './results.ts';

type SchoolRow = DistrictReportAnswer['schools'][number];

/** The district whose rollup the actor sees: 403 for school staff, 404 for families and others. */
export function reportDistrict(ctx: Ctx): number {
  if (ctx.actor.kind !== 'person') throw notFound();
  const district = reachOf(ctx.actor, 'reports.view').districtIds[0];
  if (district !== undefined) return district;
  if (
    reachesAnything(reachOf(ctx.actor, 'reports.view')) ||
    reachOf(ctx.actor, 'school.view').schoolIds.length > 0
  )
    throw forbidden();
  throw notFound();
}

/** The school's academic year starting in the calendar year asked for, else the one in force today. */
async function schoolYear(db: Db, schoolId: number, year: number | undefined) {
  if (year === undefined) {
    try {
      return (await reportYear(db, schoolId, undefined)).year;
    } catch {
      return undefined;
    }
  }
  return db
    .selectFrom('academicYears')
    .select(['id', 'name', 'startsOn', 'endsOn'])
    .where('schoolId', '=', schoolId)
    .where('startsOn', '>=', `${year}-01-01`)
    .where('startsOn', '<=', `${year}-12-31`)
    .orderBy('startsOn')
    .executeTakeFirst();
}

/** A share as a percentage with one decimal; null when there is nothing to share. */
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

const empty = (schoolId: number, school: string): SchoolRow => ({
  schoolId,
  school,
  period: null,
  from: null,
  to: null,
  students: 0,
  successPct: null,
  qualityPct: null,
  sou: null,
  average: null,
  provisional: 0,
  completenessPct: null,
  timelinessPct: null,
  attendancePct: null,
});

/**
 * One school's figures, with no student named: the results of its period; the completeness and
 * timeliness of the journals and the attendance over `from`–`to` (default: the period's dates).
 */
async function schoolRow(
  db: Db,
  school: { id: number; name: string },
  q: DistrictReportQuery,
): Promise<SchoolRow> {
  const year = await schoolYear(db, school.id, q.year);
  if (!year) return empty(school.id, school.name);
  const period = await resultsPeriod(db, school.id, year.id, {
    number: q.periodNumber,
    wholeYear: q.wholeYear === 'true',
  });
  if (!period) return empty(school.id, school.name);
  const from = q.from ?? period.startsOn;
  const to = q.to ?? period.endsOn;
  const [scope, dated] = await Promise.all([
    wholeSchoolScope(db, school.id, { yearId: year.id, periodId: period.id }),
    wholeSchoolScope(db, school.id, { yearId: year.id, from, to }),
  ]);
  // Independent figures: on PostgreSQL their queries run on several connections at once.
  const [r, keeping, attendance] = await Promise.all([
    resultsSummary(db, scope),
    keepingTotals(db, dated),
    attendanceTotals(db, dated),
  ]);
  return {
    ...empty(school.id, school.name),
    period: period.name,
    from,
    to,
    completenessPct: pct(keeping.filled, keeping.expected),
    timelinessPct: pct(keeping.entries - keeping.lateEntries, keeping.entries),
    attendancePct: pct(attendance.expected - attendance.absent, attendance.expected),
    students: r.students,
    successPct: r.successPct,
    qualityPct: r.qualityPct,
    sou: r.sou,
    average: r.average,
    provisional: r.provisional,
  };
}

/**
 * The district rollup: every live school of the actor's district side by side, with the
 * students counted, успеваемость, качество, СОУ and the mean mark of the period asked for, the
 * completeness and timeliness of the journals (`keepingTotals`) and the attendance
 * (`attendanceTotals`) over the dates. Only
 * figures: no student's name or id leaves this function. Each school's figures are computed with a
 * handful of queries and kept in memory until its data version changes (`cachedSchoolFigures`).
 */
export async function districtReport(ctx: Ctx, q: DistrictReportQuery): Promise<DistrictReportAnswer> {
  const districtId = reportDistrict(ctx);
  if (q.from !== undefined && q.to !== undefined && q.from > q.to)
    throw new AppError('validation', 'reportsRangeOrder', {}, { to: 'reportsRangeOrder' });
  const district = await ctx.db
    .selectFrom('districts')
    .select(['id', 'name'])
    .where('id', '=', districtId)
    .executeTakeFirst();
  if (!district) throw new AppError('not_found', 'resultsNoDistrict');
  const schools = await ctx.db
    .selectFrom('schools')
    .select(['id', 'name'])
    .where('districtId', '=', districtId)
    .where('archivedAt', 'is', null)
    .execute();
  schools.sort((a, b) => a.name.localeCompare(b.name, 'ru') || a.id - b.id);
  // Each school's figures are kept per data version (see `cachedSchoolFigures`); the ones not kept
  // are computed a few schools at a time on PostgreSQL (several connections), one at a time on SQLite.
  const versions = await dataVersionsOf(
    ctx.db,
    schools.map((s) => s.id),
  );
  const question = JSON.stringify([q.year, q.periodNumber, q.wholeYear, q.from, q.to]);
  const rows: SchoolRow[] = new Array(schools.length);
  let next = 0;
  const worker = async () => {
    while (next < schools.length) {
      const i = next++;
      const school = schools[i]!;
      const row = await cachedSchoolFigures(
        ctx.db,
        { schoolId: school.id, version: versions.get(school.id) ?? 0, question },
        () => schoolRow(ctx.db, school, q),
      );
      rows[i] = { ...row, school: school.name };
    }
  };
  await Promise.all(Array.from({ length: Math.min(schoolConcurrency(ctx.db), schools.length) }, worker));
  return {
    districtId,
    district: district.name,
    schools: rows,
    available: { keeping: true, attendance: true },
  };
}

const words = {
  ru: {
    title: 'Сводка по школам района',
    schools: 'Школы',
    school: 'Школа',
    period: 'Период',
    from: 'С',
    to: 'По',
    students: 'Учащихся',
    success: 'Успеваемость, %',
    quality: 'Качество, %',
    sou: 'СОУ, %',
    average: 'Средний балл',
    provisional: 'Предварительных отметок',
    completeness: 'Полнота ведения, %',
    timeliness: 'Своевременность, %',
    attendance: 'Посещаемость, %',
  },
  en: {
    title: 'Schools of the district',
    schools: 'Schools',
    school: 'School',
    period: 'Period',
    from: 'From',
    to: 'To',
    students: 'Students',
    success: 'Pass rate, %',
    quality: 'Quality, %',
    sou: 'Learning level (СОУ), %',
    average: 'Mean mark',
    provisional: 'Provisional marks',
    completeness: 'Completeness, %',
    timeliness: 'Timeliness, %',
    attendance: 'Attendance, %',
  },
} satisfies Record<Lang, Record<string, string>>;

/** The title of the district export. */
export function districtTitle(lang: Lang): string {
  return words[lang].title;
}

/** The district rollup as one export table (figures only). */
export function districtTables(a: DistrictReportAnswer, lang: Lang): ReportTable[] {
  const w = words[lang];
  const columns: ReportTable['columns'] = [
    { key: 'school', label: w.school },
    { key: 'period', label: w.period },
    { key: 'from', label: w.from, kind: 'date' },
    { key: 'to', label: w.to, kind: 'date' },
    { key: 'students', label: w.students, kind: 'number' },
    { key: 'successPct', label: w.success, kind: 'percent' },
    { key: 'qualityPct', label: w.quality, kind: 'percent' },
    { key: 'sou', label: w.sou, kind: 'percent' },
    { key: 'average', label: w.average, kind: 'number' },
    { key: 'provisional', label: w.provisional, kind: 'number' },
  ];
  if (a.available.keeping)
    columns.push(
      { key: 'completenessPct', label: w.completeness, kind: 'percent' },
      { key: 'timelinessPct', label: w.timeliness, kind: 'percent' },
    );
  if (a.available.attendance) columns.push({ key: 'attendancePct', label: w.attendance, kind: 'percent' });
  return [{ title: w.schools, columns, rows: a.schools }];
}
