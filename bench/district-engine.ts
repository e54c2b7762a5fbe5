/**
 * Every earlier scenario on one engine's district database, for `npm run bench -- --scale
 * district`: cold start, lesson generation, the autocannon scenarios with district accounts, the
 * journal of the busiest teacher, the diary, the control reports, print, the audit check and a
 * whole backup. A scenario that breaks becomes a `failed` row and the run goes on.
 */
import { verifyAudit } from '../src/server/audit/verify-audit.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { measureColdStart } from './cold-start.ts';
import { prepareDiaryParents } from './diary-data.ts';
import { benchDiary, diaryServer } from './diary-run.ts';
import type { EngineName, KeyedRow } from './district-table.ts';
import { measureJournal } from './journal.ts';
import { type LoadSettings, type Measurement, measureScenario, type Scenario } from './load.ts';
import { startServer } from './servers.ts';
import { demoCredentials, sessionCookieOf } from './session.ts';

/** What the per-engine run needs from the command line. */
export interface EngineSettings {
  settings: LoadSettings;
  coldStarts: number;
  /** Requests per journal scenario. */
  journalSamples: number;
  diaryParents: number;
  /** Timed runs of each report and of print. */
  runs: number;
  /** The PostgreSQL server lesson generation makes its scratch database on (PostgreSQL only). */
  postgresServer: string | undefined;
}

/** One engine's rows and the summary lines its scenarios printed. */
export interface EngineRun {
  rows: KeyedRow[];
  lines: string[];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The logins the district scenarios use: its busiest teacher and seven staff accounts for login. */
async function districtLogins(databaseUrl: string): Promise<{ teacher: string; staff: string[] }> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    const busiest = await db
      .selectFrom('marks')
      .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('accounts', 'accounts.personId', 'courses.teacherId')
      .select((eb) => ['accounts.login', eb.fn.countAll().as('n')])
      .groupBy(['courses.id', 'accounts.login'])
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const staff = await db
      .selectFrom('accounts')
      .select('login')
      .where('login', 'not like', 'bench.%')
      .where('disabledAt', 'is', null)
      .orderBy('id')
      .limit(7)
      .execute();
    return { teacher: busiest.login, staff: staff.map((a) => a.login) };
  } finally {
    await close();
  }
}

/** The autocannon scenarios of `npm run bench` with district accounts instead of the demo ones. */
function districtScenarios(cookies: { teacher: string; parent: string }, staff: string[]): Scenario[] {
  return [
    { name: 'GET /api/health', method: 'GET', path: '/api/health' },
    {
      name: `POST /api/auth/login (${staff.length} district staff accounts)`,
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      bodies: staff.map((login) => JSON.stringify(demoCredentials(login))),
    },
    {
      name: 'GET /api/me (busiest teacher)',
      method: 'GET',
      path: '/api/me',
      headers: { cookie: cookies.teacher },
    },
    { name: 'GET /api/me (parent)', method: 'GET', path: '/api/me', headers: { cookie: cookies.parent } },
  ];
}

/** Times the audit check of the whole district once: one row, its problems as errors. */
async function timeAuditVerify(databaseUrl: string): Promise<Measurement> {
  const database = openDatabase(databaseUrl);
  try {
    const started = performance.now();
    const reports = await verifyAudit(database.db);
    const ms = performance.now() - started;
    const events = reports.reduce((sum, r) => sum + r.events, 0);
    const rows = reports.reduce((sum, r) => sum + r.rows, 0);
    const problems = reports.reduce((sum, r) => sum + r.problemCount, 0);
    const count = (n: number) => n.toLocaleString('en').replace(/,/g, ' ');
    return {
      name: `audit verify, whole district (${reports.length} chains, ${count(events)} events, ${count(rows)} journal rows)`,
      p50: ms,
      p95: ms,
      p99: ms,
      rps: null,
      requests: 1,
      errors: problems,
      statuses: problems ? { problems } : {},
    };
  } finally {
    await database.close();
  }
}

