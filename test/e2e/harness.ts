import { execFileSync, execSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { expect, inject } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { serve } from '../../src/server/main.ts';
import { type DemoSummary, demoPassword, seedDemoSchool } from '../../src/server/seed/seed-demo-school.ts';

const root = resolve(import.meta.dirname, '../..');
// E2E_WEB_DIR lets parallel work build the web app into its own directory.
const webDir = process.env.E2E_WEB_DIR ?? join(root, 'dist/web');

/** Chromium's full path: `$CHROMIUM_PATH` or `chromium` looked up on the PATH; null when absent. */
function findChromium(): string | null {
  const wanted = process.env.CHROMIUM_PATH ?? 'chromium';
  try {
    const found = execFileSync('sh', ['-c', 'command -v "$1"', 'sh', wanted], { encoding: 'utf8' }).trim();
    return found || null;
  } catch {
    return null;
  }
}

/** Where Chromium is, or null. */
export const chromiumPath = findChromium();
const missingChromium =
  'Chromium was not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH to its binary.';
/**
 * Skip the browser tests when there is no Chromium, except on CI (`CI=true`), where a missing
 * browser must fail the run rather than pass it silently.
 */
export const skipE2e = chromiumPath === null && process.env.CI !== 'true';
if (skipE2e) console.warn(`Skipping the end-to-end tests. ${missingChromium}`);

/** Builds the web app once when `dist/web` has not been built yet (`npm test` builds it first). */
function ensureWebBuilt(): void {
  if (existsSync(join(webDir, 'index.html'))) return;
  execSync(`npx vite build --logLevel warn --outDir ${JSON.stringify(webDir)} --emptyOutDir`, {
    cwd: root,
    stdio: 'inherit',
  });
}

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Puts the demo school into the SQLite file `file`: a copy of the one seeded for this run and day
 * (in the directory the e2e project's global setup gives), seeded there by whichever test file needs
 * it first. Seeding ≈550 students and a year of journal takes far longer than copying the file.
 */
async function copyDemoSchool(file: string): Promise<DemoSummary> {
  const dir: string | undefined = inject('demoTemplateDir');
  if (!dir) return seedDemoInto(file);
  // The demo's journal runs up to the day it is seeded: a run that passes midnight seeds anew.
  const day = new Date().toISOString().slice(0, 10);
  const template = join(dir, `demo-${day}.db`);
  const summary = join(dir, `demo-${day}.json`);
  if (!existsSync(template)) {
    const seeding = join(dir, `seeding-${process.pid}.db`);
    writeFileSync(summary, JSON.stringify(await seedDemoInto(seeding)));
    renameSync(seeding, template);
  }
  copyFileSync(template, file);
  return JSON.parse(readFileSync(summary, 'utf8')) as DemoSummary;
}

/** Seeds the demo school into a new SQLite file and closes it (the log checkpointed into the file). */
async function seedDemoInto(file: string): Promise<DemoSummary> {
  const database = openDatabase(file);
  try {
    await migrateToLatest(database);
    return await seedDemoSchool(database.db);
  } finally {
    await database.close();
  }
}

/** A running server on a fresh SQLite file, and a browser to drive it. */
export interface Harness {
  url: string;
  database: Database;
  browser: Browser;
  /** The demo school's ids and logins, when started with `demo: true`. */
  demo: DemoSummary | null;
  /** A fresh browser context (own cookies and storage) on the server; closed by `stop()`. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a fresh context, already at `path` (default `/`). */
  newPage(path?: string, options?: BrowserContextOptions): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * Starts the server in-process (empty database, or the demo school) and Chromium; `env` adds or
 * overrides settings of the server (e.g. notification timing).
 */
export async function startHarness(
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<Harness> {
  if (!chromiumPath) throw new Error(missingChromium);
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'otmetka-e2e-'));
  const databaseUrl = join(dir, 'e2e.db');
  const demo = options.demo ? await copyDemoSchool(databaseUrl) : null;
  const database = openDatabase(databaseUrl);
  const config = readConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    WEB_DIR: webDir,
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...options.env,
  });
  const server = await serve(config, { database, signals: false });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
  } catch (error) {
    await server.stop();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  const newContext = async (contextOptions: BrowserContextOptions = {}) => {
    // Service workers are off unless a test asks: requests through one escape `page.route`.
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'ru-RU',
      serviceWorkers: 'block',
      ...contextOptions,
    });
    contexts.push(context);
    return context;
  };
  return {
    url: server.url,
    database,
    browser,
    demo,
    newContext,
    async newPage(path = '/', contextOptions = {}) {
      const page = await (await newContext(contextOptions)).newPage();
      await page.goto(path);
      return page;
    },
    async stop() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The demo accounts' password. */
export { demoPassword };

/** Waits for the login form (its «Войти» button). */
export async function waitForLoginPage(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Войти', exact: true }).waitFor();
}

/** Fills «Логин» and «Пароль» and presses «Войти» (does not wait for the outcome). */
export async function submitLogin(page: Page, login: string, password: string): Promise<void> {
  await waitForLoginPage(page);
  await page.getByLabel('Логин', { exact: true }).fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
}

/** Logs in through the form and waits until the home page (its «Выйти» button) is shown. */
export async function logIn(page: Page, login: string, password: string): Promise<void> {
  await submitLogin(page, login, password);
  await page.getByRole('button', { name: 'Выйти', exact: true }).waitFor();
}

/** The status of `GET /api/me` sent from the page (with its cookies). */
export function meStatus(page: Page): Promise<number> {
  return page.evaluate(
    async () => (await fetch('/api/me', { headers: { Accept: 'application/json' } })).status,
  );
}

/** A person's full name as the app writes it (Фамилия Имя Отчество). */
export async function fullNameOf(database: Database, personId: number): Promise<string> {
  const p = await database.db
    .selectFrom('persons')
    .select(['lastName', 'firstName', 'middleName'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page (its context must have `bypassCSP: true`) and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // A single-page app keeps its window between pages: load axe-core only once per page.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(): Promise<Result> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
}

/** Violations as readable lines for an assertion message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')}`).join('\n');
}

/** Asserts that axe-core finds no violations on the page, listing them (rule, nodes) when it does. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${where}:\n${describeViolations(violations)}`).toEqual([]);
}
