import type { Transaction } from 'kysely';
import { defaultWorkKinds } from '../../contract/settings.ts';
import type { DB } from '../db/schema.ts';
import { insertAll, insertReturningIds } from './batches.ts';
import { bellTimes, planCalendar, schemeOfGrade, type YearPlan } from './calendar.ts';
import { subjectNames } from './curriculum.ts';

/**
 * Writes what a school sets up once a year: the academic year, period schemes per grade,
 * periods, vacations and holidays, the bell schedule, work kinds and subjects. Returns the
 * year's id and the subject ids by name.
 */
export async function writeYearStructure(
  trx: Transaction<DB>,
  schoolId: number,
  year: YearPlan,
): Promise<{ academicYearId: number; subjectIds: Map<string, number> }> {
  const { id: academicYearId } = await trx
    .insertInto('academicYears')
    .values({ schoolId, name: year.name, startsOn: year.startsOn, endsOn: year.endsOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  const inYear = { schoolId, academicYearId };

  await trx
    .insertInto('gradeSchemes')
    .values(Array.from({ length: 11 }, (_, i) => ({ ...inYear, grade: i + 1, scheme: schemeOfGrade(i + 1) })))
    .execute();
  const calendar = planCalendar(year);
  await trx
    .insertInto('periods')
    .values(calendar.periods.map((p) => ({ ...inYear, ...p, closedAt: null })))
    .execute();
  await insertAll(calendar.entries, (batch) =>
    trx
      .insertInto('calendarEntries')
      .values(batch.map((e) => ({ ...inYear, ...e })))
      .execute(),
  );

  const { id: bellScheduleId } = await trx
    .insertInto('bellSchedules')
    .values({ schoolId, name: 'Основное' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('bellTimes')
    .values(bellTimes.map((b) => ({ schoolId, bellScheduleId, ...b })))
    .execute();

  await trx
    .insertInto('workKinds')
    .values(defaultWorkKinds.map((k) => ({ schoolId, ...k, archivedAt: null })))
    .execute();
  const subjects = subjectNames.map((s, i) => ({ schoolId, ...s, sortOrder: i + 1, archivedAt: null }));
  const ids = await insertReturningIds(subjects, (batch) =>
    trx.insertInto('subjects').values(batch).returning('id').execute(),
  );
  const subjectIds = new Map(subjectNames.map((s, i) => [s.name, ids[i] ?? -1]));
  return { academicYearId, subjectIds };
}
