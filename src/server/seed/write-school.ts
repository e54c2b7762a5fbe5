import type { Transaction } from 'kysely';
import { schoolSettingsSchema } from '../../contract/settings.ts';
import { russianSortKey } from '../../domain/russian-order.ts';
import { systemCtx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { writeAccount } from '../credentials/write-account.ts';
import type { DB } from '../db/schema.ts';
import { idAt, insertAll, insertReturningIds } from './batches.ts';
import type { YearPlan } from './calendar.ts';
import type { SchoolPlan } from './plan.ts';
import { writePersonalFiles } from './write-personal-files.ts';
import { writeYearStructure } from './write-structure.ts';
import { writePlannedSubgroups } from './write-subgroups.ts';

/** What writing a school needs besides its plan. */
export interface WriteContext {
  districtId: number;
  year: YearPlan;
  /** The argon2 hash of «demo», computed once for every account. */
  passwordHash: string;
  /** The time of the seed (ISO), for accounts and the audit event. */
  now: string;
  /** Called after each of the `schoolSteps` steps of writing a school. */
  step: (label: string) => void;
}

/** Ids of a written school and of its planned people, in plan order. */
export interface WrittenSchool {
  schoolId: number;
  academicYearId: number;
  personIds: number[];
  classIds: number[];
}

/** How many times `writeSchool` calls `step`. */
export const schoolSteps = 5;

/** Writes a planned school in batches with its audit event, inside the caller's transaction. */
export async function writeSchool(
  trx: Transaction<DB>,
  plan: SchoolPlan,
  ctx: WriteContext,
): Promise<WrittenSchool> {
  const label = (what: string) => `${plan.shortName}: ${what}`;
  const { id: schoolId } = await trx
    .insertInto('schools')
    .values({
      districtId: ctx.districtId,
      name: plan.name,
      shortName: plan.shortName,
      settings: JSON.stringify(schoolSettingsSchema.parse({})),
      archivedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { academicYearId, subjectIds } = await writeYearStructure(trx, schoolId, ctx.year);
  ctx.step(label('год, календарь, предметы'));

  const personIds = await insertReturningIds(plan.people, (batch) =>
    trx
      .insertInto('persons')
      .values(
        batch.map(({ roles: _roles, login: _login, ...p }) => ({
          ...p,
          schoolId,
          sortKey: russianSortKey(p.lastName, p.firstName, p.middleName),
          archivedAt: null,
        })),
      )
      .returning('id')
      .execute(),
  );
  const person = (index: number) => idAt(personIds, index);
  ctx.step(label('люди'));

  // Accounts go through the credentials module's own write (audited per account), with the demo
  // password and no forced change: the demo logins are meant to be tried at once.
  const system = systemCtx(trx);
  for (const [i, p] of plan.people.entries()) {
    if (p.login === null) continue;
    await writeAccount(trx, system, {
      personId: person(i),
      schoolId,
      login: p.login,
      passwordHash: ctx.passwordHash,
      mustChangePassword: false,
      at: ctx.now,
    });
  }
  const roles = plan.people.flatMap((p, i) =>
    p.roles.map((role) => ({ personId: person(i), schoolId, districtId: null, role, revokedAt: null })),
  );
  await insertAll(roles, (batch) => trx.insertInto('roleAssignments').values(batch).execute());
  ctx.step(label('учётные записи и роли'));

  const classIds = await insertReturningIds(plan.classes, (batch) =>
    trx
      .insertInto('classes')
      .values(
        batch.map((c) => ({
          schoolId,
          academicYearId,
          grade: c.grade,
          letter: c.letter,
          classTeacherId: c.classTeacher === null ? null : person(c.classTeacher),
          daysPerWeek: 5,
          archivedAt: null,
        })),
      )
      .returning('id')
      .execute(),
  );
  // Whole-class groups are written in batches; subgroups go through the class teacher's own use
  // case (`writeSubgroups`), with their courses and members, exactly as a school would make them.
  const wholeIndexes = plan.groups.flatMap((g, i) => (g.kind === 'class' ? [i] : []));
  const wholeIds = await insertReturningIds(wholeIndexes, (batch) =>
    trx
      .insertInto('groups')
      .values(
        batch.map((i) => {
          const g = plan.groups[i]!;
          return {
            schoolId,
            academicYearId,
            classId: idAt(classIds, g.classIndex),
            kind: g.kind,
            name: g.name,
            archivedAt: null,
          };
        }),
      )
      .returning('id')
      .execute(),
  );
  const groupIdOf = new Map(wholeIndexes.map((planIndex, i) => [planIndex, idAt(wholeIds, i)]));
  const memberships = wholeIndexes.flatMap((i) =>
    plan.groups[i]!.students.map((s) => ({
      schoolId,
      groupId: groupIdOf.get(i) ?? -1,
      studentId: person(s),
      startsOn: ctx.year.startsOn,
      endsOn: null,
    })),
  );
  await insertAll(memberships, (batch) => trx.insertInto('groupMemberships').values(batch).execute());
  const guardianships = plan.guardianships.map((g) => ({
    schoolId,
    guardianId: person(g.guardian),
    studentId: person(g.student),
    kind: g.kind,
    archivedAt: null,
  }));
  await insertAll(guardianships, (batch) => trx.insertInto('guardianships').values(batch).execute());
  await writePersonalFiles(trx, plan, { schoolId, person, startsOn: ctx.year.startsOn });
  ctx.step(label('классы, группы, семьи'));

  const courses = plan.courses
    .filter((c) => groupIdOf.has(c.group))
    .map((c) => ({
      schoolId,
      academicYearId,
      subjectId: subjectIds.get(c.subject) ?? -1,
      groupId: groupIdOf.get(c.group) ?? -1,
      teacherId: person(c.teacher),
      secondTeacherId: null,
      hoursPerWeek: c.hours,
      archivedAt: null,
    }));
  await insertAll(courses, (batch) => trx.insertInto('courses').values(batch).execute());
  await writePlannedSubgroups(trx, plan, { classIds, subjectIds, person, startsOn: ctx.year.startsOn });
  await recordAudit(trx, systemCtx(trx), {
    schoolId: schoolId,
    action: 'seed.school',
    entity: 'school',
    entityId: schoolId,
    after: { name: plan.name, people: plan.people.length, classes: plan.classes.length },
  });
  ctx.step(label('нагрузка'));
  return { schoolId, academicYearId, personIds, classIds };
}
