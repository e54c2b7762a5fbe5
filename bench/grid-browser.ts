/**
 * The journal grid in Chromium: how long from navigation until a 30 × 50 grid takes keys, and
 * how much main-thread work one keystroke costs (CDP `Performance.getMetrics` TaskDuration, and
 * long tasks). The demo school's biggest course of the demo teacher is padded to 50 lessons in
 * the current period. `npx tsx bench/grid-browser.ts` prints the figures on its own; `npm run
 * bench` puts the same rows in its table. Nothing is asserted.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { readConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { serve } from '../src/server/main.ts';
import { type DemoSummary, demoPassword, seedDemoSchool } from '../src/server/seed/seed-demo-school.ts';
import { scratchDatabase } from './database.ts';
import { type Measurement, percentile } from './load.ts';

const root = resolve(import.meta.dirname, '..');
const webDir = process.env.BENCH_WEB_DIR ?? join(root, 'dist/web');
/** How many navigations and keystrokes of each kind are timed; a short run (`--quick`) does fewer. */
const rounds = { full: { navigations: 5, keystrokes: 20 }, quick: { navigations: 2, keystrokes: 4 } };

function row(name: string, values: number[]): Measurement {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    name,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: null,
    requests: values.length,
    errors: 0,
    statuses: {},
  };
}

/** The demo teacher's course with the most students, padded to 50 lessons in the current period. */
async function bigCourse(databaseUrl: string, demo: Pick<DemoSummary, 'people'>): Promise<number> {
  const database = openDatabase(databaseUrl);
  try {
    const db = database.db;
    const today = new Date().toISOString().slice(0, 10);
    const course = await db
      .selectFrom('courses')
      .innerJoin('groupMemberships as gm', 'gm.groupId', 'courses.groupId')
      .select([
        'courses.id',
        'courses.schoolId',
        'courses.teacherId',
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('courses.teacherId', '=', demo.people.teacher)
      .groupBy(['courses.id', 'courses.schoolId', 'courses.teacherId'])
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const period = await db
      .selectFrom('periods')
      .select(['startsOn', 'endsOn'])
      .where('schoolId', '=', course.schoolId)
      .where('kind', '=', 'term')
      .where('startsOn', '<=', today)
      .where('endsOn', '>=', today)
      .orderBy('endsOn')
      .executeTakeFirstOrThrow();
    const held = await db
      .selectFrom('lessons')
      .select(['date', 'lessonNumber'])
      .where('courseId', '=', course.id)
      .where('date', '>=', period.startsOn)
      .where('date', '<=', period.endsOn)
      .execute();
    const taken = new Set(held.map((l) => `${l.date}/${l.lessonNumber}`));
    let missing = 50 - held.length;
    const day = new Date(`${period.startsOn}T12:00:00Z`);
    while (missing > 0 && day.toISOString().slice(0, 10) <= period.endsOn) {
      const date = day.toISOString().slice(0, 10);
      // Extra lessons go after school hours on weekdays, where the timetable has none.
      if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !taken.has(`${date}/8`)) {
        await db
          .insertInto('lessons')
          .values({
            schoolId: course.schoolId,
            courseId: course.id,
            date,
            lessonNumber: 8,
            teacherId: course.teacherId,
          })
          .execute();
        missing -= 1;
      }
      day.setUTCDate(day.getUTCDate() + 1);
    }
    return course.id;
  } finally {
    await database.close();
  }
}

/** Records when the grid's focused cell first appears, and when the frame after it is painted. */
const probe = () => {
  const w = window as unknown as { gridShownAt?: number; gridReadyAt?: number };
  new MutationObserver((_, observer) => {
    if (w.gridShownAt !== undefined || !document.querySelector('td[role="gridcell"][tabindex="0"]')) return;
    w.gridShownAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (w.gridReadyAt = performance.now()), 0));
  }).observe(document, { childList: true, subtree: true });
};

async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 30))),
      ),
  );
}

