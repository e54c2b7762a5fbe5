import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { SMTPServer } from 'smtp-server';
import type { NotifyConfig } from '../config.ts';
import type { DB } from '../db/schema.ts';

/** A letter the local SMTP server received. */
export interface Letter {
  to: string[];
  subject: string;
  raw: string;
}

/** Decodes «=?UTF-8?B?…?=» and «=?UTF-8?Q?…?=» words of a header. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function subjectOf(raw: string): string {
  const m = /^subject:(.*(?:\r?\n[ \t].*)*)/im.exec(raw);
  return m ? decodeHeader(m[1]!.replace(/\r?\n[ \t]/g, ' ').trim()) : '';
}

/** A local SMTP server on 127.0.0.1 that keeps what it receives; it may refuse the next letters. */
export async function startSmtp() {
  const letters: Letter[] = [];
  const state = { refuse: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refuse > 0) {
          state.refuse--;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        letters.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: subjectOf(raw), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    letters,
    /** Refuses the next `n` letters with a temporary error. */
    refuseNext(n: number) {
      state.refuse = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A call the Bot API stand-in received. */
export interface BotCall {
  method: string;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}

/** A stand-in for Telegram's Bot API (getMe, getUpdates, sendMessage) that records its calls. */
export async function startBot(token: string, username = 'otmetka_test_bot') {
  const calls: BotCall[] = [];
  const updates: { update_id: number; message: { text: string; chat: { id: number } } }[] = [];
  let nextId = 1;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, bot, method = ''] = url.pathname.split('/');
    const body = await readBody(req);
    calls.push({ method, query: Object.fromEntries(url.searchParams), body });
    res.setHeader('content-type', 'application/json');
    if (bot !== `bot${token}`) {
      res.statusCode = 401;
      res.end(JSON.stringify({ ok: false, description: 'Unauthorized' }));
      return;
    }
    const ok = (result: unknown) => res.end(JSON.stringify({ ok: true, result }));
    if (method === 'getMe') ok({ id: 1, is_bot: true, username });
    else if (method === 'getUpdates') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      ok(updates.filter((u) => u.update_id >= offset));
    } else if (method === 'sendMessage') ok({ message_id: calls.length });
    else {
      res.statusCode = 404;
      res.end(JSON.stringify({ ok: false, description: 'Not Found' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    /** A chat writes to the bot. */
    say(chatId: number, text: string) {
      updates.push({ update_id: nextId++, message: { text, chat: { id: chatId } } });
    },
    sent: () =>
      calls.filter((c) => c.method === 'sendMessage').map((c) => c.body as { chat_id: string; text: string }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A worker configuration for tests: no digest unless asked (hour 24 never comes). */
export function testNotifyConfig(over: Partial<NotifyConfig> = {}): NotifyConfig {
  return {
    worker: false,
    intervalSeconds: 0.05,
    holdSeconds: 0,
    digestHour: 24,
    telegramToken: null,
    telegramApiBase: 'http://127.0.0.1:9',
    ...over,
  };
}

/** Points the school's mail at the local SMTP server. */
export async function useLocalSmtp(db: Kysely<DB>, schoolId: number, port: number): Promise<void> {
  const values = {
    host: '127.0.0.1',
    port,
    secure: 0,
    username: null,
    password: null,
    fromAddress: 'school@example.test',
    updatedAt: new Date().toISOString(),
  };
  await db
    .insertInto('mailSettings')
    .values({ schoolId, ...values })
    .onConflict((oc) => oc.column('schoolId').doUpdateSet(values))
    .execute();
}

/** The school's outbox rows, oldest first. */
export function outboxOf(db: Kysely<DB>, schoolId: number) {
  return db.selectFrom('outbox').selectAll().where('schoolId', '=', schoolId).orderBy('id').execute();
}
