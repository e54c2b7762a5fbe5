import { execFileSync } from 'node:child_process';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { DemoRole } from '../../src/server/seed/seed-demo-school.ts';
import { demoPassword, type Harness, logIn } from './harness.ts';

/** Today as the browser's date input takes it (YYYY-MM-DD, local time). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The id of the demo school's class 5А. */
export async function fiveAId(h: Harness): Promise<number> {
  const cls = await h.database.db
    .selectFrom('classes')
    .select('id')
    .where('schoolId', '=', h.demo!.schoolId)
    .where('grade', '=', 5)
    .where('letter', '=', 'А')
    .executeTakeFirstOrThrow();
  return cls.id;
}

/** A page in a fresh context (CSP bypassed for the axe check), signed in as a demo role, then at `path` if given. */
export async function openAs(
  h: Harness,
  role: DemoRole,
  path?: string,
  options: BrowserContextOptions = { bypassCSP: true },
): Promise<Page> {
  const page = await h.newPage('/', options);
  await logIn(page, h.demo!.logins[role], demoPassword);
  if (path) await page.goto(path);
  return page;
}

/** The text of a PDF, or of one region of its first page (in points), as pdftotext reads it. */
export function pdfText(file: string, region?: { x: number; y: number; w: number; h: number }): string {
  const crop = region
    ? [
        '-f',
        '1',
        '-l',
        '1',
        '-x',
        `${region.x}`,
        '-y',
        `${region.y}`,
        '-W',
        `${region.w}`,
        '-H',
        `${region.h}`,
      ]
    : [];
  return execFileSync('pdftotext', ['-layout', ...crop, file, '-'], { encoding: 'utf8' });
}

/** On a class's subgroups page: moves the first student of the first subgroup to the second one. */
export async function moveFirstStudentToSecondSubgroup(page: Page) {
  const columns = page.locator('.subgroup-column');
  await columns.first().waitFor();
  const first = columns.nth(0);
  const second = columns.nth(1);
  const target = (await second.getByRole('heading', { level: 3 }).textContent()) ?? '';
  const student = (await first.locator('li span').first().textContent()) ?? '';
  expect(student).not.toBe('');
  await first.getByRole('button', { name: `Перевести ${student} в «${target}»` }).click();
  return { first, second, student, target };
}
