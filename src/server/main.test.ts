import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engines } from '../../test/databases.ts';
import { buildPerson, buildSchool, testPassword } from '../../test/factories.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';

/** Watches the server's log: resolves when it listens, and counts the requests it has received. */
function watch(child: ChildProcess) {
  let out = '';
  let received = 0;
  let onReceived = () => {};
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      received = out.split('"msg":"incoming request"').length - 1;
      onReceived();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`server did not start: ${out}`)));
  });
  const receivedAtLeast = (n: number) =>
    new Promise<void>((resolve) => {
      onReceived = () => {
        if (received >= n) resolve();
      };
      onReceived();
    });
  return { listening, receivedAtLeast, output: () => out };
}

describe.each(engines())('server process on $name', (engine) => {
  it('on SIGTERM finishes the requests in flight, then closes the database and exits 0', async () => {
    const url = engine.url();
    const database = openDatabase(url, { poolSize: 2 });
    await migrateToLatest(database);
    const { schoolId } = await buildSchool(database.db);
    // Twelve people sign in at once (one person's parallel attempts would meet the login throttle).
    const people = [];
    for (let i = 0; i < 12; i++)
      people.push(await buildPerson(database.db, { schoolId, roles: ['teacher'] }));
    await database.close();

    const child = spawn('node', ['bin/otmetka.js', 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        NOTIFY_WORKER: 'true',
        BACKUP_SCHEDULER: 'true',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const server = watch(child);
    const base = await server.listening;
    const exited = once(child, 'exit');
    const logins = people.map((person) =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: person.login, password: testPassword }),
      }).then((r) => r.status),
    );
    // Every request has reached the server (its log says so) and most still wait for argon2.
    let answered = 0;
    for (const l of logins)
      l.then(
        () => answered++,
        () => {},
      );
    await server.receivedAtLeast(12);
    child.kill('SIGTERM');
    const answeredBeforeStop = answered;
    const statuses = await Promise.all(logins);
    const [code] = await exited;
    expect(code).toBe(0);
    expect(statuses).toEqual(Array(12).fill(200));
    expect(answeredBeforeStop).toBeLessThan(12);
    // The notification worker and the backup scheduler stop, the answers go out, then the database closes.
    const messages = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line).msg as string);
    const at = (msg: string) => messages.indexOf(msg);
    expect(at('stopping')).toBeGreaterThanOrEqual(0);
    expect(at('notification worker stopped')).toBeGreaterThan(at('stopping'));
    expect(at('backup scheduler stopped')).toBeGreaterThan(at('stopping'));
    expect(messages.filter((m) => m === 'request completed')).toHaveLength(12);
    expect(messages.lastIndexOf('request completed')).toBeLessThan(at('database closed'));
    expect(at('database closed')).toBe(messages.length - 1);
    if (engine.name === 'sqlite') expect(existsSync(`${url}-wal`)).toBe(false);

    const reopened = openDatabase(url, { poolSize: 1 });
    const sessions = await reopened.db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.accountId')
      .select('sessions.id')
      .where(
        'accounts.personId',
        'in',
        people.map((p) => p.id),
      )
      .execute();
    expect(sessions.length).toBe(12);
    await reopened.close();
  });
});
