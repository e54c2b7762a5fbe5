import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { type Reach, reachesAnything, reachOf } from '../access/scopes.ts';
import type { DB } from '../db/schema.ts';
import { AppError, forbidden } from '../http/app-error.ts';
import type { MessageKey } from '../http/messages.ts';

/** A signed-in person who may use messages, with where `messages.use` reaches for them. */
export interface Messenger {
  personId: number;
  reach: Reach;
}

/** The actor if they may use messages at all: 401 without a session, 403 without the ability. */
export function requireMessaging(ctx: Ctx): Messenger {
  if (ctx.actor.kind !== 'person') throw new AppError('unauthenticated', 'unauthenticated');
  const reach = reachOf(ctx.actor, 'messages.use');
  if (!reachesAnything(reach)) throw forbidden();
  return { personId: ctx.actor.personId, reach };
}

/** Whether the actor reaches students as staff: teaching them, leading their class, or the school. */
export function actsAsStaff(m: Messenger): boolean {
  return (
    m.reach.schoolIds.length > 0 || m.reach.relations.has('teaches') || m.reach.relations.has('classTeacher')
  );
}

/** A validation error on one field. */
export function fieldError(field: string, key: MessageKey): AppError {
  return new AppError('validation', key, {}, { [field]: key });
}

/** The current time as stored in messages (ISO-8601, the same text on both engines). */
export function now(): string {
  return new Date().toISOString();
}

/** A person's full name as the interface writes it. */
export function personName(p: { lastName: string; firstName: string; middleName: string }): string {
  return `${p.lastName} ${p.firstName} ${p.middleName}`.trim();
}

/** A class as people write it: «5А». */
export function className(c: { grade: number | null; letter: string | null }): string | null {
  return c.grade === null || c.letter === null ? null : `${c.grade}${c.letter}`;
}

/** The people with an enabled account (to narrow `persons.id` with). */
export function accountHolders(db: Db) {
  return db.selectFrom('accounts').select('accounts.personId').where('accounts.disabledAt', 'is', null);
}

/** Today's memberships of groups: who is in which group on `on`. */
export function membershipsOn(db: Db, on: string) {
  return db
    .selectFrom('groupMemberships')
    .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
    .where('groupMemberships.startsOn', '<=', on)
    .where((eb) =>
      eb.or([eb('groupMemberships.endsOn', 'is', null), eb('groupMemberships.endsOn', '>=', on)]),
    )
    .where('groups.archivedAt', 'is', null);
}

/**
 * The ids of today's students the actor reaches as staff: members of the groups they teach,
 * of the classes they lead, or (the leadership and the administrator) every class of the school.
 */
export function staffStudents(db: Db, m: Messenger, on: string) {
  const me = m.personId;
  return membershipsOn(db, on)
    .select('groupMemberships.studentId')
    .where((eb) => {
      const any = [];
      const liveClasses = eb
        .selectFrom('classes')
        .select('classes.id')
        .where('classes.archivedAt', 'is', null);
      if (m.reach.schoolIds.length)
        any.push(
          eb.and([
            eb('groups.kind', '=', 'class'),
            eb('groups.schoolId', 'in', m.reach.schoolIds),
            eb('groups.classId', 'in', liveClasses),
          ]),
        );
      if (m.reach.relations.has('classTeacher'))
        any.push(
          eb.and([
            eb('groups.kind', '=', 'class'),
            eb('groups.classId', 'in', liveClasses.where('classes.classTeacherId', '=', me)),
          ]),
        );
      if (m.reach.relations.has('teaches'))
        any.push(
          eb(
            'groups.id',
            'in',
            eb
              .selectFrom('courses')
              .select('courses.groupId')
              .where('courses.archivedAt', 'is', null)
              .where((w) => w.or([w('courses.teacherId', '=', me), w('courses.secondTeacherId', '=', me)])),
          ),
        );
      return any.length ? eb.or(any) : eb.lit(false);
    });
}

/** The actor's live children (guardianship not archived, child not archived), optionally one of them. */
export function childrenOf(db: Db, m: Messenger, studentId?: number) {
  let q = db
    .selectFrom('guardianships')
    .innerJoin('persons', 'persons.id', 'guardianships.studentId')
    .select(['persons.id', 'persons.schoolId', 'persons.lastName', 'persons.firstName', 'persons.sortKey'])
    .where('guardianships.guardianId', '=', m.personId)
    .where('guardianships.archivedAt', 'is', null)
    .where('persons.archivedAt', 'is', null);
  if (!m.reach.relations.has('guardian')) q = q.where((eb) => eb.lit(false));
  if (studentId !== undefined) q = q.where('persons.id', '=', studentId);
  return q;
}

/**
 * A SQL condition on `threads`: whether the actor may still open the thread they are a member of.
 * Announcements: always. A dialog about a student: only while the actor still has a relationship
 * to that student — the leadership and the administrator of its school; a parent with a live
 * guardianship; the student themself; a teacher who still teaches the student or leads their class
 * today. Membership alone is not enough (a former guardian or teacher gets 404, see DECISIONS).
 */
export function dialogStillOpen(
  eb: ExpressionBuilder<DB, 'threads'>,
  db: Db,
  m: Messenger,
  on: string = today(),
): Expression<SqlBool> {
  const any: Expression<SqlBool>[] = [eb('threads.kind', '!=', 'dialog')];
  if (m.reach.schoolIds.length) any.push(eb('threads.schoolId', 'in', m.reach.schoolIds));
  if (m.reach.relations.has('self')) any.push(eb('threads.studentId', '=', m.personId));
  if (m.reach.relations.has('guardian'))
    any.push(
      eb(
        'threads.studentId',
        'in',
        db
          .selectFrom('guardianships')
          .innerJoin('persons', 'persons.id', 'guardianships.studentId')
          .select('guardianships.studentId')
          .where('guardianships.guardianId', '=', m.personId)
          .where('guardianships.archivedAt', 'is', null)
          .where('persons.archivedAt', 'is', null),
      ),
    );
  if (m.reach.relations.has('teaches') || m.reach.relations.has('classTeacher'))
    any.push(
      eb(
        'threads.studentId',
        'in',
        staffStudents(db, { personId: m.personId, reach: { ...m.reach, schoolIds: [] } }, on),
      ),
    );
  return eb.or(any);
}
