import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engines } from '../../test/databases.ts';
import { buildPerson, buildSchool, testPassword } from '../../test/factories.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`server did not start: ${out}`)));
  });
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
      env: { ...process.env, DATABASE_URL: url, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const base = await waitForListening(child);
    const exited = once(child, 'exit');
    const logins = people.map((person) =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: person.login, password: testPassword }),
      }).then((r) => r.status),
    );
    // The first answer means every request has reached the server (they queue on argon2).
    await Promise.race(logins);
    child.kill('SIGTERM');
    const statuses = await Promise.all(logins);
    const [code] = await exited;
    expect(code).toBe(0);
    expect(statuses).toEqual(Array(12).fill(200));
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
