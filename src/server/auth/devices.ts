import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx, Db } from '../access/actor.ts';
import { enqueue, twin } from '../notify/outbox.ts';
import { browserLabel } from './devices-browser.ts';

/** The name of the long-lived cookie that tells a browser the account has used before. */
export const deviceCookie = 'otmetka_device';
/** How long the device cookie lives: one year, renewed at every sign-in. */
export const deviceCookieMaxAgeSeconds = 60 * 60 * 24 * 365;

/** A new random device token for the cookie. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a device token: its SHA-256, so a leaked table names no cookie. */
export function deviceHashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A device token as the browser sent it, if it has the form this server gives out. */
export function validDeviceToken(token: string | undefined): string | null {
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** The device token a login request carries, or a new one for a browser that has none. */
export function deviceTokenOf(request: FastifyRequest): string {
  return validDeviceToken(request.cookies[deviceCookie]) ?? newDeviceToken();
}

/** Hands the device cookie to the browser (again) after a successful sign-in: HttpOnly, a year. */
export function setDeviceCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(deviceCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: deviceCookieMaxAgeSeconds,
  });
}

/** The account signing in, as the device check needs it. */
export interface SigningIn {
  id: number;
  personId: number;
  schoolId: number | null;
}

/**
 * Notes the browser's device on a successful sign-in and answers whether the account knew it. A
 * device new to an account that already has others queues the «new device» letter; the account's
 * very first device does not (the first sign-in, usually with an issued password, is expected).
 */
export async function noteDevice(
  trx: Db,
  ctx: Ctx,
  account: SigningIn,
  deviceToken: string,
  userAgent: string | null,
  at: Date,
): Promise<boolean> {
  const hash = deviceHashOf(deviceToken);
  const iso = at.toISOString();
  const known = await trx
    .updateTable('knownDevices')
    .set({ lastSeenAt: iso, userAgent })
    .where('accountId', '=', account.id)
    .where('deviceHash', '=', hash)
    .executeTakeFirst();
  if (Number(known.numUpdatedRows) > 0) return true;
  const others = await trx
    .selectFrom('knownDevices')
    .select('id')
    .where('accountId', '=', account.id)
    .limit(1)
    .executeTakeFirst();
  await trx
    .insertInto('knownDevices')
    .values({ accountId: account.id, deviceHash: hash, firstSeenAt: iso, lastSeenAt: iso, userAgent })
    .onConflict((oc) => oc.columns(['accountId', 'deviceHash']).doNothing())
    .execute();
  if (others) await queueNewDeviceLetter(trx, ctx, account, hash, userAgent, at);
  return false;
}

/** ДД.ММ.ГГГГ ЧЧ:ММ in the server's time zone. */
export function ruDateTime(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getDate())}.${two(at.getMonth() + 1)}.${at.getFullYear()} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** Queues «Вход в Отметку с нового устройства» to the person's e-mail, when there is one. */
async function queueNewDeviceLetter(
  trx: Db,
  ctx: Ctx,
  account: SigningIn,
  deviceHash: string,
  userAgent: string | null,
  at: Date,
): Promise<void> {
  if (account.schoolId === null) return;
  const person = await trx
    .selectFrom('persons')
    .select('email')
    .where('id', '=', account.personId)
    .executeTakeFirst();
  const email = person?.email?.trim();
  if (!email) return;
  const when = ruDateTime(at);
  const address = ctx.request.ip || '—';
  const browser = browserLabel(userAgent);
  await enqueue(trx, {
    schoolId: account.schoolId,
    personId: account.personId,
    channel: 'email',
    address: email,
    kind: 'new-device',
    subject: 'Вход в Отметку с нового устройства / New sign-in to Otmetka',
    body: twin(
      [
        'В вашу учётную запись Отметки вошли с устройства, с которого раньше не входили.',
        '',
        `Когда: ${when}`,
        `Адрес: ${address}`,
        `Браузер: ${browser ?? 'не распознан'}`,
        '',
        'Если это были вы, ничего делать не нужно.',
        'Если это были не вы: войдите в Отметку, смените пароль и на странице «Безопасность» завершите',
        'все остальные сеансы; сообщите администратору школы.',
      ].join('\n'),
      [
        'Someone signed in to your Otmetka account from a device not used before.',
        '',
        `When: ${when}`,
        `Address: ${address}`,
        `Browser: ${browser ?? 'not recognised'}`,
        '',
        'If it was you, there is nothing to do.',
        'If it was not you: sign in to Otmetka, change your password and end all other sessions on',
        'the «Security» page; tell the school’s administrator.',
      ].join('\n'),
    ),
    dedupeKey: `new-device:${account.id}:${deviceHash}`,
    recheck: null,
    dueAt: at.toISOString(),
  });
}
