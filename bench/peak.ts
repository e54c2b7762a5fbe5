/**
 * The evening peak (issue #10): two server processes on one PostgreSQL database, 5,000 parents
 * reading their child's diary week at a 5-second think time (≈1,000 requests per second) while
 * 100 teachers save marks, each one every ~2 s (≈50 saves per second). Requests go to the two
 * processes in turn, as a load balancer sends them, so every session is used on both. Targets:
 * save p95 ≤ 50 ms, diary p95 ≤ 100 ms, no errors, at most 300 MB resident per process.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { prepareDiaryParents } from './diary-data.ts';
import { rowOf } from './diary-rows.ts';
import type { Measurement } from './load.ts';
import { preparePeakTeachers } from './peak-data.ts';
import type { LoadPlan, LoadReport } from './peak-load.ts';
import { repoRoot, type ServerSpec, startServer } from './servers.ts';

/** How to run the evening peak; every field but the database has the issue's value by default. */
export interface PeakOptions {
  /** A seeded PostgreSQL district (`npm run seed -- --schools N`). */
  databaseUrl: string;
  parents?: number;
  teachers?: number;
  thinkSeconds?: number;
  /** Seconds between one teacher's saves (start to start). Default 2. */
  saveEverySeconds?: number;
  durationSeconds?: number;
  /** Load before the window, not measured; parents arrive spread over it. Default twice the think time. */
  warmupSeconds?: number;
  /** Load generator processes. Default 2. */
  generators?: number;
  /** Keep-alive sockets per generator and server process. Default 256. */
  socketsPerServer?: number;
  /** Extra environment for both server processes (e.g. DATABASE_POOL_SIZE). */
  serverEnv?: Record<string, string>;
  print?: (line: string) => void;
}

/** Which of the issue's targets the run met. */
export interface PeakTargets {
  saveP95: boolean;
  diaryP95: boolean;
  noErrors: boolean;
  memory: boolean;
  all: boolean;
}

/** What the evening peak measured. */
export interface PeakResult {
  /** «diary week (parents)…» and «teacher saves a mark…», as bench/load.ts rows. */
  rows: Measurement[];
  /** Largest resident set of each server process (MB), sampled every 500 ms over the whole run. */
  rssMbMax: number[];
  /** Requests answered or failed in the measured window, both kinds. */
  requests: number;
  /** Failures in the window (any status but 200/304, socket errors, timeouts). */
  errors: number;
  /** Failures during the warm-up (not in the rows, reported all the same). */
  warmupErrors: number;
  /** Saves answered 200 over the whole run: each inserted one mark. */
  savedTotal: number;
  /** The courses the teachers wrote in. */
  courseIds: number[];
  /** Share of diary answers that were 304 Not Modified (the ETag still valid). */
  notModifiedShare: number;
  targetsMet: PeakTargets;
  /** The summary, as printed. */
  lines: string[];
}

/** The targets of issue #10. */
export const peakTargets = { saveP95Ms: 50, diaryP95Ms: 100, rssMb: 300 };

/** A server process as the bench starts one; notifications and backups keep production defaults. */
function peakServer(databaseUrl: string, env: Record<string, string>): ServerSpec {
  return {
    name: 'Otmetka server (evening peak)',
    entry: 'src/server/cli/main.ts',
    args: ['serve'],
    env: {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      EXPORT_RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    },
    readyPath: '/api/health',
    timeoutMs: 120_000,
  };
}

/** Samples a process's resident set (VmRSS) every 500 ms; `stop` returns the largest, in MB. */
function sampleRss(pid: number | undefined): { stop(): Promise<number> } {
  let max = 0;
  const read = async () => {
    if (pid === undefined) return;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    max = Math.max(max, kb / 1024);
  };
  void read();
  const timer = setInterval(() => void read(), 500);
  return {
    async stop() {
      clearInterval(timer);
      await read();
      return max;
    },
  };
}

/** Every forked load generator of this process: killed when the peak ends, whatever happened. */
const generatorsAlive = new Set<ChildProcess>();

/** Forks a load generator and resolves once it listens for its plan. */
function startGenerator(): Promise<{ run(plan: LoadPlan): Promise<LoadReport> }> {
  const child = fork(fileURLToPath(new URL('./peak-load.ts', import.meta.url)), [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  generatorsAlive.add(child);
  child.once('exit', () => generatorsAlive.delete(child));
  const run = (plan: LoadPlan) =>
    new Promise<LoadReport>((resolve, reject) => {
      child.once('message', (m: { report?: LoadReport; error?: string }) =>
        m.report ? resolve(m.report) : reject(new Error(`load generator: ${m.error}`)),
      );
      child.once('exit', (code) => reject(new Error(`load generator exited (${code})`)));
      child.send(plan);
    });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve({ run }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`load generator exited before its plan (${code})`)));
  });
}

const spaced = (n: number) => n.toLocaleString('en').replace(/,/g, ' ');