/** Measures the grid in a browser against a running server; returns the table's rows. */
async function measureInBrowser(
  browser: Browser,
  url: string,
  login: string,
  courseId: number,
  { navigations, keystrokes }: { navigations: number; keystrokes: number },
) {
  const context = await browser.newContext({
    baseURL: url,
    locale: 'ru-RU',
    viewport: { width: 1366, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Логин', { exact: true }).fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await page.getByRole('button', { name: 'Выйти', exact: true }).waitFor();
  await page.addInitScript(probe);

  const ready: number[] = [];
  let size = '';
  for (let i = 0; i < navigations; i += 1) {
    await page.goto(`/journal/${courseId}`);
    await page.waitForFunction(
      () => (window as unknown as { gridReadyAt?: number }).gridReadyAt !== undefined,
    );
    ready.push(await page.evaluate(() => (window as unknown as { gridReadyAt: number }).gridReadyAt));
    size = await page.evaluate(
      () =>
        `${document.querySelectorAll('tbody tr').length} students × ${document.querySelectorAll('.jg-dates th').length} lessons, ${document.querySelectorAll('td[role="gridcell"]').length} cells`,
    );
  }

  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number };
    w.longTasks = 0;
    new PerformanceObserver((list) => (w.longTasks += list.getEntries().length)).observe({
      type: 'longtask',
    });
  });
  const focused = page.locator('td[role="gridcell"][tabindex="0"]');
  await focused.click();
  await page.keyboard.press('Home');
  const costs: Record<'type' | 'commit' | 'move', number[]> = { type: [], commit: [], move: [] };
  const timed = async (kind: keyof typeof costs, key: string) => {
    await settle(page);
    const before = await busy();
    await page.keyboard.press(key);
    await settle(page);
    costs[kind].push((await busy()) - before);
  };
  for (let i = 0; i < keystrokes; i += 1) {
    await timed('type', String(2 + (i % 4)));
    await timed('commit', 'Tab');
    await timed('move', i % 2 ? 'ArrowLeft' : 'ArrowRight');
  }
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number }).longTasks);
  await context.close();
  return [
    row(`journal grid interactive after navigation (${size}, Chromium)`, ready),
    row('grid keystroke: a digit opens the editor (main-thread ms)', costs.type),
    row('grid keystroke: Tab saves the cell and moves (main-thread ms)', costs.commit),
    row(`grid keystroke: an arrow moves (main-thread ms; long tasks in all: ${longTasks})`, costs.move),
  ];
}

function findChromium(): string | null {
  const wanted = process.env.CHROMIUM_PATH ?? 'chromium';
  try {
    return execFileSync('sh', ['-c', 'command -v "$1"', 'sh', wanted], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/**
 * Serves the seeded database at `databaseUrl` (the demo school) in this process and measures the
 * journal grid in Chromium (no rows, and a note, when there is no Chromium). Pads one course to
 * 50 lessons in that database. `quick` times fewer navigations and keystrokes.
 */
export async function measureGridInBrowser(
  databaseUrl: string,
  { quick = false, demo }: { quick?: boolean; demo?: DemoSummary } = {},
): Promise<Measurement[]> {
  const executablePath = findChromium();
  if (!executablePath) {
    process.stderr.write('journal grid in Chromium: skipped, Chromium not found (set CHROMIUM_PATH)\n');
    return [];
  }
  if (!existsSync(join(webDir, 'index.html'))) {
    execSync(`npx vite build --logLevel warn --outDir ${JSON.stringify(webDir)} --emptyOutDir`, {
      cwd: root,
    });
  }
  const people = demo ?? (await demoOf(databaseUrl));
  const courseId = await bigCourse(databaseUrl, people);
  const config = readConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    WEB_DIR: webDir,
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  });
  const server = await serve(config, { signals: false });
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    return await measureInBrowser(
      browser,
      server.url,
      people.logins.teacher,
      courseId,
      rounds[quick ? 'quick' : 'full'],
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The demo teacher's id and login in an already seeded database. */
async function demoOf(databaseUrl: string): Promise<Pick<DemoSummary, 'people' | 'logins'>> {
  const database = openDatabase(databaseUrl);
  try {
    const account = await database.db
      .selectFrom('accounts')
      .select(['personId', 'login'])
      .where('login', '=', 'teacher')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    return {
      people: { teacher: account.personId } as DemoSummary['people'],
      logins: { teacher: account.login } as DemoSummary['logins'],
    };
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase(undefined, 'bench_grid');
  try {
    const database = openDatabase(scratch.url);
    await migrateToLatest(database);
    const demo = await seedDemoSchool(database.db);
    await database.close();
    const rows = await measureGridInBrowser(scratch.url, { demo, quick: process.argv.includes('--quick') });
    for (const r of rows) {
      process.stdout.write(
        `${r.name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.p99.toFixed(1)} ms (n = ${r.requests})\n`,
      );
    }
  } finally {
    await scratch.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `grid bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
