import type { Ctx } from '../access/actor.ts';
import { notFound } from '../http/app-error.ts';
import { districtById } from '../structure/structure.queries.ts';
import { canCreateSchools, ownDistrict } from './district.policy.ts';
import { schoolsOfDistrict } from './district.queries.ts';

/** The district's schools with their classes and students today, for the district administrator. */
export async function listDistrictSchools(ctx: Ctx) {
  const districtId = ownDistrict(ctx);
  const district = await districtById(ctx.db, districtId);
  if (!district) throw notFound();
  return {
    district,
    schools: await schoolsOfDistrict(ctx.db, districtId),
    can: { create: canCreateSchools(ctx, districtId) },
  };
}
