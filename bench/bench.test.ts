import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { peakReport } from './district.ts';
import { type EngineRows, formatDistrictTable } from './district-table.ts';
import type { Measurement } from './load.ts';
import { parseBenchArgs } from './options.ts';
import { repoRoot } from './servers.ts';

function runQuickBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const args = [
    '--quick',
    '--duration',
    '1',
    '--warmup',
    '0',
    '--connections',
    '2',
    '--cold-starts',
    '1',
    '--diary-parents',
    '20',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, BENCH_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The table's rows by their scenario name, each as its cells. */
function tableRows(stdout: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('| ')) continue;
    const cells = line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
    rows.set(cells[0] ?? '', cells);
  }
  return rows;
}

// A smoke test of the harness only: it checks that every row is there and nothing failed, never
// how fast anything was.
describe('npm run bench', () => {
  it('seeds, measures cold start, the ceiling and every scenario, and prints one table', {
    // The diary seeds a district of one school with its journal: ≈15 s more on a quiet machine.
    timeout: 300_000,
  }, async () => {
    const { code, stdout, stderr } = await runQuickBench();
    expect(code, stderr).toBe(0);
    const rows = tableRows(stdout);
    const row = (prefix: string) => {
      const found = [...rows.entries()].find(([name]) => name.startsWith(prefix));
      expect(found, `a row starting with «${prefix}» in\n${stdout}`).toBeDefined();
      const [, p50, p95, p99, rps, share, errors] = found![1];
      return {
        p50: Number(p50),
        p95: Number(p95),
        p99: Number(p99),
        rps: Number(rps),
        share,
        errors: Number(errors),
      };
    };

    expect(row('cold start').p50).toBeGreaterThan(0);
    for (const name of [
      'ceiling',
      'GET /api/health',
      'POST /api/auth/login',
      'GET /api/me (teacher)',
      'GET /api/me (parent)',
    ]) {
      const measured = row(name);
      expect(measured.rps, name).toBeGreaterThan(0);
      expect(measured.share, name).toMatch(/^\d+(\.\d)?%$/);
      expect(measured.errors, name).toBe(0);
    }
    for (const name of [
      'GET /api/journal/courses/:id',
      'POST /api/journal/marks',
      'POST /api/journal/lessons/:id/attendance',
    ]) {
      const measured = row(name);
      expect(measured.p50, name).toBeGreaterThan(0);
      expect(measured.errors, name).toBe(0);
    }
    for (const name of [
      'diary week, first read',
      'diary week, warm',
      'diary week, If-None-Match',
      'diary week, 2 connections',
      'diary week, 20 parents at once',
    ]) {
      const measured = row(name);
      expect(measured.p50, name).toBeGreaterThan(0);
      expect(measured.errors, name).toBe(0);
    }
    expect(row('diary week, 2 connections').share).toMatch(/^\d+(\.\d)?%$/);
    // The control reports (issue #6): one row per registered report and the district rollup.
    const reportRows = [...rows.keys()].filter((name) => name.startsWith('report '));
    expect(reportRows.length, stdout).toBeGreaterThan(0);
    for (const name of [...reportRows, 'district rollup']) {
      const measured = row(name);
      expect(measured.p50, name).toBeGreaterThan(0);
      expect(measured.errors, name).toBe(0);
    }
    expect(stdout).toMatch(/^reports: slowest school report .* \(target ≤ 500 ms\)/m);
    expect(stdout).toMatch(/^diary freshness .*: OK/m);
    expect(stdout).toMatch(/ошибок: 0$/m);
    expect(stdout).toMatch(/^CPUs: +\d+/m);
    expect(stdout).toMatch(/^database: +SQLite/m);
  });
});

function fake(name: string, p50: number, rps: number | null, errors = 0): Measurement {
  return { name, p50, p95: p50 * 2, p99: p50 * 3, rps, requests: 10, errors, statuses: { 200: 10 - errors } };
}

