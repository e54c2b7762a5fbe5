import type { Transaction } from 'kysely';
import { russianSortKey } from '../../domain/russian-order.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { DB } from '../db/schema.ts';
import type { Existing } from './roster-import-existing.ts';
import type { PlannedClass, PlannedCourse, PlannedPerson, RosterPlan } from './roster-import-model.ts';

/** What an import wrote, counted. */
export interface Applied {
  persons: number;
  classes: number;
  courses: number;
  memberships: number;
  guardianships: number;
}

type Trx = Transaction<DB>;

/** Records (or moves) the local id a sourcedId stands for, unless it already does. */
async function remember(
  trx: Trx,
  plan: RosterPlan,
  existing: Existing,
  entity: string,
  sourcedId: string,
  localId: number,
) {
  const key = `${entity}:${sourcedId}`;
  if (!sourcedId || existing.rosterIds.get(key) === localId) return;
  if (existing.rosterIds.has(key)) {
    await trx
      .updateTable('rosterIds')
      .set({ localId })
      .where('schoolId', '=', plan.schoolId)
      .where('entity', '=', entity)
      .where('sourcedId', '=', sourcedId)
      .execute();
  } else {
    await trx
      .insertInto('rosterIds')
      .values({ schoolId: plan.schoolId, entity, sourcedId, localId })
      .execute();
  }
  existing.rosterIds.set(key, localId);
}

