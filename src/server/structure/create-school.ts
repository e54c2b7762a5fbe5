import { defaultWorkKinds, schoolSettingsSchema } from '../../contract/settings.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';

/** Creates a school with default settings and work kinds, inside the caller's transaction. */
export async function createSchool(
  trx: Db,
  ctx: Ctx,
  input: { name: string; shortName: string; districtId: number | null },
): Promise<number> {
  const settings = schoolSettingsSchema.parse({});
  const { id } = await trx
    .insertInto('schools')
    .values({
      name: input.name,
      shortName: input.shortName,
      districtId: input.districtId,
      settings: JSON.stringify(settings),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('workKinds')
    .values(defaultWorkKinds.map((w) => ({ ...w, schoolId: id })))
    .execute();
  await recordAudit(trx, ctx, {
    schoolId: id,
    action: 'school.created',
    entity: 'school',
    entityId: id,
    after: input,
  });
  return id;
}
