import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { insertAll } from './batches.ts';
import type { SchoolPlan } from './plan.ts';

/** Every this many families has not yet given consent: the class teacher's roster shows them. */
const withoutConsentEvery = 15;

/**
 * The personal file of every student (numbered in class order, health and PE groups) and the
 * parents' consents to processing personal data, dated the first school day; a few families
 * have not consented yet, as in a real school in September.
 */
export async function writePersonalFiles(
  trx: Transaction<DB>,
  plan: SchoolPlan,
  at: { schoolId: number; person: (index: number) => number; startsOn: string },
): Promise<void> {
  const students = plan.classes.flatMap((c) => c.students);
  const profiles = students.map((s, i) => ({
    personId: at.person(s),
    schoolId: at.schoolId,
    fileNumber: `${plan.number}-${String(i + 1).padStart(4, '0')}`,
    healthGroup: i % 9 === 4 ? 'III' : i % 3 === 1 ? 'I' : 'II',
    peGroup: i % 17 === 5 ? 'подготовительная' : 'основная',
    arrivedOn: null,
    arrivalOrder: null,
    departedOn: null,
    departureOrder: null,
  }));
  await insertAll(profiles, (batch) => trx.insertInto('studentProfiles').values(batch).execute());

  // The demo parent's and student's families always have consent: their logins must work.
  const demoFamily = new Set([
    plan.demo.student,
    ...plan.guardianships.filter((g) => g.guardian === plan.demo.parent).map((g) => g.student),
  ]);
  const withoutConsent = new Set(
    students.filter((s, i) => i % withoutConsentEvery === 7 && !demoFamily.has(s)),
  );
  const guardians = new Set(
    plan.guardianships.filter((g) => !withoutConsent.has(g.student)).map((g) => g.guardian),
  );
  const consents = [...guardians].map((g) => ({
    schoolId: at.schoolId,
    guardianId: at.person(g),
    givenOn: at.startsOn,
    withdrawnOn: null,
    recordedBy: null,
  }));
  await insertAll(consents, (batch) => trx.insertInto('consents').values(batch).execute());
}
