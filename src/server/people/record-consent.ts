import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { currentConsents, hasConsent } from './consent.queries.ts';
import { getStudentCard } from './get-student-card.ts';
import { requireGuardianship } from './people.policy.ts';
import { disableAccountsOf } from './people.queries.ts';

/** Records a parent's consent to processing personal data (152-ФЗ) with its date. */
export async function recordConsent(ctx: Ctx, studentId: number, guardianId: number, givenOn: string) {
  const link = await requireGuardianship(ctx, studentId, guardianId);
  if (givenOn > today())
    throw new AppError('validation', 'peopleDateInFuture', {}, { givenOn: 'peopleDateInFuture' });
  await ctx.db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('consents')
      .select('id')
      .where('guardianId', '=', guardianId)
      .where('schoolId', '=', link.schoolId)
      .where('withdrawnOn', 'is', null)
      .executeTakeFirst();
    if (open) throw new AppError('conflict', 'peopleConsentExists', {}, { givenOn: 'peopleConsentExists' });
    const { id } = await trx
      .insertInto('consents')
      .values({
        schoolId: link.schoolId,
        guardianId,
        givenOn,
        withdrawnOn: null,
        recordedBy: ctx.actor.kind === 'person' ? ctx.actor.personId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId: link.schoolId,
      action: 'consent.recorded',
      entity: 'consent',
      entityId: id,
      after: { guardianId, givenOn },
    });
  });
  return getStudentCard(ctx, studentId, { log: false });
}

/**
 * The parent withdraws their consent from a date; the row stays as history. A child who has no
 * other parent's consent loses their account (switched off, sessions end), as the law requires.
 * From then on the parent's contacts are hidden from every view and no notice is queued for them
 * (letters already waiting are cancelled); the journal records about the child stay.
 */
export async function withdrawConsent(ctx: Ctx, studentId: number, guardianId: number, withdrawnOn: string) {
  const link = await requireGuardianship(ctx, studentId, guardianId);
  if (withdrawnOn > today())
    throw new AppError('validation', 'peopleDateInFuture', {}, { withdrawnOn: 'peopleDateInFuture' });
  await ctx.db.transaction().execute(async (trx) => {
    const consent = (await currentConsents(trx, [guardianId], '9999-12-31')).get(guardianId);
    if (!consent) throw new AppError('conflict', 'peopleNoConsent');
    if (withdrawnOn < consent.givenOn)
      throw new AppError(
        'validation',
        'peopleWithdrawBeforeGiven',
        {},
        { withdrawnOn: 'peopleWithdrawBeforeGiven' },
      );
    await trx.updateTable('consents').set({ withdrawnOn }).where('id', '=', consent.id).execute();
    // A child left without any parent's consent keeps no account (152-ФЗ): it is switched off.
    const children = await trx
      .selectFrom('guardianships')
      .select('studentId')
      .where('guardianId', '=', guardianId)
      .where('archivedAt', 'is', null)
      .execute();
    const ids = children.map((c) => c.studentId);
    const stillConsented = await hasConsent(trx, ids);
    const now = new Date().toISOString();
    const disabled: number[] = [];
    for (const id of ids) {
      if (!stillConsented.has(id) && (await disableAccountsOf(trx, id, now)).length) disabled.push(id);
    }
    // Processing of the parent's contacts stops: letters waiting for them are not sent.
    const cancelled = await trx
      .updateTable('outbox')
      .set({ status: 'cancelled' })
      .where('personId', '=', guardianId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    await recordAudit(trx, ctx, {
      schoolId: link.schoolId,
      action: 'consent.withdrawn',
      entity: 'consent',
      entityId: consent.id,
      before: { withdrawnOn: null },
      after: {
        withdrawnOn,
        studentAccountsDisabled: disabled,
        lettersCancelled: Number(cancelled.numUpdatedRows),
      },
    });
  });
  return getStudentCard(ctx, studentId, { log: false });
}
