import type { z } from 'zod';
import type {
  notificationSettings,
  notificationSettingsBody,
  telegramCode,
} from '../../contract/notifications.ts';
import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { NotifyConfig } from '../config.ts';
import { AppError, forbidden } from '../http/app-error.ts';
import { after, defaultPrefs, type Prefs, recipients } from './outbox.ts';
import { codeHash, jobValue, newCode } from './telegram.ts';

type Settings = z.infer<typeof notificationSettings>;

/** The parent acting for themself (ability notify.self), else 403. */
function self(ctx: Ctx): number {
  if (ctx.actor.kind !== 'person' || !reachOf(ctx.actor, 'notify.self').relations.has('self'))
    throw forbidden();
  return ctx.actor.personId;
}

async function schoolOf(ctx: Ctx, personId: number): Promise<number | null> {
  const row = await ctx.db
    .selectFrom('persons')
    .select('schoolId')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.schoolId ?? null;
}

/** The parent's preferences, address, Telegram state and whether the school sends e-mail. */
export async function getNotificationSettings(ctx: Ctx, config: NotifyConfig): Promise<Settings> {
  const personId = self(ctx);
  const [person, link, botName] = await Promise.all([
    ctx.db
      .selectFrom('persons')
      .select(['email', 'schoolId'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('telegramLinks')
      .select('linkedAt')
      .where('personId', '=', personId)
      .where('unlinkedAt', 'is', null)
      .executeTakeFirst(),
    jobValue(ctx.db, 'telegram.botName'),
  ]);
  const mail =
    person.schoolId === null
      ? undefined
      : await ctx.db
          .selectFrom('mailSettings')
          .select('schoolId')
          .where('schoolId', '=', person.schoolId)
          .executeTakeFirst();
  const prefs =
    (await recipients(ctx.db, [personId], { restricted: true })).get(personId)?.prefs ?? defaultPrefs;
  const available = config.telegramToken !== null;
  return {
    prefs,
    email: person.email,
    telegram: {
      available,
      linked: link !== undefined,
      linkedAt: link ? String(link.linkedAt) : null,
      botName: available ? botName : null,
    },
    emailAvailable: mail !== undefined,
  };
}

const flag = (b: boolean) => (b ? 1 : 0);

/** Saves the parent's preferences and e-mail address (both audited when they change). */
export async function putNotificationSettings(
  ctx: Ctx,
  config: NotifyConfig,
  body: z.infer<typeof notificationSettingsBody>,
): Promise<Settings> {
  const personId = self(ctx);
  const before = await getNotificationSettings(ctx, config);
  const schoolId = await schoolOf(ctx, personId);
  const email = body.email === '' ? null : body.email;
  const p: Prefs = body.prefs;
  await ctx.db.transaction().execute(async (trx) => {
    const values = {
      emailEnabled: flag(p.emailEnabled),
      telegramEnabled: flag(p.telegramEnabled),
      absencesInstant: flag(p.absencesInstant),
      markThreshold: p.markThreshold,
      digest: flag(p.digest),
    };
    const now = new Date().toISOString();
    await trx
      .insertInto('notificationPrefs')
      .values({ personId, ...values, updatedAt: now })
      .onConflict((oc) => oc.column('personId').doUpdateSet(values))
      .execute();
    if (JSON.stringify(before.prefs) !== JSON.stringify(p)) {
      await recordAudit(trx, ctx, {
        schoolId,
        action: 'notify.prefs',
        entity: 'person',
        entityId: personId,
        before: before.prefs,
        after: p,
      });
    }
    if (before.email !== email) {
      await trx.updateTable('persons').set({ email }).where('id', '=', personId).execute();
      await recordAudit(trx, ctx, {
        schoolId,
        action: 'person.email',
        entity: 'person',
        entityId: personId,
        before: { email: before.email },
        after: { email },
      });
    }
  });
  return getNotificationSettings(ctx, config);
}

/** A one-time code to send to the bot; older unused codes of the person stop working. */
export async function createTelegramCode(
  ctx: Ctx,
  config: NotifyConfig,
): Promise<z.infer<typeof telegramCode>> {
  const personId = self(ctx);
  if (config.telegramToken === null) throw new AppError('conflict', 'notifyTelegramUnavailable');
  const schoolId = await schoolOf(ctx, personId);
  const code = newCode();
  const now = new Date();
  const expiresAt = after(now, 30 * 60);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('telegramCodes')
      .set({ expiresAt: now.toISOString() })
      .where('personId', '=', personId)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now.toISOString())
      .execute();
    await trx
      .insertInto('telegramCodes')
      .values({ codeHash: codeHash(code), personId, expiresAt })
      .execute();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'notify.telegram.code',
      entity: 'person',
      entityId: personId,
      after: { expiresAt },
    });
  });
  const botName = await jobValue(ctx.db, 'telegram.botName');
  return { code, expiresAt, link: botName ? `https://t.me/${botName}?start=${code}` : null };
}

/** Unlinks the parent's Telegram chat (nothing to do when none is linked). */
export async function unlinkTelegram(ctx: Ctx, config: NotifyConfig): Promise<Settings> {
  const personId = self(ctx);
  const schoolId = await schoolOf(ctx, personId);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('telegramLinks')
      .set({ unlinkedAt: new Date().toISOString() })
      .where('personId', '=', personId)
      .where('unlinkedAt', 'is', null)
      .executeTakeFirst();
    if (done.numUpdatedRows > 0n) {
      await recordAudit(trx, ctx, {
        schoolId,
        action: 'notify.telegram.unlink',
        entity: 'person',
        entityId: personId,
      });
    }
  });
  return getNotificationSettings(ctx, config);
}
