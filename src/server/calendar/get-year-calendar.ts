import { defaultPeriods } from '../../domain/periods.ts';
import type { Ctx } from '../access/actor.ts';
import { notFound } from '../http/app-error.ts';
import { canManageCalendar, requireSchool } from './calendar.policy.ts';
import { classesOfYear, entriesOfYear, periodsOfYear, schemesOfYear, yearById } from './calendar.queries.ts';

/** A year's periods by scheme, the grades of each scheme, its calendar entries and classes. */
export async function getYearCalendar(ctx: Ctx, yearId: number) {
  const year = await yearById(ctx.db, yearId);
  if (!year) throw notFound();
  await requireSchool(ctx, year.schoolId, false);
  const [schemes, periods, entries, classes] = await Promise.all([
    schemesOfYear(ctx.db, yearId),
    periodsOfYear(ctx.db, yearId),
    entriesOfYear(ctx.db, yearId),
    classesOfYear(ctx.db, yearId),
  ]);
  return {
    year: { id: year.id, name: year.name, startsOn: year.startsOn, endsOn: year.endsOn },
    schemes,
    periods: periods.map(({ closedAt, ...p }) => ({ ...p, closed: closedAt !== null })),
    defaults: {
      quarters: defaultPeriods('quarters', year),
      trimesters: defaultPeriods('trimesters', year),
      halves: defaultPeriods('halves', year),
    },
    entries,
    classes: classes.map((c) => ({
      id: c.id,
      name: `${c.grade}${c.letter}`,
      grade: c.grade,
      daysPerWeek: c.daysPerWeek,
    })),
    can: { manage: canManageCalendar(ctx, year.schoolId) },
  };
}
