import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemoSchool } from '../seed/seed-demo-school.ts';

/** Starts `otmetka <command>` on a free port and resolves with its address once it listens. */
function start(command: string, env: Record<string, string>): { child: ChildProcess; url: Promise<string> } {
  const child = spawn('node', ['bin/otmetka.js', command], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`did not start: ${out}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

const post = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the README commands', () => {
  it('`otmetka serve` on an empty database offers the first-run setup and serves the web app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otmetka-start-'));
    const { child, url } = start('serve', { DATABASE_URL: join(dir, 'otmetka.db') });
    try {
      const base = await url;
      expect(await (await fetch(`${base}/api/setup`)).json()).toEqual({ needed: true });
      // `npm test` builds the web app first.
      const page = await fetch(`${base}/some/page`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      await stop(child);
    }
  });

  it('`otmetka demo` creates the demo school in its own database, and every demo account signs in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otmetka-demo-'));
    const real = join(dir, 'otmetka.db');
    const { child, url } = start('demo', { DEMO_DATABASE_URL: join(dir, 'demo.db'), DATABASE_URL: real });
    try {
      const base = await url;
      for (const login of ['admin', 'director', 'deputy', 'teacher', 'parent', 'student', 'district']) {
        const res = await post(`${base}/api/auth/login`, { login, password: 'demo' });
        expect(res.status, login).toBe(200);
        expect((await res.json()).mustChangePassword).toBe(false);
      }
      expect(existsSync(real)).toBe(false);
    } finally {
      await stop(child);
    }
  });

  it('`otmetka demo` makes the demo school anew once its school year is over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otmetka-demo-'));
    const file = join(dir, 'demo.db');
    const stale = openDatabase(file, { poolSize: 1 });
    await migrateToLatest(stale);
    await seedDemoSchool(stale.db, { today: new Date('2023-10-02T12:00:00Z') });
    await stale.close();
    const { child, url } = start('demo', { DEMO_DATABASE_URL: file });
    try {
      const base = await url;
      expect((await post(`${base}/api/auth/login`, { login: 'teacher', password: 'demo' })).status).toBe(200);
    } finally {
      await stop(child);
    }
    const fresh = openDatabase(file, { poolSize: 1 });
    const years = await fresh.db.selectFrom('academicYears').select('name').execute();
    await fresh.close();
    expect(years.map((y) => y.name)).not.toContain('2023/2024');
    expect(years.length).toBe(1);
  });
});
