import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { type Action, capabilities, type Scope } from '../../domain/abilities.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { today } from './relationships.queries.ts';

/** Where an action reaches for an actor: whole schools, whole districts, and relationships. */
export interface Reach {
  schoolIds: number[];
  districtIds: number[];
  relations: Set<Exclude<Scope, 'school' | 'district'>>;
}

/** Resolves the capability map against the actor's grants (school roles count in their school). */
export function reachOf(actor: Actor, action: Action): Reach {
  const reach: Reach = { schoolIds: [], districtIds: [], relations: new Set() };
  if (actor.kind !== 'person') return reach;
  for (const g of actor.grants) {
    const granted: Partial<Record<Action, readonly Scope[]>> = capabilities[g.role];
    for (const scope of granted[action] ?? []) {
      if (scope === 'school') {
        if (g.schoolId !== null) reach.schoolIds.push(g.schoolId);
      } else if (scope === 'district') {
        if (g.districtId !== null) reach.districtIds.push(g.districtId);
      } else reach.relations.add(scope);
    }
  }
  return reach;
}

/** Whether the actor may do the action anywhere at all. */
export function reachesAnything(reach: Reach): boolean {
  return reach.schoolIds.length > 0 || reach.districtIds.length > 0 || reach.relations.size > 0;
}

type Eb<T extends keyof DB> = ExpressionBuilder<DB, T>;

function schoolsOfDistricts(eb: Eb<'persons'> | Eb<'classes'>, districtIds: number[]) {
  const q = eb as Eb<'persons'>;
  return q.selectFrom('schools').select('schools.id').where('schools.districtId', 'in', districtIds);
}

/** Memberships that hold on a date: a student who moved out no longer counts. */
function currentMemberships(eb: Eb<'persons'>, on: string) {
  return eb
    .selectFrom('groupMemberships')
    .where('groupMemberships.startsOn', '<=', on)
    .where((w) => w.or([w('groupMemberships.endsOn', 'is', null), w('groupMemberships.endsOn', '>=', on)]));
}

/** Today's students of the classes the person leads. */
function studentsOfClassTeacher(eb: Eb<'persons'>, personId: number, on: string) {
  return currentMemberships(eb, on)
    .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
    .innerJoin('classes', 'classes.id', 'groups.classId')
    .select('groupMemberships.studentId')
    .where('groups.kind', '=', 'class')
    .where('classes.classTeacherId', '=', personId)
    .where('classes.archivedAt', 'is', null);
}

/** Today's members of the groups the person teaches. */
function studentsTaughtBy(eb: Eb<'persons'>, personId: number, on: string) {
  return currentMemberships(eb, on)
    .innerJoin('courses', 'courses.groupId', 'groupMemberships.groupId')
    .select('groupMemberships.studentId')
    .where((w) => w.or([w('courses.teacherId', '=', personId), w('courses.secondTeacherId', '=', personId)]))
    .where('courses.archivedAt', 'is', null);
}

function childrenOf(eb: Eb<'persons'>, personId: number) {
  return eb
    .selectFrom('guardianships')
    .select('guardianships.studentId')
    .where('guardianships.guardianId', '=', personId)
    .where('guardianships.archivedAt', 'is', null);
}

/** A SQL condition on `persons` true for the students the actor may act on: scoping inside SQL. */
export function studentScope(eb: Eb<'persons'>, actor: Actor, action: Action): Expression<SqlBool> {
  const reach = reachOf(actor, action);
  if (actor.kind !== 'person' || !reachesAnything(reach)) return eb.lit(false);
  const me = actor.personId;
  const any: Expression<SqlBool>[] = [];
  if (reach.schoolIds.length) any.push(eb('persons.schoolId', 'in', reach.schoolIds));
  if (reach.districtIds.length)
    any.push(eb('persons.schoolId', 'in', schoolsOfDistricts(eb, reach.districtIds)));
  const on = today();
  if (reach.relations.has('classTeacher'))
    any.push(eb('persons.id', 'in', studentsOfClassTeacher(eb, me, on)));
  if (reach.relations.has('teaches')) any.push(eb('persons.id', 'in', studentsTaughtBy(eb, me, on)));
  if (reach.relations.has('guardian')) any.push(eb('persons.id', 'in', childrenOf(eb, me)));
  if (reach.relations.has('self')) any.push(eb('persons.id', '=', me));
  const isStudent = eb(
    'persons.id',
    'in',
    eb
      .selectFrom('roleAssignments')
      .select('roleAssignments.personId')
      .where('roleAssignments.role', '=', 'student')
      .where('roleAssignments.revokedAt', 'is', null),
  );
  return eb.and([isStudent, eb.or(any)]);
}

/** A SQL condition on `classes` true for the classes the actor may act on. */
export function classScope(eb: Eb<'classes'>, actor: Actor, action: Action): Expression<SqlBool> {
  const reach = reachOf(actor, action);
  if (actor.kind !== 'person' || !reachesAnything(reach)) return eb.lit(false);
  const me = actor.personId;
  const any: Expression<SqlBool>[] = [];
  if (reach.schoolIds.length) any.push(eb('classes.schoolId', 'in', reach.schoolIds));
  if (reach.districtIds.length)
    any.push(eb('classes.schoolId', 'in', schoolsOfDistricts(eb, reach.districtIds)));
  if (reach.relations.has('classTeacher')) any.push(eb('classes.classTeacherId', '=', me));
  if (reach.relations.has('teaches')) {
    const taught = eb
      .selectFrom('courses')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .select('groups.classId')
      .where((w) => w.or([w('courses.teacherId', '=', me), w('courses.secondTeacherId', '=', me)]))
      .where('courses.archivedAt', 'is', null)
      .where('groups.classId', 'is not', null);
    any.push(eb('classes.id', 'in', taught.$narrowType<{ classId: number }>()));
  }
  return any.length ? eb.or(any) : eb.lit(false);
}