function merge(reports: LoadReport[], kind: 'diary' | 'saves') {
  const latencies = reports.flatMap((r) => r[kind].latencies);
  const statuses: Record<string, number> = {};
  for (const r of reports)
    for (const [code, n] of Object.entries(r[kind].statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return { latencies, statuses };
}

/** Runs the evening peak on a seeded PostgreSQL district and reports rows, memory and targets. */
export async function runEveningPeak(options: PeakOptions): Promise<PeakResult> {
  const print = options.print ?? (() => {});
  const parents = options.parents ?? 5000;
  const teachers = options.teachers ?? 100;
  const think = options.thinkSeconds ?? 5;
  const saveEvery = options.saveEverySeconds ?? 2;
  const duration = options.durationSeconds ?? 60;
  const warmup = options.warmupSeconds ?? 2 * think;
  const generators = Math.max(1, Math.min(options.generators ?? 2, parents + teachers));
  if (!options.databaseUrl.startsWith('postgres')) throw new Error('the evening peak runs on PostgreSQL');

  const prepared = await prepareDiaryParents(options.databaseUrl, parents);
  // Enough cells for every save of the run with room for the ± 25 % jitter.
  const savesEach = Math.ceil(((warmup + duration) / saveEvery) * 1.5) + 5;
  const staff = await preparePeakTeachers(options.databaseUrl, teachers, savesEach);
  print(
    `evening peak: ${spaced(parents)} parents in ${prepared.schools} schools and ${teachers} teachers signed in (${spaced(prepared.marks)} marks in the database)`,
  );

  const env = options.serverEnv ?? {};
  const starts = await Promise.allSettled(
    [1, 2].map(() => startServer(peakServer(options.databaseUrl, env))),
  );
  const servers = starts.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = starts.find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()));
    throw failed.reason;
  }
  const samplers = servers.map((s) => sampleRss(s.pid));
  try {
    const spawned = await Promise.all(Array.from({ length: generators }, startGenerator));
    const startAt = Date.now() + 300;
    const measureFrom = startAt + warmup * 1000;
    const endAt = measureFrom + duration * 1000;
    const loadBefore = loadavg()[0] ?? 0;
    print(
      `evening peak: ${warmup} s warm-up, then ${duration} s measured (load average ${loadBefore.toFixed(2)})`,
    );
    const reports = await Promise.all(
      spawned.map((g, k) =>
        g.run({
          servers: servers.map((s) => s.url),
          parents: prepared.parents
            .filter((_, i) => i % generators === k)
            .map((p) => ({ path: `/api/diary/${p.studentId}/week`, cookie: p.cookie })),
          teachers: staff
            .filter((_, i) => i % generators === k)
            .map((t) => ({ cookie: t.cookie, csrf: t.csrf, saves: t.saves })),
          thinkMs: think * 1000,
          saveEveryMs: saveEvery * 1000,
          startAt,
          measureFrom,
          endAt,
          socketsPerServer: options.socketsPerServer ?? 256,
        }),
      ),
    );
    const loadAfter = loadavg()[0] ?? 0;
    const rssMbMax = await Promise.all(samplers.map((s) => s.stop()));
    const diarySamples = merge(reports, 'diary');
    const saveSamples = merge(reports, 'saves');
    const diary = rowOf(
      `diary week (parents): ${spaced(parents)} at ${think} s think, 2 processes, round robin`,
      diarySamples.latencies,
      diarySamples.statuses,
      diarySamples.latencies.length / duration,
    );
    const saves = rowOf(
      `teacher saves a mark: ${teachers} teachers, one each ${saveEvery} s, 2 processes`,
      saveSamples.latencies,
      saveSamples.statuses,
      saveSamples.latencies.length / duration,
    );
    const rows = [diary, saves];
    const errors = diary.errors + saves.errors;
    const warmupErrors = reports.reduce((n, r) => n + r.warmupErrors, 0);
    const outOfCells = reports.reduce((n, r) => n + r.teachersOutOfCells, 0);
    const notModified = (diarySamples.statuses['304'] ?? 0) / Math.max(1, diary.requests);
    const met = {
      saveP95: saves.requests > 0 && saves.p95 <= peakTargets.saveP95Ms,
      diaryP95: diary.requests > 0 && diary.p95 <= peakTargets.diaryP95Ms,
      noErrors: errors === 0 && warmupErrors === 0,
      memory: rssMbMax.every((mb) => mb <= peakTargets.rssMb),
    };
    const yes = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const lines = [
      `evening peak: diary p95 ${diary.p95.toFixed(1)} ms (target ≤ ${peakTargets.diaryP95Ms}: ${yes(met.diaryP95)}), ${diary.rps?.toFixed(0)} req/s; 304 Not Modified ${(notModified * 100).toFixed(0)} % of answers`,
      `evening peak: save p95 ${saves.p95.toFixed(1)} ms (target ≤ ${peakTargets.saveP95Ms}: ${yes(met.saveP95)}), ${saves.rps?.toFixed(1)} saves/s`,
      `evening peak: errors ${errors} in the window, ${warmupErrors} in the warm-up (target 0: ${yes(met.noErrors)}); statuses ${JSON.stringify({ diary: diary.statuses, saves: saves.statuses })}`,
      `evening peak: largest resident set per process ${rssMbMax.map((mb) => `${mb.toFixed(0)} MB`).join(', ')} (target ≤ ${peakTargets.rssMb}: ${yes(met.memory)})`,
      `evening peak: load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (1 min; the load generators share the CPUs)`,
      ...reports
        .flatMap((r) => r.failures)
        .slice(0, 5)
        .map((f) => `evening peak: failed ${f}`),
      ...(outOfCells > 0
        ? [`evening peak: ${outOfCells} teachers ran out of empty cells before the end`]
        : []),
    ];
    for (const line of lines) print(line);
    return {
      rows,
      rssMbMax,
      requests: diary.requests + saves.requests,
      errors,
      warmupErrors,
      savedTotal: reports.reduce((n, r) => n + r.savedTotal, 0),
      courseIds: staff.map((t) => t.courseId),
      notModifiedShare: notModified,
      targetsMet: { ...met, all: Object.values(met).every(Boolean) },
      lines,
    };
  } finally {
    for (const child of generatorsAlive) child.kill('SIGKILL');
    await Promise.all(samplers.map((s) => s.stop()));
    await Promise.all(servers.map((s) => s.stop()));
  }
}
