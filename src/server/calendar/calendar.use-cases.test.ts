import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import { defaultPeriods } from '../../domain/periods.ts';
import type { Ctx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { addCalendarEntry } from './add-calendar-entry.ts';
import { createAcademicYear } from './create-academic-year.ts';
import { getYearCalendar } from './get-year-calendar.ts';
import { setPeriodScheme } from './set-period-scheme.ts';

const year = { startsOn: '2026-09-01', endsOn: '2027-08-31' };

describe.each(engines())('calendar use cases on $name', (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database?.close());

  /** A fresh school with its year and an administrator acting in it. */
  const school = async () => {
    const { schoolId, yearId } = await buildSchool(database.db);
    const admin = await buildPerson(database.db, { schoolId, roles: ['admin'] });
    const ctx: Ctx = {
      db: database.db,
      actor: {
        kind: 'person',
        personId: admin.id,
        accountId: 0,
        grants: [{ role: 'admin', schoolId, districtId: null }],
      },
      request: { requestId: null, ip: null, lang: 'ru' },
    };
    return { schoolId, yearId, ctx };
  };
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => (e instanceof AppError ? { code: e.code, fields: e.fields } : e),
    );

  it('updates periods in place, so period marks keep their period, and moves grades between schemes', async () => {
    const { yearId, ctx } = await school();
    const quarters = defaultPeriods('quarters', year).map(({ startsOn, endsOn }) => ({ startsOn, endsOn }));
    await setPeriodScheme(ctx, yearId, 'quarters', { grades: [5, 6, 10], periods: quarters });
    const first = (await getYearCalendar(ctx, yearId)).periods;
    const moved = quarters.map((p, i) => (i === 3 ? { ...p, endsOn: '2027-05-31' } : p));
    await setPeriodScheme(ctx, yearId, 'quarters', { grades: [5, 6, 10], periods: moved });
    await setPeriodScheme(ctx, yearId, 'halves', {
      grades: [10, 11],
      periods: defaultPeriods('halves', year).map(({ startsOn, endsOn }) => ({ startsOn, endsOn })),
    });
    const after = await getYearCalendar(ctx, yearId);
    const quarterIds = (list: typeof first) => list.filter((p) => p.scheme === 'quarters').map((p) => p.id);
    expect(quarterIds(after.periods)).toEqual(quarterIds(first));
    expect(after.periods.find((p) => p.scheme === 'quarters' && p.number === 4)?.endsOn).toBe('2027-05-31');
    expect(after.schemes).toEqual([
      { grade: 5, scheme: 'quarters' },
      { grade: 6, scheme: 'quarters' },
      { grade: 10, scheme: 'halves' },
      { grade: 11, scheme: 'halves' },
    ]);
    expect(after.periods.find((p) => p.kind === 'year')).toMatchObject({
      startsOn: '2026-09-01',
      endsOn: '2027-05-31',
    });
  });

  it('keeps a closed period’s dates, and stores nothing of a refused change', async () => {
    const { yearId, ctx } = await school();
    const quarters = defaultPeriods('quarters', year).map(({ startsOn, endsOn }) => ({ startsOn, endsOn }));
    await setPeriodScheme(ctx, yearId, 'quarters', { grades: [5], periods: quarters });
    await database.db
      .updateTable('periods')
      .set({ closedAt: new Date().toISOString() })
      .where('academicYearId', '=', yearId)
      .where('number', '=', 1)
      .where('kind', '=', 'term')
      .execute();
    const changed = quarters.map((p, i) =>
      i === 0 ? { ...p, endsOn: '2026-10-20' } : i === 1 ? { ...p, endsOn: '2026-12-25' } : p,
    );
    expect(
      await refusal(setPeriodScheme(ctx, yearId, 'quarters', { grades: [5, 7], periods: changed })),
    ).toEqual({
      code: 'validation',
      fields: { 'periods.0.startsOn': 'calendarPeriodClosed' },
    });
    const view = await getYearCalendar(ctx, yearId);
    expect(view.periods.find((p) => p.number === 2 && p.scheme === 'quarters')?.endsOn).toBe(
      quarters[1]!.endsOn,
    );
    expect(view.schemes).toEqual([{ grade: 5, scheme: 'quarters' }]);
    await setPeriodScheme(ctx, yearId, 'quarters', {
      grades: [5],
      periods: quarters.map((p, i) => (i === 1 ? { ...p, endsOn: '2026-12-25' } : p)),
    });
    expect((await getYearCalendar(ctx, yearId)).periods.find((p) => p.number === 1)?.closed).toBe(true);
  });

  it('lets two schools have the same year, refuses an overlap within one, and checks entries against the year', async () => {
    const a = await school();
    const b = await school();
    const next = { name: '2027/2028', startsOn: '2027-09-01', endsOn: '2028-08-31' };
    await createAcademicYear(a.ctx, next);
    await createAcademicYear(b.ctx, next);
    expect(
      await refusal(createAcademicYear(a.ctx, { ...next, name: '2028/2029', startsOn: '2028-08-01' })),
    ).toEqual({
      code: 'validation',
      fields: { startsOn: 'calendarYearOverlap' },
    });
    expect(
      await refusal(
        addCalendarEntry(a.ctx, a.yearId, {
          kind: 'workday',
          name: 'Перенос',
          startsOn: '2027-09-04',
          endsOn: '2027-09-04',
          grade: null,
          asWeekday: 1,
        }),
      ),
    ).toEqual({
      code: 'validation',
      fields: { startsOn: 'calendarOutsideYear', endsOn: 'calendarOutsideYear' },
    });
    expect(await refusal(getYearCalendar(a.ctx, b.yearId))).toEqual({ code: 'not_found', fields: undefined });
  });
});
