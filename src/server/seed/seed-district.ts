import { type Kysely, PostgresAdapter } from 'kysely';
import { hashPassword } from '../auth/password.ts';
import type { DB } from '../db/schema.ts';
import { academicYearOf } from './calendar.ts';
import { journalSteps, writeJournal } from './journal-write.ts';
import { countPlan, type PlanCounts, planSchool } from './plan-school.ts';
import { progressCounter } from './progress.ts';
import { demoPassword, type SeedOptions } from './seed-demo-school.ts';
import { assertLoginsFree, writeDistrict } from './write-district.ts';
import { schoolSteps, writeSchool } from './write-school.ts';
import { writeTimetable } from './write-timetable.ts';

/** Options of `seedDistrict`: how many schools, and the seed that makes them. */
export interface DistrictOptions extends SeedOptions {
  schools: number;
  /** Base seed; school k is planned from `seed * 1000 + k`. Default 1. */
  seed?: number;
  /** Give each school its timetable and its journal up to today, as the demo school has. Default true. */
  journal?: boolean;
  /** Classes per grade (≈30 students each). Default 3: ≈1,000 students a school. */
  classesPerGrade?: number;
  /** Schools written at once, each on its own connection. Default 3 on PostgreSQL, 1 on SQLite. */
  parallel?: number;
}

/** A «today» at the end of the current academic year: the journal filled as if the year were over. */
export function endOfYear(now = new Date()): Date {
  return new Date(`${academicYearOf(now).startYear + 1}-06-30T12:00:00Z`);
}

/** What `seedDistrict` created. */
export interface DistrictSummary {
  districtId: number;
  /** The inspector with role `district`. */
  districtPersonId: number;
  districtLogin: string;
  schoolIds: number[];
  counts: PlanCounts & { schools: number };
}

/**
 * Seeds a district of N schools for benchmarks: each with 3 classes per grade of ≈30 students
 * (≈1,000 students), their parents and staff, and (unless `journal: false`) its timetable and
 * journal of the year up to `today` (`endOfYear()` for the whole year). Logins carry the school
 * number (`s12.admin`, `s12.t.ivanova`); the inspector is `uo.district`. One transaction per
 * school, so a long run commits as it goes; on PostgreSQL `parallel` schools at a time.
 */
export async function seedDistrict(db: Kysely<DB>, options: DistrictOptions): Promise<DistrictSummary> {
  const today = options.today ?? new Date();
  const year = academicYearOf(today);
  const prefix = options.loginPrefix ?? '';
  const seed = options.seed ?? 1;
  const perSchool = schoolSteps + (options.journal === false ? 0 : 1 + journalSteps);
  const step = progressCounter(1 + options.schools * perSchool, options.onProgress);
  const districtLogin = `${prefix}uo.district`;
  await assertLoginsFree(db, [districtLogin]);
  const passwordHash = await hashPassword(demoPassword);
  const now = new Date().toISOString();
  const district = await db.transaction().execute((trx) =>
    writeDistrict(trx, {
      name: `Управление образования (школ: ${options.schools})`,
      login: districtLogin,
      seed: seed * 1000,
      startYear: year.startYear,
      passwordHash,
      now,
    }),
  );
  step('управление образования');

  const ids = new Map<number, number>();
  const counts = { schools: options.schools, students: 0, parents: 0, staff: 0, accounts: 1 };
  const seedSchool = async (number: number) => {
    const plan = planSchool(
      {
        number,
        classesPerGrade: options.classesPerGrade ?? 3,
        classSize: [27, 33],
        loginPrefix: `${prefix}s${number}.`,
        specialists: 8,
      },
      seed * 1000 + number,
      year,
    );
    await assertLoginsFree(
      db,
      plan.people.flatMap((p) => p.login ?? []),
    );
    const ctx = { districtId: district.districtId, year, passwordHash, now, step };
    const school = await db.transaction().execute(async (trx) => {
      const school = await writeSchool(trx, plan, ctx);
      if (options.journal !== false) {
        await writeTimetable(trx, school, year);
        step(`СОШ № ${number}: расписание и уроки`);
        const label = (what: string) => step(`СОШ № ${number}: ${what}`);
        await writeJournal(trx, school, today.toISOString().slice(0, 10), seed * 1000 + number, label);
      }
      return school;
    });
    ids.set(number, school.schoolId);
    const c = countPlan(plan);
    counts.students += c.students;
    counts.parents += c.parents;
    counts.staff += c.staff;
    counts.accounts += c.accounts;
  };
  // Each school is its own transaction and its own audit chain: on PostgreSQL several are written
  // at once on separate connections, so the server inserts one while this process plans another.
  let next = 1;
  const parallel = Math.max(
    1,
    options.parallel ?? (db.getExecutor().adapter instanceof PostgresAdapter ? 3 : 1),
  );
  const worker = async () => {
    for (let number = next++; number <= options.schools; number = next++) await seedSchool(number);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, options.schools) }, worker));
  const schoolIds = [...ids.keys()].sort((a, b) => a - b).map((n) => ids.get(n) ?? 0);
  return {
    districtId: district.districtId,
    districtPersonId: district.personId,
    districtLogin,
    schoolIds,
    counts,
  };
}
