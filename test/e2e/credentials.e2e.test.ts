import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiveAId, openAs, pdfText } from './demo.ts';
import {
  demoPassword,
  expectNoAxeViolations,
  fullNameOf,
  type Harness,
  logIn,
  skipE2e,
  startHarness,
  submitLogin,
} from './harness.ts';

describe.skipIf(skipE2e)('credential slips in the browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('the class teacher of 5А issues the parents’ slips; a parent signs in and must change the password', async () => {
    const demo = h.demo!;
    const db = h.database.db;
    const classId = await fiveAId(h);

    const context = await h.newContext({ bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto('/');
    await logIn(page, demo.logins.teacher, demoPassword);
    await page.goto(`/class/${classId}/credentials`);
    await page.getByRole('heading', { level: 1, name: 'Доступы: 5А' }).waitFor();
    await expectNoAxeViolations(page, 'the class credentials page');

    await page.getByRole('button', { name: 'Выбрать всех — Родители' }).click();
    // The demo parent already has an account: the page warns that reissuing cancels it.
    await page.getByText(/Выдача заново отменит их прежние пароли/).waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Выдать заново' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Доступы 5А \d\d\.\d\d\.\d{4}\.pdf$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByText(/^Выдано: \d+\./).waitFor();

    const text = pdfText(file);
    const someParent = await db
      .selectFrom('guardianships')
      .innerJoin('accounts', 'accounts.personId', 'guardianships.guardianId')
      .innerJoin('groupMemberships', 'groupMemberships.studentId', 'guardianships.studentId')
      .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
      .select(['accounts.login', 'accounts.personId', 'accounts.passwordChangedAt'])
      .where('groups.classId', '=', classId)
      .where('guardianships.guardianId', '!=', demo.people.parent)
      .executeTakeFirstOrThrow();
    expect(someParent.passwordChangedAt).toBeNull();
    expect(text).toContain(await fullNameOf(h.database, someParent.personId));
    expect(text).toContain(someParent.login);
    expect(text).toContain(h.url.replace(/\/$/, ''));

    // The first slip (top left) names a parent with a login and a one-time password.
    const first = pdfText(file, { x: 28, y: 28, w: 269, h: 196 });
    const login = /Логин:\s*(\S+)/.exec(first)?.[1] ?? '';
    const password = /Временный пароль:\s*(\S+)/.exec(first)?.[1] ?? '';
    const owner = await db
      .selectFrom('accounts')
      .select('personId')
      .where('login', '=', login)
      .executeTakeFirstOrThrow();
    expect(first).toContain(await fullNameOf(h.database, owner.personId));

    const parentPage = await h.newPage();
    await submitLogin(parentPage, login, password);
    await parentPage.getByRole('heading', { level: 1, name: 'Смена пароля' }).waitFor();
    await parentPage.getByLabel('Текущий пароль').fill(password);
    await parentPage.getByLabel('Новый пароль', { exact: true }).fill('свой пароль 2026');
    await parentPage.getByLabel('Новый пароль ещё раз').fill('свой пароль 2026');
    await parentPage.getByRole('button', { name: 'Сменить пароль' }).click();
    await parentPage.getByRole('button', { name: 'Выйти', exact: true }).waitFor();
    await parentPage
      .getByRole('heading', { level: 1, name: await fullNameOf(h.database, owner.personId) })
      .waitFor();
  });

  it('the administrator sees the staff with their account states and may switch one off', async () => {
    const demo = h.demo!;
    const page = await openAs(h, 'admin', '/admin/credentials');
    await page.getByRole('heading', { level: 1, name: 'Доступы сотрудников' }).waitFor();
    await expectNoAxeViolations(page, 'the staff credentials page');
    const director = await fullNameOf(h.database, demo.people.director);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: director }) });
    await row.getByRole('button', { name: `Отключить учётную запись: ${director}` }).click();
    await row.getByText('отключена').waitFor();
    const directorPage = await h.newPage();
    await submitLogin(directorPage, demo.logins.director, demoPassword);
    await directorPage.getByText('Учётная запись отключена').waitFor();
  });
});
