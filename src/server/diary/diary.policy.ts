import type { Action } from '../../domain/abilities.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { reachesAnything, reachOf } from '../access/scopes.ts';
import { compiledOnce } from '../db/database.ts';
import { forbidden, notFound } from '../http/app-error.ts';

/** A student whose diary the actor may read, with what the cache and the views need. */
export interface DiaryStudent {
  id: number;
  schoolId: number;
  lastName: string;
  firstName: string;
  /**
   * The cache key of everything the student's own diary shows: the school's diary version and the
   * student's own version (`3.17`). Views that show other students too key on the school's full
   * data version instead.
   */
  version: string;
  /** Whether the actor is a live guardian of the student. */
  guardian: boolean;
}

/** The student, their diary versions and whether `guardianId` is a live guardian: compiled once. */
const studentQuery = compiledOnce((db: Db, studentId: number, guardianId: number) =>
  db
    .selectFrom('persons')
    .leftJoin('dataVersions', 'dataVersions.schoolId', 'persons.schoolId')
    .leftJoin('studentVersions', 'studentVersions.studentId', 'persons.id')
    .select((eb) => [
      'persons.id',
      'persons.schoolId',
      'persons.lastName',
      'persons.firstName',
      'dataVersions.diaryVersion',
      'studentVersions.version as studentVersion',
      eb
        .exists(
          eb
            .selectFrom('guardianships')
            .select('guardianships.id')
            .where('guardianships.guardianId', '=', guardianId)
            .where('guardianships.studentId', '=', studentId)
            .where('guardianships.archivedAt', 'is', null),
        )
        .as('guardian'),
    ])
    .where('persons.id', '=', studentId)
    .where('persons.archivedAt', 'is', null),
);

/** The signed-in person, or 403 (anonymous and system actors never read a diary). */
function personOf(ctx: Ctx): number {
  if (ctx.actor.kind !== 'person') throw forbidden();
  return ctx.actor.personId;
}

/**
 * The student if the actor may `action` on them: a parent for a child they are a live guardian
 * of, a student for themself. Without the ability 403; another child or an unknown id 404.
 * One indexed query, which also reads the diary versions for the cache.
 */
export async function requireDiaryStudent(
  ctx: Ctx,
  studentId: number,
  action: Action = 'diary.view',
): Promise<DiaryStudent> {
  const reach = reachOf(ctx.actor, action);
  if (!reachesAnything(reach)) throw forbidden();
  const me = personOf(ctx);
  const asSelf = reach.relations.has('self') && me === studentId;
  const asGuardian = reach.relations.has('guardian');
  if (!asSelf && !asGuardian) throw notFound();
  const [row] = await studentQuery(ctx.db, studentId, me);
  if (!row || row.schoolId === null) throw notFound();
  const guardian = Boolean(row.guardian);
  if (!(asSelf || (asGuardian && guardian))) throw notFound();
  return {
    id: row.id,
    schoolId: row.schoolId,
    lastName: row.lastName,
    firstName: row.firstName,
    version: `${Number(row.diaryVersion ?? 0)}.${Number(row.studentVersion ?? 0)}`,
    guardian: asGuardian && guardian,
  };
}

/** A reader of the diary: the student's live guardian or the student themself. */
export function requireDiaryReader(ctx: Ctx, studentId: number): Promise<DiaryStudent> {
  return requireDiaryStudent(ctx, studentId, 'diary.view');
}

/** A parent who may act for the child (`diary.acknowledge`, `diary.notice`): 403 for a student. */
export async function requireGuardianOf(ctx: Ctx, studentId: number, action: Action): Promise<DiaryStudent> {
  if (!reachesAnything(reachOf(ctx.actor, action))) {
    // A student reading their own diary may see it exists, but may not act as a parent.
    await requireDiaryReader(ctx, studentId);
    throw forbidden();
  }
  const student = await requireDiaryStudent(ctx, studentId, action);
  if (!student.guardian) throw notFound();
  return student;
}

/** The actor's person id (use cases past a policy check). */
export function actorId(ctx: Ctx): number {
  return personOf(ctx);
}
