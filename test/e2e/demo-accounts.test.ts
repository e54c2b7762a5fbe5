import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoRole, DemoSummary } from '../../src/server/seed/seed-demo-school.ts';
import {
  demoPassword,
  fullNameOf,
  type Harness,
  logIn,
  meStatus,
  skipE2e,
  startHarness,
  submitLogin,
  waitForLoginPage,
} from './harness.ts';

/** The sections (data-testid `role-…`) each demo account's home must show, with their headings. */
const expectedSections: Record<DemoRole, Record<string, string>> = {
  admin: { admin: 'Администратор' },
  director: { director: 'Директор' },
  deputy: { deputy: 'Заместитель директора', teacher: 'Учитель' },
  teacher: { teacher: 'Учитель', classTeacher: 'Классный руководитель 5А' },
  parent: { parent: 'Родитель' },
  student: { student: 'Обучающийся' },
  district: { district: 'Управление образования' },
};

describe.skipIf(skipE2e)('demo accounts in the browser', () => {
  let h: Harness;
  let demo: DemoSummary;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    demo = h.demo!;
  });
  afterAll(() => h?.stop());

  /** The children of a guardian as the app names them (Фамилия Имя). */
  const childrenOf = async (guardianId: number) => {
    const rows = await h.database.db
      .selectFrom('guardianships as g')
      .innerJoin('persons as p', 'p.id', 'g.studentId')
      .select(['p.lastName', 'p.firstName'])
      .where('g.guardianId', '=', guardianId)
      .where('g.archivedAt', 'is', null)
      .execute();
    return rows.map((r) => `${r.lastName} ${r.firstName}`);
  };

  it.each(Object.keys(expectedSections) as DemoRole[])(
    '%s logs in, sees its home and logs out',
    async (role) => {
      const page = await h.newPage();
      const name = await fullNameOf(h.database, demo.people[role]);
      await logIn(page, demo.logins[role], demoPassword);

      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      expect(await page.locator('h1').allTextContents()).toEqual([name]);

      const sections = page.locator('section[data-testid^="role-"]');
      const expected = expectedSections[role];
      expect(
        (await sections.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).sort(),
      ).toEqual(
        Object.keys(expected)
          .map((id) => `role-${id}`)
          .sort(),
      );
      for (const [id, heading] of Object.entries(expected)) {
        const section = page.getByTestId(`role-${id}`);
        expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe(heading);
      }
      if (role === 'teacher') {
        expect(await page.getByTestId('role-classTeacher').textContent()).toContain('5А');
      }
      if (role === 'parent') {
        const children = await childrenOf(demo.people.parent);
        expect(children).toHaveLength(2);
        const text = await page.getByTestId('role-parent').textContent();
        for (const child of children) expect(text).toContain(child);
        expect(text).toContain('5А');
      }

      await page.getByRole('button', { name: 'Выйти', exact: true }).click();
      await waitForLoginPage(page);
      await page.getByRole('status').filter({ hasText: 'Вы вышли из Отметки.' }).waitFor();
      expect(await meStatus(page)).toBe(401);
      // A reload does not bring the session back.
      await page.reload();
      await waitForLoginPage(page);
    },
  );

  it('runs under its real Content-Security-Policy: no violation, and an injected script does not run', async () => {
    for (const role of ['teacher', 'parent'] as const) {
      const page = await h.newPage('about:blank');
      const console: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) console.push(m.text());
      });
      await page.addInitScript(() => {
        const w = window as unknown as { cspViolations: string[] };
        w.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          w.cspViolations.push(
            `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
          );
        });
      });
      await page.goto('/');
      await logIn(page, demo.logins[role], demoPassword);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const violations = () =>
        page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      expect(await violations(), role).toEqual([]);
      expect(console, role).toEqual([]);
      // The same listener does see a violation: a script slipped into the page is refused.
      const ran = await page.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.injectedRan = true';
        document.body.append(s);
        await new Promise((r) => setTimeout(r, 100));
        return (window as unknown as { injectedRan?: boolean }).injectedRan ?? false;
      });
      expect(ran).toBe(false);
      expect((await violations()).join()).toMatch(/script-src/);
      await page.context().close();
    }
  });

  it('a wrong password is refused next to the form', async () => {
    const page = await h.newPage();
    await submitLogin(page, demo.logins.teacher, 'not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: 'Неверный логин или пароль.' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Неверный логин или пароль.');
    expect(await page.locator('form').count()).toBe(1);
    expect(await meStatus(page)).toBe(401);
  });
});
