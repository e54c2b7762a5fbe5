import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { forbidden, notFound } from '../http/app-error.ts';

/** The district the actor oversees: 403 for anyone without a district role. */
export function ownDistrict(ctx: Ctx): number {
  const districtId = reachOf(ctx.actor, 'district.view').districtIds[0];
  if (districtId === undefined) throw forbidden();
  return districtId;
}

/** Whether the actor may add schools to the district. */
export function canCreateSchools(ctx: Ctx, districtId: number): boolean {
  return reachOf(ctx.actor, 'schools.manage').districtIds.includes(districtId);
}

/** A school of the actor's districts: 404 for a school elsewhere (or none). */
export async function requireDistrictSchool(ctx: Ctx, schoolId: number) {
  const districtIds = reachOf(ctx.actor, 'district.view').districtIds;
  if (districtIds.length === 0) throw forbidden();
  const school = await ctx.db
    .selectFrom('schools')
    .select(['id', 'name', 'shortName'])
    .where('id', '=', schoolId)
    .where('districtId', 'in', districtIds)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!school) throw notFound();
  return school;
}
