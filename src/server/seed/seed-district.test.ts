import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { type DistrictSummary, seedDistrict } from './seed-district.ts';

describe.each(engines())('seedDistrict on $name', (engine) => {
  let database: Database;
  let district: DistrictSummary;
  const prefix = `d${Date.now().toString(36)}.`;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    database = await engine.open();
    district = await seedDistrict(database.db, {
      schools: 2,
      loginPrefix: prefix,
      // The journal is the demo school's code (journal-write.test.ts); here only the people.
      journal: false,
      onProgress: (done, total) => progress.push([done, total]),
    });
  });
  afterAll(() => database.close());

  it('creates two schools of ≈1,000 students each in one district', async () => {
    expect(district.schoolIds).toHaveLength(2);
    const schools = await database.db
      .selectFrom('schools')
      .select(['id', 'districtId'])
      .where('id', 'in', district.schoolIds)
      .execute();
    expect(schools.every((s) => s.districtId === district.districtId)).toBe(true);
    const students = await database.db
      .selectFrom('roleAssignments')
      .select('personId')
      .where('schoolId', 'in', district.schoolIds)
      .where('role', '=', 'student')
      .execute();
    expect(students.length).toBeGreaterThan(1800);
    expect(students.length).toBeLessThan(2200);
    const classes = await database.db
      .selectFrom('classes')
      .select('id')
      .where('schoolId', 'in', district.schoolIds)
      .execute();
    expect(classes).toHaveLength(66);
  });

  it('gives staff unique logins prefixed with the school number', async () => {
    const accounts = await database.db
      .selectFrom('accounts')
      .innerJoin('persons', 'persons.id', 'accounts.personId')
      .select(['login', 'persons.schoolId'])
      .where('persons.schoolId', 'in', district.schoolIds)
      .execute();
    expect(accounts.length).toBeGreaterThan(80);
    expect(new Set(accounts.map((a) => a.login)).size).toBe(accounts.length);
    district.schoolIds.forEach((schoolId, i) => {
      const own = accounts.filter((a) => a.schoolId === schoolId).map((a) => a.login);
      expect(own.every((login) => login.startsWith(`${prefix}s${i + 1}.`))).toBe(true);
      expect(own).toContain(`${prefix}s${i + 1}.admin`);
    });
  });

  it('writes one audit event per school and reports progress to the end', async () => {
    const audit = await database.db
      .selectFrom('auditEvents')
      .select('entityId')
      .where('action', '=', 'seed.school')
      .where('schoolId', 'in', district.schoolIds)
      .execute();
    expect(audit.map((a) => Number(a.entityId)).sort()).toEqual([...district.schoolIds].sort());
    const last = progress.at(-1);
    expect(last?.[0]).toBe(last?.[1]);
  });
});
