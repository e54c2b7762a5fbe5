import type { SupportContacts } from '../../contract/support.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { supportActor, supportManager } from './support.policy.ts';

const empty: SupportContacts = { who: '', phone: '', email: '', hours: '', details: '' };

/** The school's support contacts for everyone signed in (empty until the administrator sets them). */
export async function getSupportContacts(ctx: Ctx) {
  const who = supportActor(ctx);
  const row = await ctx.db
    .selectFrom('supportContacts')
    .select(['who', 'phone', 'email', 'hours', 'note as details', 'updatedAt'])
    .where('schoolId', '=', who.schoolId)
    .executeTakeFirst();
  const { updatedAt, ...contacts } = row ?? { ...empty, updatedAt: null };
  return { contacts, updatedAt: updatedAt === null ? null : String(updatedAt), canEdit: who.manages };
}

/** The administrator sets the school's support contacts; the change is audited with both versions. */
export async function setSupportContacts(ctx: Ctx, body: SupportContacts) {
  const who = supportManager(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom('supportContacts')
      .select(['who', 'phone', 'email', 'hours', 'note as details'])
      .where('schoolId', '=', who.schoolId)
      .executeTakeFirst();
    const before = old ?? empty;
    if (JSON.stringify(before) === JSON.stringify({ ...empty, ...body })) return;
    const { details, ...rest } = body;
    const values = { ...rest, note: details, updatedAt: new Date().toISOString(), updatedBy: who.personId };
    await trx
      .insertInto('supportContacts')
      .values({ schoolId: who.schoolId, ...values })
      .onConflict((oc) => oc.column('schoolId').doUpdateSet(values))
      .execute();
    await recordAudit(trx, ctx, {
      schoolId: who.schoolId,
      action: 'support.contacts_updated',
      entity: 'school',
      entityId: who.schoolId,
      before,
      after: body,
    });
  });
  return getSupportContacts(ctx);
}
