import type { Kysely, Selectable } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DB, MailSettingsTable } from '../db/schema.ts';

type Settings = Selectable<MailSettingsTable>;

const transports = new Map<string, Transporter>();

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** The school's SMTP transport, made once per version of its settings. */
function transportOf(s: Settings): Transporter {
  const key = `${s.schoolId}:${s.updatedAt}`;
  let t = transports.get(key);
  if (!t) {
    for (const [k, old] of transports) {
      if (k.startsWith(`${s.schoolId}:`)) {
        old.close();
        transports.delete(k);
      }
    }
    t = nodemailer.createTransport({
      host: s.host,
      port: s.port,
      secure: s.secure === 1,
      ignoreTLS: s.secure !== 1 && isLoopback(s.host),
      auth: s.username ? { user: s.username, pass: s.password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transports.set(key, t);
  }
  return t;
}

/** Raised when the school has not set up e-mail: the letter waits, it is not a failed attempt. */
export class MailNotConfigured extends Error {
  constructor() {
    super('почта школы не настроена');
  }
}

/** Sends a letter through the school's SMTP server. */
export async function sendMail(
  db: Kysely<DB>,
  schoolId: number,
  letter: { to: string; subject: string; text: string },
): Promise<void> {
  const s = await db
    .selectFrom('mailSettings')
    .selectAll()
    .where('schoolId', '=', schoolId)
    .executeTakeFirst();
  if (!s) throw new MailNotConfigured();
  await transportOf(s).sendMail({
    from: s.fromAddress,
    to: letter.to,
    subject: letter.subject,
    text: letter.text,
  });
}
