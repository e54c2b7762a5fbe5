import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases.ts';
import { verifyAudit } from '../audit/verify-audit.ts';
import type { Database } from '../db/database.ts';
import { type DistrictSummary, endOfYear, seedDistrict } from './seed-district.ts';

/** A date column as YYYY-MM-DD on either engine (PostgreSQL gives a Date). */
const day = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

// A whole year of a small district (one class per grade, two schools written at once on
// PostgreSQL): the journal runs to the year's end and every audit chain checks out.
describe.each(engines())('seedDistrict, the whole year, on $name', (engine) => {
  let database: Database;
  let district: DistrictSummary;
  const labels: string[] = [];
  let last: [number, number] = [0, 0];

  beforeAll(async () => {
    database = await freshDatabase(engine);
    district = await seedDistrict(database.db, {
      schools: 2,
      classesPerGrade: 1,
      parallel: 2,
      today: endOfYear(new Date('2026-11-29T12:00:00Z')),
      onProgress: (done, total, label) => {
        labels.push(label);
        last = [done, total];
      },
    });
  }, 240_000);
  afterAll(() => database?.close());

  it('fills each school’s journal to the last weeks of the year, with closed terms', async () => {
    for (const schoolId of district.schoolIds) {
      const lastMark = await database.db
        .selectFrom('marks')
        .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
        .select((eb) => eb.fn.max('lessons.date').as('date'))
        .where('marks.schoolId', '=', schoolId)
        .executeTakeFirstOrThrow();
      expect(day(lastMark.date) >= '2027-05-15').toBe(true);
      const periodMarks = await database.db
        .selectFrom('periodMarks')
        .innerJoin('periods', 'periods.id', 'periodMarks.periodId')
        .select((eb) => eb.fn.max('periods.endsOn').as('endsOn'))
        .where('periodMarks.schoolId', '=', schoolId)
        .executeTakeFirstOrThrow();
      expect(day(periodMarks.endsOn) >= '2027-05-01').toBe(true);
    }
  });

  it('leaves every audit chain valid, the journal matching its history', async () => {
    const reports = await verifyAudit(database.db);
    expect(reports.map((r) => r.chainKey).sort()).toEqual([0, ...district.schoolIds].sort());
    for (const r of reports) expect(r.problems).toEqual([]);
    const school = reports.find((r) => r.chainKey === district.schoolIds[0]);
    expect(school?.rows).toBeGreaterThan(50_000);
  }, 240_000);

  it('reports the journal’s steps for every school, to the end', () => {
    expect(last[0]).toBe(last[1]);
    for (const n of [1, 2]) expect(labels).toContain(`СОШ № ${n}: журнал: история изменений`);
  });
});
