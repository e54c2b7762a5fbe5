import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password.ts';
import type { DB } from '../db/schema.ts';
import { academicYearOf } from './calendar.ts';
import { subjectNames } from './curriculum.ts';
import { type DiaryCounts, writeDemoDiary } from './diary.ts';
import { type JournalCounts, writeJournal } from './journal-write.ts';
import type { DemoPeople } from './plan.ts';
import { countPlan, type PlanCounts, planSchool } from './plan-school.ts';
import { type OnProgress, progressCounter } from './progress.ts';
import { assertLoginsFree, writeDistrict } from './write-district.ts';
import { schoolSteps, writeSchool } from './write-school.ts';
import { writeTimetable } from './write-timetable.ts';

/** Options shared by the seeders. */
export interface SeedOptions {
  onProgress?: OnProgress;
  /** Picks the academic year (the one containing it); today by default. */
  today?: Date;
  /** Prepended to every login, so a shared database can be seeded more than once (tests). */
  loginPrefix?: string;
}

/** The people behind the demo logins. */
export type DemoRole = keyof DemoPeople | 'district';

/** What `seedDemoSchool` created: ids, the demo people with their logins, and head counts. */
export interface DemoSummary {
  districtId: number;
  schoolId: number;
  academicYearId: number;
  people: Record<DemoRole, number>;
  logins: Record<DemoRole, string>;
  counts: PlanCounts & { classes: number; groups: number; courses: number; subjects: number };
  /** What the journal generator wrote for the year up to today. */
  journal: JournalCounts;
  /** The diary's demo content: preferences, acknowledgements, a notice, conversations. */
  diary: DiaryCounts;
}

/** The fixed seed of the demo school: every run gives the same people. */
export const demoSeed = 2;
/** The password of every demo account. */
export const demoPassword = 'demo';

/**
 * Seeds the demo: the district «Управление образования (демо)» with its inspector and school
 * № 2 with 22 classes, ≈550 students and their parents, ≈45 staff, subjects, courses, the
 * calendar of the current year, the timetable and the journal of the year up to today (КТП,
 * lesson pages, marks, attendance, closed past terms), and the demo accounts admin, director, deputy, teacher, parent,
 * student and district (password «demo»).
 */
export async function seedDemoSchool(db: Kysely<DB>, options: SeedOptions = {}): Promise<DemoSummary> {
  const today = options.today ?? new Date();
  const year = academicYearOf(today);
  const prefix = options.loginPrefix ?? '';
  const step = progressCounter(3 + schoolSteps, options.onProgress);
  const plan = planSchool(
    { number: 2, classesPerGrade: 2, classSize: [22, 28], loginPrefix: prefix, specialists: 6 },
    demoSeed,
    year,
  );
  const districtLogin = `${prefix}district`;
  await assertLoginsFree(db, [districtLogin, ...plan.people.flatMap((p) => p.login ?? [])]);
  const passwordHash = await hashPassword(demoPassword);
  const now = new Date().toISOString();
  step('пароль');

  // One transaction: a failed demo leaves nothing behind, so the next start simply tries again.
  const { district, school, journal, diary } = await db.transaction().execute(async (trx) => {
    const district = await writeDistrict(trx, {
      name: 'Управление образования (демо)',
      login: districtLogin,
      seed: demoSeed * 1000,
      startYear: year.startYear,
      passwordHash,
      now,
    });
    step('управление образования');
    const school = await writeSchool(trx, plan, {
      districtId: district.districtId,
      year,
      passwordHash,
      now,
      step,
    });
    await writeTimetable(trx, school, year);
    const journal = await writeJournal(trx, school, today.toISOString().slice(0, 10), demoSeed);
    step('журнал');
    const diary = await writeDemoDiary(trx, {
      schoolId: school.schoolId,
      parentId: school.personIds[plan.demo.parent] ?? -1,
      studentId: school.personIds[plan.demo.student] ?? -1,
      directorId: school.personIds[plan.demo.director] ?? -1,
      today: today.toISOString().slice(0, 10),
      yearStartsOn: year.startsOn,
      seed: demoSeed,
    });
    return { district, school, journal, diary };
  });

  const idOf = (index: number) => school.personIds[index] ?? -1;
  const people = {
    ...(Object.fromEntries(Object.entries(plan.demo).map(([role, index]) => [role, idOf(index)])) as Record<
      keyof DemoPeople,
      number
    >),
    district: district.personId,
  };
  const logins = {
    ...(Object.fromEntries(
      Object.entries(plan.demo).map(([role, index]) => [role, plan.people[index]?.login ?? '']),
    ) as Record<keyof DemoPeople, string>),
    district: districtLogin,
  };
  const counts = countPlan(plan);
  return {
    districtId: district.districtId,
    schoolId: school.schoolId,
    academicYearId: school.academicYearId,
    people,
    logins,
    counts: {
      ...counts,
      accounts: counts.accounts + 1,
      classes: plan.classes.length,
      groups: plan.groups.length,
      courses: plan.courses.length,
      subjects: subjectNames.length,
    },
    journal,
    diary,
  };
}
