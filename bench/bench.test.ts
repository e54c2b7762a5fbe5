import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
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
