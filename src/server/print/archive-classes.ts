import type { ArchiveClasses } from '../../contract/archive.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { reachOf } from '../access/scopes.ts';
import { forbidden, notFound } from '../http/app-error.ts';

/**
 * The years of the actor's schools and the classes of one of them whose year archive the actor
 * may make (`archive.export`: the administrator, the deputy, the director). Without `yearId`, the
 * year under way (or the latest begun). A year of another school is not found.
 */
export async function listArchiveClasses(ctx: Ctx, yearId?: number): Promise<ArchiveClasses> {
  const schoolIds = reachOf(ctx.actor, 'archive.export').schoolIds;
  if (schoolIds.length === 0) throw forbidden();
  const years = await ctx.db
    .selectFrom('academicYears')
    .select(['id', 'name', 'startsOn', 'endsOn'])
    .where('schoolId', 'in', schoolIds)
    .orderBy('startsOn', 'desc')
    .orderBy('id')
    .execute();
  const day = today();
  let chosen = yearId === undefined ? (years.find((y) => String(y.startsOn) <= day) ?? years[0]) : undefined;
  if (yearId !== undefined) {
    chosen = years.find((y) => y.id === yearId);
    if (!chosen) throw notFound();
  }
  const classes = chosen
    ? await ctx.db
        .selectFrom('classes')
        .select(['id', 'grade', 'letter'])
        .where('academicYearId', '=', chosen.id)
        .where('schoolId', 'in', schoolIds)
        .orderBy('grade')
        .orderBy('letter')
        .orderBy('id')
        .execute()
    : [];
  return {
    years: years.map((y) => ({
      id: y.id,
      name: y.name,
      startsOn: String(y.startsOn),
      endsOn: String(y.endsOn),
    })),
    yearId: chosen?.id ?? null,
    classes: classes.map((c) => ({ id: c.id, name: `${c.grade}${c.letter}` })),
  };
}
