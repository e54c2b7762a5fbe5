import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSummary } from '../../src/server/seed/seed-demo-school.ts';
import {
  demoPassword,
  type Harness,
  logIn,
  meStatus,
  skipE2e,
  startHarness,
  waitForLoginPage,
} from './harness.ts';

describe.skipIf(skipE2e)('idle session expiry in the browser', () => {
  let h: Harness;
  let demo: DemoSummary;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    demo = h.demo!;
  });
  afterAll(() => h?.stop());

  it('after 31 idle minutes a reload shows the login page saying why', async () => {
    const page = await h.newPage();
    await logIn(page, demo.logins.teacher, demoPassword);
    await page.getByTestId('role-teacher').waitFor();

    const account = await h.database.db
      .selectFrom('accounts')
      .select('id')
      .where('login', '=', demo.logins.teacher)
      .executeTakeFirstOrThrow();
    const idleSince = new Date(Date.now() - 31 * 60_000).toISOString();
    const updated = await h.database.db
      .updateTable('sessions')
      .set({ lastSeenAt: idleSince })
      .where('accountId', '=', account.id)
      .where('endedAt', 'is', null)
      .executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);

    // The app asks `/api/setup` and `/api/me` at once; whichever ends the idle session, both
    // requests carry the same cookie and `/api/me` must still learn why.
    const meAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me');
    await page.reload();
    const me = await meAnswer;
    expect(me.status()).toBe(401);
    expect(((await me.json()) as { error: string }).error).toBe('session_expired');

    await waitForLoginPage(page);
    expect(await page.getByRole('button', { name: 'Выйти' }).count()).toBe(0);
    await page
      .getByRole('status')
      .filter({ hasText: 'Сеанс завершён из-за бездействия. Войдите снова.' })
      .waitFor();
    expect(await meStatus(page)).toBe(401);

    // Signing in again works and clears the notice.
    await logIn(page, demo.logins.teacher, demoPassword);
    await page.getByTestId('role-teacher').waitFor();
    expect(await page.getByText('Сеанс завершён').count()).toBe(0);
  });
});
