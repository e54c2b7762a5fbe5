import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';

const halves = [
  { startsOn: '2026-09-01', endsOn: '2026-12-28' },
  { startsOn: '2027-01-11', endsOn: '2027-05-26' },
];
const bells = [{ lessonNumber: 1, startsAt: '08:30', endsAt: '09:15' }];

/**
 * The same calendar change sent five times at once (a double click, a retry) is checked and
 * written one at a time: one lands, the others are refused with a 400 or change nothing; never a
 * 5xx, never two overlapping years, two bell sets for one weekday or a holiday twice.
 */
describe.each(engines())('calendar changes sent at once on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: Client;
  let schoolId: number;
  let yearId: number;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    ({ schoolId, yearId } = await buildSchool(database.db));
    admin = await signIn(app, (await buildPerson(database.db, { schoolId, roles: ['admin'] })).login);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const fiveAtOnce = (url: string, body: object) =>
    Promise.all([1, 2, 3, 4, 5].map(() => admin.send('POST', url, body)));
  const statuses = (all: LightMyRequestResponse[]) => all.map((r) => r.statusCode).sort();
  const count = async (table: 'academicYears' | 'bellSchedules' | 'periods' | 'calendarEntries') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('schoolId', '=', schoolId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('opens one year of five overlapping ones', async () => {
    const body = { name: '2027/2028', startsOn: '2027-09-01', endsOn: '2028-08-31' };
    expect(statuses(await fiveAtOnce('/api/calendar/years', body))).toEqual([201, 400, 400, 400, 400]);
    expect(await count('academicYears')).toBe(2);
  });

  it('sets a scheme five times over without a 5xx, its periods once', async () => {
    const body = { grades: [5], periods: halves };
    const all = await fiveAtOnce(`/api/calendar/years/${yearId}/schemes/halves`, body);
    expect(statuses(all)).toEqual([200, 200, 200, 200, 200]);
    // Two halves and the year period.
    // Two half-years and the year, exam and final periods.
    expect(await count('periods')).toBe(5);
  });

  it('gives a weekday one bell set', async () => {
    const body = { name: 'Основное', weekdays: [1, 2], times: bells };
    expect(statuses(await fiveAtOnce('/api/calendar/bells', body))).toEqual([201, 400, 400, 400, 400]);
    expect(await count('bellSchedules')).toBe(1);
  });

  it('adds the public holidays and the usual vacations once', async () => {
    const holidays = await fiveAtOnce(`/api/calendar/years/${yearId}/holidays`, {});
    const added = holidays.map((r) => (r.json() as { added: number }).added);
    expect(added.filter((n) => n > 0)).toHaveLength(1);
    const vacations = await fiveAtOnce(`/api/calendar/years/${yearId}/vacations`, {});
    const addedVacations = vacations.map((r) => (r.json() as { added: number }).added);
    expect(addedVacations.filter((n) => n > 0)).toHaveLength(1);
    expect(await count('calendarEntries')).toBe(Math.max(...added) + Math.max(...addedVacations));
  });
});
