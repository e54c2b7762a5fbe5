import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { periodsOfYear, schemesOfYear, yearsOfSchool } from '../calendar/calendar.queries.ts';
import { notFound } from '../http/app-error.ts';
import { requireDistrictSchool } from './district.policy.ts';
import { classesWithCounts, coursesOfYear, subjectsOfSchool } from './district.queries.ts';

/**
 * A school's structure for the district, read-only: its years, and for one year (the current one
 * unless asked) the periods, classes with class teachers and students, subjects and courses.
 */
export async function getSchoolStructure(ctx: Ctx, schoolId: number, yearId?: number) {
  const school = await requireDistrictSchool(ctx, schoolId);
  const years = await yearsOfSchool(ctx.db, schoolId);
  const now = today();
  const year =
    yearId === undefined
      ? (years.find((y) => y.startsOn <= now && now <= y.endsOn) ?? years[0])
      : years.find((y) => y.id === yearId);
  if (yearId !== undefined && !year) throw notFound();
  const subjects = await subjectsOfSchool(ctx.db, schoolId);
  if (!year) return { school, years, year: null, classes: [], subjects, courses: [] };
  const on = [year.startsOn, now, year.endsOn].sort()[1]!;
  const [periods, schemes, classes, courses] = await Promise.all([
    periodsOfYear(ctx.db, year.id),
    schemesOfYear(ctx.db, year.id),
    classesWithCounts(ctx.db, year.id, on),
    coursesOfYear(ctx.db, year.id),
  ]);
  return {
    school,
    years,
    year: {
      id: year.id,
      name: year.name,
      periods: periods.map(({ scheme, name, startsOn, endsOn }) => ({ scheme, name, startsOn, endsOn })),
      schemes,
    },
    classes,
    subjects,
    courses,
  };
}
