import { once } from 'node:events';
import { demoPassword } from '../../src/server/seed/seed-demo-school.ts';
import { type ChildServer, startServer } from '../processes.ts';

/** A signed-in person as a browser behind a load balancer holds it: a cookie and a CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
}

/** An answer: its status, headers and body as bytes. */
export interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
  json<T>(): T;
}

/** Sends one request to `base` with the session's cookie (and CSRF token on writes). */
export async function call(
  base: string,
  session: Session | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  if (session && method !== 'GET') headers['x-csrf-token'] = session.csrf;
  if (body !== undefined) headers['content-type'] = contentType;
  const payload =
    body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body);
  const res = await fetch(`${base}${path}`, { method, headers, body: payload });
  const bytes = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    headers: res.headers,
    body: bytes,
    json: <T>() => JSON.parse(bytes.toString('utf8')) as T,
  };
}

/** Logs in with the demo password on the process at `base`. */
export async function logIn(base: string, login: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: demoPassword }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login ${login} on ${base}: ${res.status} ${text}`);
  const set = res.headers.getSetCookie().find((c) => c.startsWith('otmetka_session='));
  const csrf = (JSON.parse(text) as { csrfToken?: string }).csrfToken;
  if (!set || !csrf) throw new Error(`login ${login}: no session (${text})`);
  return { cookie: set.split(';')[0]!, csrf };
}

/** Waits until `check` resolves truthy, polling; throws `what` when `ms` pass first. */
export async function until<T>(what: string, check: () => Promise<T>, ms: number): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts `otmetka serve` processes with the same environment, side by side (all or none). */
export async function startServers(count: number, env: Record<string, string>): Promise<ChildServer[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServer(env)));
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((s) => stopServer(s)));
    throw failed.reason;
  }
  return servers;
}

/** Stops a server: SIGTERM, then SIGKILL if it has not ended within `ms`. */
export async function stopServer(server: ChildServer, ms = 10_000): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), ms);
  await Promise.race([server.exited, once(server.child, 'exit')]).catch(() => undefined);
  clearTimeout(timer);
}
