import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.ts';
import type { TestEngine } from './databases.ts';

/** A database that does not exist yet (SQLite: a path in a temp dir; PostgreSQL: created empty). */
export interface EmptyDatabase {
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

/** An empty, unmigrated database of its own on the engine; `drop` removes it (PostgreSQL). */
export async function emptyDatabase(engine: TestEngine): Promise<EmptyDatabase> {
  if (engine.name === 'sqlite') {
    const url = join(mkdtempSync(join(tmpdir(), 'otmetka-h5-')), 'otmetka.db');
    return { url, drop: async () => {} };
  }
  counter += 1;
  const name = `otmetka_h5_${process.pid}_${Date.now()}_${counter}`;
  const admin = openDatabase(engine.url(), { poolSize: 1 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  const url = new URL(engine.url());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await sql.raw(`drop database if exists ${name}`).execute(admin.db);
      await admin.close();
    },
  };
}

/** What a finished `otmetka` command printed, and its exit code. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function otmetka(args: string[], env: Record<string, string>): ChildProcess {
  return spawn('node', ['bin/otmetka.js', ...args], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `otmetka <args>` to its end. */
export async function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const child = otmetka(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr!.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** `otmetka serve` as a child process, once it listens. */
export interface ChildServer {
  child: ChildProcess;
  base: string;
  /** Resolves when the process has exited. */
  exited: Promise<unknown>;
}

/** Starts `otmetka serve` on a free port of 127.0.0.1 (LOG_LEVEL info: it says where it listens). */
export async function startServer(env: Record<string, string>): Promise<ChildServer> {
  const child = otmetka(['serve'], env);
  const exited = once(child, 'exit');
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not listen within 90 s: ${out}`)), 90_000);
    const read = (chunk: unknown) => {
      out += String(chunk);
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', read);
      child.stdout!.resume();
      resolve(match[1]!);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk) => {
      out += String(chunk);
    });
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`did not start: ${out}`));
    });
  });
  return { child, base, exited };
}
