import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { mailSettings, mailSettingsBody } from '../../contract/notifications.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { fieldError, leadershipSchool } from '../control/control.policy.ts';
import { AppError } from '../http/app-error.ts';
import { enqueue, twin } from './outbox.ts';

type Answer = z.infer<typeof mailSettings>;

/** The school's SMTP settings (never the password) and the state of its queue. */
export async function getMailSettings(ctx: Ctx): Promise<Answer> {
  const schoolId = leadershipSchool(ctx, 'mail.manage');
  const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
  const count = async (status: 'pending' | 'sent' | 'failed', since?: string) => {
    let q = ctx.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('schoolId', '=', schoolId)
      .where('status', '=', status);
    if (since) q = q.where('sentAt', '>=', since);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const [row, pending, sentLastDay, failed] = await Promise.all([
    ctx.db.selectFrom('mailSettings').selectAll().where('schoolId', '=', schoolId).executeTakeFirst(),
    count('pending'),
    count('sent', dayAgo),
    count('failed'),
  ]);
  return {
    configured: row !== undefined,
    host: row?.host ?? '',
    port: row?.port ?? 587,
    secure: row?.secure === 1,
    username: row?.username ?? '',
    hasPassword: Boolean(row?.password),
    fromAddress: row?.fromAddress ?? '',
    queue: { pending, sentLastDay, failed },
  };
}

/**
 * Saves the school's SMTP settings; a left-out password keeps the stored one while the host and
 * user stay the same (else 400 on «Пароль»). Audited without the password.
 */
export async function putMailSettings(ctx: Ctx, body: z.infer<typeof mailSettingsBody>): Promise<Answer> {
  const schoolId = leadershipSchool(ctx, 'mail.manage');
  const personId = ctx.actor.kind === 'person' ? ctx.actor.personId : null;
  await ctx.db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom('mailSettings')
      .selectAll()
      .where('schoolId', '=', schoolId)
      .executeTakeFirst();
    // The stored password goes only to the server it was given for: a new host or user needs it again.
    const moved = old !== undefined && (old.host !== body.host || (old.username ?? '') !== body.username);
    if (body.password === undefined && old?.password && moved)
      throw fieldError('password', 'notifyMailPasswordAgain');
    const password = body.password === undefined ? (old?.password ?? null) : body.password || null;
    const values = {
      host: body.host,
      port: body.port,
      secure: body.secure ? 1 : 0,
      username: body.username || null,
      password,
      fromAddress: body.fromAddress,
      updatedAt: new Date().toISOString(),
      updatedBy: personId,
    };
    await trx
      .insertInto('mailSettings')
      .values({ schoolId, ...values })
      .onConflict((oc) => oc.column('schoolId').doUpdateSet(values))
      .execute();
    const shown = (s: typeof old) =>
      s && {
        host: s.host,
        port: s.port,
        secure: s.secure === 1,
        username: s.username,
        hasPassword: Boolean(s.password),
        fromAddress: s.fromAddress,
      };
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'notify.mail.settings',
      entity: 'school',
      entityId: schoolId,
      before: shown(old) ?? null,
      after: shown({ schoolId, ...values, updatedAt: values.updatedAt }),
    });
  });
  return getMailSettings(ctx);
}

/** Queues a test letter to an address; it goes out through the worker like any other. */
export async function queueTestLetter(ctx: Ctx, to: string): Promise<{ queued: boolean }> {
  const schoolId = leadershipSchool(ctx, 'mail.manage');
  const configured = await ctx.db
    .selectFrom('mailSettings')
    .select('schoolId')
    .where('schoolId', '=', schoolId)
    .executeTakeFirst();
  if (!configured) throw new AppError('conflict', 'notifyMailNotConfigured');
  await ctx.db.transaction().execute(async (trx) => {
    await enqueue(trx, {
      schoolId,
      personId: null,
      channel: 'email',
      address: to,
      kind: 'test',
      subject: 'Отметка: проверка почты',
      body: twin(
        'Это проверочное письмо Отметки: почта школы настроена верно.',
        'This is a test letter from Otmetka: the school’s mail is set up correctly.',
      ),
      dedupeKey: `test:${randomUUID()}`,
      recheck: null,
      dueAt: new Date().toISOString(),
    });
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'notify.mail.test',
      entity: 'school',
      entityId: schoolId,
      after: { to },
    });
  });
  return { queued: true };
}
