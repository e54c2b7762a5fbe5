import type { Kysely } from 'kysely';
import type { ClassCalendar } from '../../domain/school-days.ts';
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