/**
 * Runs every scenario on one engine's seeded district `databaseUrl`; `ceilingRps` is the run's
 * one bare-Fastify figure (the diary's share is of it).
 */
export async function benchDistrictEngine(
  engine: EngineName,
  databaseUrl: string,
  options: EngineSettings,
  ceilingRps: number,
  print: (line: string) => void,
): Promise<EngineRun> {
  const rows: KeyedRow[] = [];
  const lines: string[] = [];
  const title = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const say = (line: string) => print(`${title}: ${line}`);
  const group = async (key: string, label: string, task: () => Promise<Measurement[]>) => {
    try {
      const measured = await task();
      measured.forEach((measurement, i) => {
        rows.push({ key: `${key}#${i}`, label, measurement });
      });
    } catch (error) {
      say(`${label} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      rows.push({ key: `${key}#0`, label, note: `failed: ${messageOf(error)}`, failed: true });
    }
  };
  const spec = diaryServer(databaseUrl);

  await group('cold', 'cold start', async () => [await measureColdStart(spec, options.coldStarts)]);
  await group('lessons', 'lessons of a year, 33 classes', async () => {
    const { measureLessonGeneration } = await import('./lessons.ts');
    return [await measureLessonGeneration(engine === 'postgres' ? options.postgresServer : undefined)];
  });

  const logins = await districtLogins(databaseUrl);
  const parent = (await prepareDiaryParents(databaseUrl, 1)).parents[0]!;
  const server = await startServer(spec);
  try {
    await group('http', 'autocannon scenarios', async () => {
      const cookies = { teacher: await sessionCookieOf(server.url, logins.teacher), parent: parent.cookie };
      const measured: Measurement[] = [];
      for (const scenario of districtScenarios(cookies, logins.staff)) {
        const row = await measureScenario(server.url, scenario, options.settings);
        say(`${row.name}: ${row.rps?.toFixed(0)} req/s, ${row.errors} errors`);
        measured.push(row);
      }
      return measured;
    });
    await group('journal', `journal of ${logins.teacher}`, () =>
      measureJournal(server.url, databaseUrl, options.journalSamples, logins.teacher),
    );
  } finally {
    await server.stop();
  }
  rows.push({
    key: 'grid-browser#0',
    label: 'grid in Chromium',
    note: 'not run on district data: it pads and opens the demo teacher’s course (npm run bench)',
  });

  let stale: string | undefined;
  await group('diary', 'diary', async () => {
    const diary = await benchDiary(
      databaseUrl,
      {
        parents: options.diaryParents,
        settings: options.settings,
        concurrentSeconds: options.settings.duration,
        ceilingRps,
      },
      say,
    );
    lines.push(...diary.lines);
    if (!diary.freshness.ok) stale = diary.freshness.detail;
    return diary.rows;
  });
  if (stale !== undefined) {
    rows.push({
      key: 'diary-freshness#0',
      label: 'diary freshness (saved in one process, read in another)',
      note: `failed: ${stale}`,
      failed: true,
    });
  }
  await group('reports', 'control reports', async () => {
    const { benchReports } = await import('./reports.ts');
    const reports = await benchReports(databaseUrl, { runs: options.runs }, say);
    lines.push(...reports.lines);
    return reports.rows;
  });
  await group('print', 'print: class journal PDF', async () => {
    const printed = await (await import('./print.ts')).benchPrint(databaseUrl, { runs: options.runs }, say);
    return printed.rows;
  });
  // Before the backup: its teachers' writes change marks without audit events on purpose.
  await group('audit', 'audit verify, whole district', async () => {
    const row = await timeAuditVerify(databaseUrl);
    say(`${row.name}: ${(row.p50 / 1000).toFixed(1)} s, ${row.errors} problems`);
    return [row];
  });
  await group('backup', 'backup: whole district', async () => {
    const backup = await (await import('./backup.ts')).benchBackup(databaseUrl, { runs: 1 }, say);
    lines.push(...backup.lines);
    return backup.rows;
  });
  return { rows, lines: lines.map((line) => `${title}: ${line}`) };
}
