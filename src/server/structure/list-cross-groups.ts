import type { CrossGroupList } from '../../contract/structure.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { reachOf } from '../access/scopes.ts';
import { forbidden } from '../http/app-error.ts';
import { currentYear, subjectsOf } from './catalog.queries.ts';
import { fullName, liveCoursesOf, membersOn } from './groups.queries.ts';

/** The administrator's cross-class groups of the current year by subject, with members on a date. */
export async function listCrossGroups(ctx: Ctx, on: string = today()): Promise<CrossGroupList> {
  const schoolId = reachOf(ctx.actor, 'groups.manage').schoolIds[0];
  if (schoolId === undefined) throw forbidden();
  const year = await currentYear(ctx.db, schoolId);
  if (!year) return { on, subjects: [] };
  const groups = await ctx.db
    .selectFrom('groups')
    .select(['id', 'name', 'subjectId'])
    .where('schoolId', '=', schoolId)
    .where('academicYearId', '=', year.id)
    .where('kind', '=', 'cross')
    .where('archivedAt', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const ids = groups.map((g) => g.id);
  const [courses, members, subjects] = await Promise.all([
    liveCoursesOf(ctx.db, ids),
    membersOn(ctx.db, ids, on),
    subjectsOf(ctx.db, schoolId),
  ]);
  return {
    on,
    subjects: subjects
      .map((s) => ({
        subjectId: s.id,
        subject: s.name,
        groups: groups
          .filter((g) => g.subjectId === s.id)
          .map((g) => ({
            id: g.id,
            name: g.name,
            teachers: courses
              .filter((c) => c.groupId === g.id)
              .flatMap((c) => [c.teacher, c.secondTeacher].filter((t): t is string => t !== null)),
            members: members
              .filter((m) => m.groupId === g.id)
              .map((m) => ({ id: m.id, name: fullName(m.lastName, m.firstName, m.middleName) })),
          })),
      }))
      .filter((s) => s.groups.length > 0),
  };
}