async function createPerson(trx: Trx, ctx: Ctx, plan: RosterPlan, p: PlannedPerson): Promise<number> {
  const { id } = await trx
    .insertInto('persons')
    .values({
      schoolId: plan.schoolId,
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      sortKey: russianSortKey(p.lastName, p.firstName, p.middleName),
      sex: p.sex,
      birthDate: p.birthDate,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const role of p.roles) {
    await trx
      .insertInto('roleAssignments')
      .values({ personId: id, role, schoolId: plan.schoolId, districtId: null })
      .execute();
  }
  if (p.kind === 'student') {
    await trx
      .insertInto('studentProfiles')
      .values({ personId: id, schoolId: plan.schoolId, fileNumber: p.fileNumber ?? '' })
      .execute();
  }
  await recordAudit(trx, ctx, {
    schoolId: plan.schoolId,
    action: 'roster.import.person',
    entity: 'person',
    entityId: id,
    after: {
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      roles: p.roles,
      sourcedId: p.sourcedId,
    },
  });
  return id;
}

async function createClass(trx: Trx, ctx: Ctx, plan: RosterPlan, c: PlannedClass) {
  const cls = await trx
    .insertInto('classes')
    .values({
      schoolId: plan.schoolId,
      academicYearId: plan.yearId,
      grade: c.grade,
      letter: c.letter,
      classTeacherId: c.classTeacher?.localId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const group = await trx
    .insertInto('groups')
    .values({
      schoolId: plan.schoolId,
      academicYearId: plan.yearId,
      classId: cls.id,
      kind: 'class',
      name: `${c.grade}${c.letter}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    schoolId: plan.schoolId,
    action: 'roster.import.class',
    entity: 'class',
    entityId: cls.id,
    after: {
      grade: c.grade,
      letter: c.letter,
      classTeacherId: c.classTeacher?.localId ?? null,
      sourcedId: c.sourcedId,
    },
  });
  c.localId = cls.id;
  c.groupId = group.id;
}

async function subjectId(
  trx: Trx,
  ctx: Ctx,
  plan: RosterPlan,
  existing: Existing,
  name: string,
): Promise<number> {
  const known = existing.subjectsByName.get(name.toLowerCase());
  if (known !== undefined) return known;
  const { id } = await trx
    .insertInto('subjects')
    .values({ schoolId: plan.schoolId, name, shortName: name.slice(0, 12) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    schoolId: plan.schoolId,
    action: 'roster.import.subject',
    entity: 'subject',
    entityId: id,
    after: { name },
  });
  existing.subjectsByName.set(name.toLowerCase(), id);
  return id;
}

async function createCourse(trx: Trx, ctx: Ctx, plan: RosterPlan, existing: Existing, c: PlannedCourse) {
  const group = c.group!;
  const subject = await subjectId(trx, ctx, plan, existing, c.subjectName);
  let groupId: number;
  if (group.kind === 'class') groupId = group.of.groupId!;
  else {
    const row = await trx
      .insertInto('groups')
      .values({
        schoolId: plan.schoolId,
        academicYearId: plan.yearId,
        classId: group.kind === 'subgroup' ? group.of.localId : null,
        kind: group.kind,
        name: group.name,
        subjectId: subject,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    groupId = row.id;
    await recordAudit(trx, ctx, {
      schoolId: plan.schoolId,
      action: 'roster.import.group',
      entity: 'group',
      entityId: groupId,
      after: {
        kind: group.kind,
        name: group.name,
        classId: group.kind === 'subgroup' ? group.of.localId : null,
      },
    });
  }
  const { id } = await trx
    .insertInto('courses')
    .values({
      schoolId: plan.schoolId,
      academicYearId: plan.yearId,
      subjectId: subject,
      groupId,
      teacherId: c.teacher!.localId!,
      secondTeacherId: c.secondTeacher?.localId ?? null,
      hoursPerWeek: c.hoursPerWeek,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    schoolId: plan.schoolId,
    action: 'roster.import.course',
    entity: 'course',
    entityId: id,
    after: {
      subjectId: subject,
      groupId,
      teacherId: c.teacher!.localId,
      hoursPerWeek: c.hoursPerWeek,
      sourcedId: c.sourcedId,
    },
  });
  c.localId = id;
  c.groupId = groupId;
}

/** Writes the plan in the caller's transaction: persons, classes, courses, memberships, guardianships, roster ids. */
export async function applyPlan(trx: Trx, ctx: Ctx, plan: RosterPlan, existing: Existing): Promise<Applied> {
  const applied: Applied = { persons: 0, classes: 0, courses: 0, memberships: 0, guardianships: 0 };
  for (const org of plan.orgSourcedIds) await remember(trx, plan, existing, 'org', org, plan.schoolId);
  for (const p of plan.people) {
    if (p.localId === null) {
      p.localId = await createPerson(trx, ctx, plan, p);
      applied.persons += 1;
    }
    await remember(trx, plan, existing, 'user', p.sourcedId, p.localId);
  }
  for (const c of plan.classes) {
    if (c.localId === null) {
      await createClass(trx, ctx, plan, c);
      applied.classes += 1;
    }
    await remember(trx, plan, existing, 'class', c.sourcedId, c.localId!);
  }
  for (const c of plan.courses) {
    if (c.localId === null) {
      await createCourse(trx, ctx, plan, existing, c);
      applied.courses += 1;
    }
    await remember(trx, plan, existing, 'course', c.sourcedId, c.localId!);
  }
  for (const m of plan.memberships) {
    if ('course' in m.target && m.target.course.group?.kind === 'class') continue;
    if (m.localId === null) {
      const groupId = 'homeroom' in m.target ? m.target.homeroom.groupId! : m.target.course.groupId!;
      const row = await trx
        .insertInto('groupMemberships')
        .values({
          schoolId: plan.schoolId,
          groupId,
          studentId: m.student.localId!,
          startsOn: m.startsOn,
          endsOn: m.endsOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      m.localId = row.id;
      await recordAudit(trx, ctx, {
        schoolId: plan.schoolId,
        action: 'roster.import.membership',
        entity: 'groupMembership',
        entityId: row.id,
        after: {
          groupId,
          studentId: m.student.localId,
          startsOn: m.startsOn,
          endsOn: m.endsOn,
          sourcedId: m.sourcedId,
        },
      });
      applied.memberships += 1;
    }
    await remember(trx, plan, existing, 'enrollment', m.sourcedId, m.localId);
  }
  for (const g of plan.guardianships) {
    const row = await trx
      .insertInto('guardianships')
      .values({
        schoolId: plan.schoolId,
        guardianId: g.guardian.localId!,
        studentId: g.student.localId!,
        kind: g.kind,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId: plan.schoolId,
      action: 'roster.import.guardianship',
      entity: 'guardianship',
      entityId: row.id,
      after: { guardianId: g.guardian.localId, studentId: g.student.localId, kind: g.kind },
    });
    applied.guardianships += 1;
  }
  return applied;
}
