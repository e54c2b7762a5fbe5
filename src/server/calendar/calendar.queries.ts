import type { Kysely } from 'kysely';
import type { ClassCalendar } from '../../domain/school-days.ts';
import type { Db } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';

/** The calendar of every class of an academic year: its grade, week length, year dates and entries. */
export async function classCalendars(
  db: Kysely<DB>,
  schoolId: number,
  academicYearId: number,
): Promise<Map<number, ClassCalendar>> {
  const year = await db
    .selectFrom('academicYears')
    .select(['startsOn', 'endsOn'])
    .where('id', '=', academicYearId)
    .where('schoolId', '=', schoolId)
    .executeTakeFirst();
  const out = new Map<number, ClassCalendar>();
  if (!year) return out;
  const [classes, entries] = await Promise.all([
    db
      .selectFrom('classes')
      .select(['id', 'grade', 'daysPerWeek'])
      .where('schoolId', '=', schoolId)
      .where('academicYearId', '=', academicYearId)
      .where('archivedAt', 'is', null)
      .execute(),
    db
      .selectFrom('calendarEntries')
      .select(['kind', 'startsOn', 'endsOn', 'grade', 'asWeekday'])
      .where('schoolId', '=', schoolId)
      .where('academicYearId', '=', academicYearId)
      .execute(),
  ]);
  for (const c of classes) {
    out.set(c.id, {
      grade: c.grade,
      daysPerWeek: c.daysPerWeek === 6 ? 6 : 5,
      startsOn: year.startsOn,
      endsOn: year.endsOn,
      entries,
    });
  }
  return out;
}

/** An academic year by id, whichever school it belongs to. */
export function yearById(db: Db, id: number) {
  return db
    .selectFrom('academicYears')
    .select(['id', 'schoolId', 'name', 'startsOn', 'endsOn'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A school's academic years, latest first. */
export function yearsOfSchool(db: Db, schoolId: number) {
  return db
    .selectFrom('academicYears')
    .select(['id', 'name', 'startsOn', 'endsOn'])
    .where('schoolId', '=', schoolId)
    .orderBy('startsOn', 'desc')
    .execute();
}

/** The periods of a year in scheme and number order. */
export function periodsOfYear(db: Db, yearId: number) {
  return db
    .selectFrom('periods')
    .select(['id', 'scheme', 'kind', 'number', 'name', 'startsOn', 'endsOn', 'closedAt'])
    .where('academicYearId', '=', yearId)
    .orderBy('scheme')
    .orderBy('kind')
    .orderBy('number')
    .execute();
}

/** Which scheme each grade follows in a year. */
export function schemesOfYear(db: Db, yearId: number) {
  return db
    .selectFrom('gradeSchemes')
    .select(['grade', 'scheme'])
    .where('academicYearId', '=', yearId)
    .orderBy('grade')
    .execute();
}

/** The vacations, holidays and transfers of a year, by date. */
export function entriesOfYear(db: Db, yearId: number) {
  return db
    .selectFrom('calendarEntries')
    .select(['id', 'kind', 'name', 'startsOn', 'endsOn', 'grade', 'asWeekday'])
    .where('academicYearId', '=', yearId)
    .orderBy('startsOn')
    .orderBy('id')
    .execute();
}

/** A calendar entry by id. */
export function entryById(db: Db, id: number) {
  return db.selectFrom('calendarEntries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The live classes of a year with their week length. */
export function classesOfYear(db: Db, yearId: number) {
  return db
    .selectFrom('classes')
    .select(['id', 'grade', 'letter', 'daysPerWeek'])
    .where('academicYearId', '=', yearId)
    .where('archivedAt', 'is', null)
    .orderBy('grade')
    .orderBy('letter')
    .execute();
}

/** A school's bell sets with their times, in id order. */
export async function bellSetsOfSchool(db: Db, schoolId: number) {
  const [sets, times] = await Promise.all([
    db
      .selectFrom('bellSchedules')
      .select(['id', 'name', 'weekdays'])
      .where('schoolId', '=', schoolId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('bellTimes')
      .select(['bellScheduleId', 'lessonNumber', 'startsAt', 'endsAt'])
      .where('schoolId', '=', schoolId)
      .orderBy('lessonNumber')
      .execute(),
  ]);
  return sets.map((s) => ({
    id: s.id,
    name: s.name,
    weekdays: parseWeekdays(s.weekdays),
    times: times
      .filter((t) => t.bellScheduleId === s.id)
      .map(({ lessonNumber, startsAt, endsAt }) => ({ lessonNumber, startsAt, endsAt })),
  }));
}

/** The weekdays of a bell set as stored (a JSON array); anything unreadable counts as none. */
export function parseWeekdays(json: string): number[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((d): d is number => Number.isInteger(d)) : [];
  } catch {
    return [];
  }
}
