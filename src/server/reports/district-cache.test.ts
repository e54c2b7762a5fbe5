import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildDistrict, buildPerson } from '../../../test/factories.ts';
import type { Ctx } from '../access/actor.ts';
import { bumpDataVersion } from '../audit/record-audit.ts';
import { grantsOf } from '../auth/auth.queries.ts';
import type { Database } from '../db/database.ts';
import { cachedSchoolFigures, dataVersionsOf, forgetSchoolFigures } from './district-cache.ts';
import { districtReport } from './district-reports.ts';
import { resultsSchool } from './results.test-helpers.ts';

describe.each(engines())('the district rollup kept per data version on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof resultsSchool>>;
  let inspector: Ctx;

  beforeAll(async () => {
    database = await engine.open();
    const districtId = await buildDistrict(database.db);
    s = await resultsSchool(database.db, districtId);
    const person = await buildPerson(database.db, { schoolId: null, districtId, roles: ['district'] });
    inspector = {
      db: database.db,
      actor: {
        kind: 'person',
        personId: person.id,
        accountId: 0,
        grants: await grantsOf(database.db, person.id),
      },
      request: { requestId: null, ip: null, lang: 'ru' },
    };
  });
  afterAll(async () => {
    await database.close();
  });

  it('a school’s version is 0 until an audited change bumps it', async () => {
    const before = (await dataVersionsOf(database.db, [s.schoolId])).get(s.schoolId) ?? -1;
    await bumpDataVersion(database.db, s.schoolId);
    expect((await dataVersionsOf(database.db, [s.schoolId])).get(s.schoolId)).toBe(before + 1);
    expect((await dataVersionsOf(database.db, [])).size).toBe(0);
  });

  it('computes once per key, again for a new version, and never keeps a failure', async () => {
    let calls = 0;
    const key = { schoolId: s.schoolId, version: 7, question: 'q' };
    const count = async () => ++calls;
    expect(await cachedSchoolFigures(database.db, key, count)).toBe(1);
    expect(await cachedSchoolFigures(database.db, key, count)).toBe(1);
    expect(await cachedSchoolFigures(database.db, { ...key, version: 8 }, count)).toBe(2);
    expect(await cachedSchoolFigures(database.db, { ...key, question: 'other' }, count)).toBe(3);
    const failing = { ...key, question: 'fails' };
    await expect(
      cachedSchoolFigures(database.db, failing, () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await cachedSchoolFigures(database.db, failing, count)).toBe(4);
    forgetSchoolFigures(database.db);
    expect(await cachedSchoolFigures(database.db, key, count)).toBe(5);
  });

  it('the rollup asked again makes three queries; after an audited change it shows the new figures', async () => {
    forgetSchoolFigures(database.db);
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = database.db;
    const first = await districtReport(inspector, { periodNumber: 1 });
    const ours = () => first.schools.find((x) => x.schoolId === s.schoolId)!;
    expect(ours()).toMatchObject({ students: 5, successPct: 60, qualityPct: 40 });
    // Every counted student gets «5» for the term, written without the audit: the kept figures stay.
    await db
      .updateTable('periodMarks')
      .set({ value: '5' })
      .where('schoolId', '=', s.schoolId)
      .where('periodId', '=', s.periods.q1)
      .execute();
    queries = 0;
    const again = await districtReport({ ...inspector, db: db.withPlugin(counter) }, { periodNumber: 1 });
    // The district, its schools, their data versions; no school is computed again.
    expect(queries).toBe(3);
    expect(again.schools.find((x) => x.schoolId === s.schoolId)).toEqual(ours());
    // The same change as an audited use case makes it: the version moves, the figures follow.
    await bumpDataVersion(db, s.schoolId);
    const after = await districtReport(inspector, { periodNumber: 1 });
    const changed = after.schools.find((x) => x.schoolId === s.schoolId)!;
    expect(changed.qualityPct).toBeGreaterThan(40);
    expect(changed.successPct).toBeGreaterThan(60);
  });
});
