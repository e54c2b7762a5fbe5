import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupRunDetail, BackupStatusView } from '../../src/contract/backups.ts';
import { newBackupKey } from '../../src/server/backup/container.ts';
import { openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

/** The body and status of a GET sent from the page, with its cookies. */
function getFrom<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (p) => {
    const response = await fetch(p, { headers: { Accept: 'application/json' } });
    return { status: response.status, body: await response.json() };
  }, path);
}

/** Today in local time as people read it, ДД.ММ.ГГГГ, escaped for a regular expression. */
function todayPattern(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}\\.${two(d.getMonth() + 1)}\\.${d.getFullYear()}`;
}

/** The card of one destination directory on the backups page. */
function card(page: Page, dir: string) {
  return page.locator('.backups-destination').filter({ has: page.getByRole('heading', { name: dir }) });
}

/**
 * The backups of issue #8 in Chromium, on the demo school with two backup directories: the
 * administrator finds the page in the navigation, makes a backup on demand and sees both directories
 * turn good (and the files on disk); a teacher is refused; the page speaks English; the public health
 * check names the directories by their last segment. The journeys run in order: the later ones read
 * the backup made by the first.
 */
describe.skipIf(skipE2e)('the backups page', () => {
  let h: Harness;
  let parent: string;
  let dirs: [string, string];
  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'otmetka-e2e-backups-'));
    dirs = [join(parent, 'disk-one'), join(parent, 'usb-two')];
    for (const dir of dirs) mkdirSync(dir);
    h = await startHarness({
      demo: true,
      env: {
        BACKUP_DIRS: dirs.join(','),
        BACKUP_KEY: newBackupKey(),
        BACKUP_SCHEDULER: 'false',
        BACKUP_AT: '02:30',
        BACKUP_KEEP: '5,3,1',
      },
    });
  });
  afterAll(async () => {
    await h?.stop();
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  it('the administrator makes a backup now: both directories get a verified copy of today', async () => {
    const page = await openAs(h, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Резервные копии', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Резервные копии' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/backups');
    await page.getByText('Копия создаётся каждую ночь в 02:30.', { exact: true }).waitFor();
    await page
      .getByText('Хранение в каждом каталоге: 5 ежедневных, 3 еженедельных, 1 ежемесячная.', { exact: true })
      .waitFor();
    expect(await page.locator('.alert-warning').count()).toBe(0);
    for (const dir of dirs) {
      const before = card(page, dir);
      await before.getByText('Проверенных копий здесь нет.').waitFor();
      expect(await before.getAttribute('class')).toContain('backups-bad');
      expect(await before.getByText('В порядке').count()).toBe(0);
    }
    await page.getByText('Копий ещё не было.').waitFor();
    await expectNoAxeViolations(page, 'the backups page before any backup');

    const make = page.getByRole('button', { name: 'Создать копию сейчас' });
    await make.click();
    await page.getByRole('status').getByText('Копия создаётся и проверяется…').waitFor();
    expect(await make.isDisabled()).toBe(true);
    const done = page.getByText(/^Копия создана и проверена: otmetka-\d{8}-\d{6}\.otb$/);
    await done.waitFor({ timeout: 45_000 });
    const today = todayPattern();
    const file = ((await done.textContent()) ?? '').replace('Копия создана и проверена: ', '');
    expect(await make.isEnabled()).toBe(true);

    for (const dir of dirs) {
      const after = card(page, dir);
      await after.getByText('В порядке', { exact: true }).waitFor();
      await after
        .getByText(
          new RegExp(`^Последняя проверенная копия: ${today} \\d{2}:\\d{2} \\(меньше часа назад\\)$`),
        )
        .waitFor();
      await after.getByText(`Файл: ${file}`, { exact: true }).waitFor();
      expect(await after.getAttribute('class')).not.toContain('backups-bad');
    }
    const row = page.locator('.backups-runs tbody tr');
    expect(await row.count()).toBe(1);
    await row.getByRole('cell', { name: 'вручную', exact: true }).waitFor();
    await row.getByRole('cell', { name: 'готова', exact: true }).waitFor();
    await row.getByRole('cell', { name: new RegExp(`^${today} `) }).waitFor();

    const status = await getFrom<BackupStatusView>(page, '/api/backups');
    const run = await getFrom<BackupRunDetail>(page, `/api/backups/runs/${status.body.runs[0]!.id}`);
    expect(run.body.status).toBe('ok');
    expect(run.body.fileName).toBe(file);
    expect(run.body.copies.map((c) => [c.destination, c.status]).sort()).toEqual(
      dirs.map((d) => [d, 'ok']).sort(),
    );
    for (const copy of run.body.copies) expect(copy.verifiedAt).not.toBeNull();

    for (const dir of dirs) {
      expect(readdirSync(dir).sort()).toEqual([file, `${file}.manifest.json`]);
      const bytes = readFileSync(join(dir, file));
      const manifest = JSON.parse(readFileSync(join(dir, `${file}.manifest.json`), 'utf8'));
      expect(manifest).toMatchObject({ file, engine: 'sqlite', bytes: bytes.length });
      expect(manifest.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(manifest.sha256).toBe(run.body.sha256);
      expect(bytes.includes(Buffer.from(h.demo!.logins.admin))).toBe(false);
    }
    await expectNoAxeViolations(page, 'the backups page after a backup');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it('a teacher has no link to backups and is refused on the page', async () => {
    const page = await openAs(h, 'teacher');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link').first().waitFor();
    expect(await nav.getByRole('link', { name: 'Резервные копии' }).count()).toBe(0);
    expect((await getFrom(page, '/api/backups')).status).toBe(403);

    await page.goto('/admin/backups');
    await page.getByRole('heading', { level: 1, name: 'Резервные копии' }).waitFor();
    await page.getByRole('alert').getByText('Недостаточно прав для этого действия.').waitFor();
    const main = (await page.locator('#main').textContent()) ?? '';
    for (const dir of dirs) expect(main).not.toContain(basename(dir));
    expect(await page.getByRole('button', { name: 'Создать копию сейчас' }).count()).toBe(0);
    await page.context().close();
  });

  it('in English the page’s title, headings and button are English', async () => {
    const page = await openAs(h, 'admin', '/admin/backups');
    await page.getByRole('heading', { level: 1, name: 'Резервные копии' }).waitFor();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();
    expect(await page.title()).toContain('Backups');
    for (const name of ['Schedule and retention', 'Directories', 'Runs'])
      await page.getByRole('heading', { level: 2, name }).waitFor();
    await page.getByRole('button', { name: 'Back up now' }).waitFor();
    await page.getByText('Kept in each directory: 5 daily, 3 weekly, 1 monthly.').waitFor();
    await page.locator('.backups-runs').getByRole('cell', { name: 'by hand', exact: true }).waitFor();
    const main = (await page.locator('#main').textContent()) ?? '';
    expect(main).not.toMatch(/[А-Яа-яЁё]/);
    await page.context().close();
  });

  it('/api/health names both directories by their last segment, with the backup just made', async () => {
    const response = await fetch(`${h.url}/api/health`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(parent);
    const health = JSON.parse(text) as {
      backupsConfigured: boolean;
      backups: { destination: string; lastGoodAt: string | null; stale: boolean }[];
    };
    expect(health.backupsConfigured).toBe(true);
    expect(health.backups.map((b) => b.destination).sort()).toEqual(['disk-one', 'usb-two']);
    for (const b of health.backups) {
      expect(b.stale).toBe(false);
      const age = Date.now() - Date.parse(b.lastGoodAt ?? '');
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThan(10 * 60_000);
    }
  });
});
