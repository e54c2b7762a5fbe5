import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root: servers are started from here, as `npm` would. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** A server running in its own process, on its own event loop. */
export interface ChildServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  pid: number | undefined;
  /** Milliseconds from spawn until the readiness path first answered 200. */
  readyMs: number;
  /** Sends SIGTERM and waits for the exit (SIGKILL after a grace period). */
  stop(): Promise<void>;
}

/** How to start a server: a TypeScript entry run by `node --import tsx`, its env and readiness path. */
export interface ServerSpec {
  name: string;
  entry: string;
  args?: string[];
  env?: Record<string, string>;
  readyPath: string;
  timeoutMs?: number;
}

const live = new Set<ChildProcess>();

/** A free TCP port on loopback (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  const done = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
  live.delete(child);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Spawns a server on a free loopback port and resolves once its readiness path answers 200. */
export async function startServer(spec: ServerSpec): Promise<ChildServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', spec.entry, ...(spec.args ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, ...spec.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = started + (spec.timeoutMs ?? 30_000);
  while (!(await answers(`${url}${spec.readyPath}`))) {
    if (child.exitCode !== null || child.signalCode !== null || performance.now() > deadline) {
      await stopChild(child);
      throw new Error(`${spec.name} did not start (exit ${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const readyMs = performance.now() - started;
  return { url, pid: child.pid, readyMs, stop: () => stopChild(child) };
}

/** Stops every server still running (on failure or Ctrl-C). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...live].map((child) => stopChild(child)));
}

/** Last resort at process exit: kills whatever is left without waiting. */
export function killAllServersNow(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}
