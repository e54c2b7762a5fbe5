import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { seedDemoSchool } from './seed-demo-school.ts';

const sqlite = engines().find((e) => e.name === 'sqlite');

describe('seedDemoSchool determinism', () => {
  it('gives the same people and logins in two fresh databases', async () => {
    const runs: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const database = await sqlite!.open();
      try {
        const { schoolId } = await seedDemoSchool(database.db);
        const people = await database.db
          .selectFrom('persons')
          .leftJoin('accounts', 'accounts.personId', 'persons.id')
          .select(['lastName', 'firstName', 'middleName', 'birthDate', 'email', 'login'])
          .where((eb) => eb.or([eb('schoolId', '=', schoolId), eb('schoolId', 'is', null)]))
          .orderBy('persons.id')
          .execute();
        runs.push(
          people.map((p) => [p.lastName, p.firstName, p.middleName, p.birthDate, p.email, p.login].join(' ')),
        );
      } finally {
        await database.close();
      }
    }
    expect(runs[0]?.length).toBeGreaterThan(1000);
    expect(runs[1]).toEqual(runs[0]);
  });
});