// `--scale district` runs for minutes even on one school (seeding, a whole backup with its 20 s
// baseline, on both engines), far over what CI can spend: here its options and its one table are
// checked with made-up measurements; docs/BENCHMARKS.md has a real run.
describe('npm run bench -- --scale district', () => {
  it('reads its options, keeps the default scale, and refuses what it cannot use', () => {
    expect(parseBenchArgs([], {})?.scale).toBe('school');
    const quick = parseBenchArgs(['--scale', 'district', '--quick', '--district-sqlite', '/tmp/d.db'], {});
    expect(quick).toMatchObject({
      scale: 'district',
      schools: 1,
      districtSqlite: '/tmp/d.db',
      districtPostgres: undefined,
      database: undefined,
      peak: { parents: 200, teachers: 10, thinkSeconds: 5, durationSeconds: 10 },
    });
    const full = parseBenchArgs(
      ['--scale', 'district', '--district-postgres', 'postgres://h/d', '--peak-parents', '300'],
      { BENCH_DATABASE_URL: 'postgres://h/server' },
    );
    expect(full).toMatchObject({
      schools: 30,
      districtPostgres: 'postgres://h/d',
      database: 'postgres://h/server',
    });
    expect(full?.peak).toEqual({ parents: 300, teachers: 100, thinkSeconds: 5, durationSeconds: 60 });
    expect(() => parseBenchArgs(['--scale', 'region'], {})).toThrow(/--scale/);
    expect(() => parseBenchArgs(['--scale', 'district', '--district-postgres', 'd.db'], {})).toThrow(
      /postgres/,
    );
    expect(() => parseBenchArgs(['--scale', 'district', '--schools', '0'], {})).toThrow(/--schools/);
  });

  it('prints one table with both engines side by side, the share of the one ceiling and every failure', () => {
    const ceiling = fake('ceiling', 0.2, 10_000);
    const results: Record<'sqlite' | 'postgres', EngineRows> = {
      sqlite: {
        rows: [
          { key: 'ceiling#0', label: 'ceiling', measurement: ceiling },
          { key: 'http#0', label: 'http', measurement: fake('GET /api/health', 1, 5_000) },
          { key: 'journal#0', label: 'journal', measurement: fake('POST /api/journal/marks', 3, null) },
          { key: 'grid#0', label: 'grid in Chromium', note: 'not run on district data' },
        ],
      },
      postgres: {
        rows: [
          { key: 'ceiling#0', label: 'ceiling', measurement: ceiling },
          { key: 'http#0', label: 'http', measurement: fake('GET /api/health', 2, 2_500, 1) },
          {
            key: 'journal#0',
            label: 'journal',
            note: `failed: boom\n${'at stack '.repeat(40)}`,
            failed: true,
          },
          { key: 'grid#0', label: 'grid in Chromium', note: 'not run on district data' },
        ],
      },
    };
    const lines = formatDistrictTable(results, 10_000).split('\n');
    const cells = (prefix: string) =>
      lines
        .find((line) => line.startsWith(`| ${prefix}`))
        ?.slice(1, -1)
        .split('|')
        .map((cell) => cell.trim());
    expect(cells('scenario')).toEqual([
      'scenario',
      'SQLite p50 ms',
      'p95 ms',
      'req/s',
      '% ceiling',
      'PostgreSQL p50 ms',
      'p95 ms',
      'req/s',
      '% ceiling',
      'errors (SQLite / PG)',
    ]);
    expect(lines).toHaveLength(6);
    expect(cells('GET /api/health')).toEqual([
      'GET /api/health',
      '1.00',
      '2.00',
      '5000',
      '50%',
      '2.00',
      '4.00',
      '2500',
      '25%',
      '0 / 1',
    ]);
    expect(cells('POST /api/journal/marks')).toEqual([
      'POST /api/journal/marks — PostgreSQL: failed: boom',
      '3.00',
      '6.00',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '0 / failed',
    ]);
    expect(cells('grid in Chromium')?.[0]).toBe('grid in Chromium — not run on district data');
    const alone = formatDistrictTable(
      { sqlite: results.sqlite, postgres: { notRun: 'no PostgreSQL' } },
      10_000,
    );
    expect(alone).toContain('PostgreSQL (not run) p50 ms');
    expect(alone).toMatch(/^\| GET \/api\/health .*\| +0 \/ — \|$/m);
  });

  it('holds the evening peak to the targets of issue #10', () => {
    const report = peakReport(
      {
        rows: [fake('diary week (parents)', 30, 1_000), fake('teacher saves a mark', 40, 50, 2)],
        rssMbMax: [250, 320],
      },
      10_000,
    );
    expect(report[0]).toMatch(/^\| diary week \(parents\) /m);
    expect(report.slice(1)).toEqual([
      'peak target: teacher save p95 ≤ 50 ms: 80.0 ms, MISSED',
      'peak target: diary p95 ≤ 100 ms: 60.0 ms, met',
      'peak target: no errors: 2, MISSED',
      'peak target: ≤ 300 MB per process: 250 MB, 320 MB, MISSED',
    ]);
  });
});
