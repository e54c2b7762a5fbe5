import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/password.ts';
import { fiveAId, openAs } from './demo.ts';
import {
  demoPassword,
  expectNoAxeViolations,
  fullNameOf,
  type Harness,
  logIn,
  skipE2e,
  startHarness,
} from './harness.ts';

const subject = 'Вопрос о контрольной по математике';
const body = 'Здравствуйте!\nКогда будет контрольная?';
const reply = 'Добрый день! В четверг.';
const announcement = 'Родительское собрание в пятницу';

/** Whether the page is wider than its viewport (a horizontal scroll bar on a phone). */
function overflows(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Opens a conversation of the list by its subject. */
async function openThread(page: Page, name: string): Promise<void> {
  await page.locator('.msg-thread-link', { hasText: name }).first().click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

describe.skipIf(skipE2e)('messages between a parent and the class teacher', () => {
  let h: Harness;
  let studentId = 0;
  let teacherName = '';
  let otherLogin = '';
  let otherChild = 0;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    const demo = h.demo!;
    studentId = demo.people.student;
    teacherName = await fullNameOf(h.database, demo.people.teacher);
    // A parent of another class (none of whose children is in 5А) gets an account to sign in with.
    const fiveA = await fiveAId(h);
    const inFiveA = h.database.db
      .selectFrom('groupMemberships as m')
      .innerJoin('groups as g', 'g.id', 'm.groupId')
      .innerJoin('guardianships as gs', 'gs.studentId', 'm.studentId')
      .select('gs.guardianId')
      .where('g.classId', '=', fiveA);
    const other = await h.database.db
      .selectFrom('guardianships as gs')
      .innerJoin('groupMemberships as m', 'm.studentId', 'gs.studentId')
      .innerJoin('groups as g', 'g.id', 'm.groupId')
      .innerJoin('classes as c', 'c.id', 'g.classId')
      .select(['gs.guardianId', 'gs.studentId'])
      .where('g.kind', '=', 'class')
      .where('c.id', '!=', fiveA)
      .where('gs.archivedAt', 'is', null)
      .where('gs.guardianId', 'not in', inFiveA)
      .where('gs.guardianId', '!=', demo.people.parent)
      .orderBy('gs.guardianId')
      .executeTakeFirstOrThrow();
    otherChild = other.studentId;
    otherLogin = 'other.parent';
    const now = new Date().toISOString();
    await h.database.db
      .insertInto('accounts')
      .values({
        personId: other.guardianId,
        login: otherLogin,
        passwordHash: await hashPassword(demoPassword),
        passwordChangedAt: now,
        lastLoginAt: null,
        disabledAt: null,
      })
      .execute();
    const role = await h.database.db
      .selectFrom('roleAssignments')
      .select('id')
      .where('personId', '=', other.guardianId)
      .where('role', '=', 'parent')
      .executeTakeFirst();
    if (!role)
      await h.database.db
        .insertInto('roleAssignments')
        .values({
          personId: other.guardianId,
          schoolId: demo.schoolId,
          districtId: null,
          role: 'parent',
          revokedAt: null,
        })
        .execute();
  });
  afterAll(() => h?.stop());

  it('the parent writes to the class teacher with a file; the teacher reads and replies; the parent sees the reply and «Прочитано»', async () => {
    const parent = await openAs(h, 'parent', `/children/${studentId}/messages`);
    await parent.getByRole('heading', { level: 1, name: /^Сообщения/ }).waitFor();
    await parent.getByRole('button', { name: 'Новое сообщение' }).click();
    await parent
      .getByRole('checkbox', { name: new RegExp(`${teacherName}.*Классный руководитель`) })
      .first()
      .check();
    await parent.getByLabel('Тема', { exact: true }).fill(subject);
    await parent.getByLabel('Текст', { exact: true }).fill(body);
    await parent.getByLabel('Приложить файл').setInputFiles({
      name: 'справка.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Справка о болезни'),
    });
    await parent.getByRole('button', { name: 'Убрать файл справка.txt' }).waitFor();
    await parent.getByRole('button', { name: 'Отправить', exact: true }).click();
    await parent.getByRole('status').filter({ hasText: 'Сообщение отправлено.' }).waitFor();
    if (!(await parent.getByRole('heading', { level: 2, name: subject }).isVisible()))
      await openThread(parent, subject);
    const mine = parent.locator('.msg-mine').first();
    await mine.getByText('Не прочитано', { exact: true }).waitFor();
    await expectNoAxeViolations(parent, 'the parent’s conversation');

    const teacher = await openAs(h, 'teacher', '/teacher/messages');
    const item = teacher.locator('.msg-thread-link', { hasText: subject });
    await item.getByText('непрочитанных: 1').waitFor();
    // The navigation shows the unread count beside «Сообщения», in words for screen readers.
    const unread = async () =>
      ((await (await teacher.request.get('/api/messages/unread')).json()) as { unread: number }).unread;
    const before = await unread();
    expect(before).toBeGreaterThan(0);
    const navLink = teacher.locator('#main-nav a[href="/teacher/messages"]');
    await teacher.getByRole('link', { name: `Сообщения (непрочитанных: ${before})`, exact: true }).waitFor();
    expect(await navLink.locator('.nav-count').textContent()).toBe(String(before));
    // Two clicks from the list to a reply: open the conversation, then type and send.
    await item.click();
    await teacher.getByRole('heading', { level: 2, name: subject }).waitFor();
    // Opening the conversation lowers the count at once (no reload), and the badge goes at 0.
    const after = before - 1;
    await expect
      .poll(() => navLink.textContent())
      .toBe(after > 0 ? `Сообщения${after} (непрочитанных: ${after})` : 'Сообщения');
    // Plain text with its line break kept on screen (never HTML).
    const first = teacher.locator('.msg-message .msg-body').first();
    expect(await first.textContent()).toBe(body);
    expect(await first.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    const link = teacher.getByRole('link', { name: 'справка.txt' });
    expect(await link.getAttribute('href')).toMatch(/^\/api\/messages\/files\/\d+$/);
    const file = await teacher.request.get((await link.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(await file.text()).toBe('Справка о болезни');
    await expectNoAxeViolations(teacher, '/teacher/messages with a conversation open');
    await teacher.getByLabel('Ваш ответ').fill(reply);
    await teacher.getByLabel('Ваш ответ').press('Control+Enter');
    await teacher.locator('.msg-mine .msg-body', { hasText: reply }).waitFor();
    await expect.poll(() => teacher.getByLabel('Ваш ответ').inputValue()).toBe('');
    await teacher.reload();
    await teacher.locator('.msg-thread-link', { hasText: subject }).waitFor();
    expect(
      await teacher
        .locator('.msg-thread-link', { hasText: subject })
        .getByText(/непрочитанных/)
        .count(),
    ).toBe(0);

    await parent.reload();
    await parent.getByRole('heading', { level: 2, name: subject }).waitFor();
    await parent.locator('.msg-body', { hasText: reply }).waitFor();
    await parent.locator('.msg-mine').first().getByText('Прочитано', { exact: true }).waitFor();
  });

  it('a student only reads: no «Новое сообщение» (students start no conversations)', async () => {
    const student = await openAs(h, 'student', '/student/messages');
    await student.getByRole('heading', { level: 1, name: 'Сообщения' }).waitFor();
    await student.locator('.msg-list').locator('.msg-muted, a').first().waitFor();
    expect(await student.getByRole('button', { name: 'Новое сообщение' }).count()).toBe(0);
  });

  it('a parent of another class sees neither the conversation nor its address', async () => {
    const page = await h.newPage('/', { bypassCSP: true });
    await logIn(page, otherLogin, demoPassword);
    await page.goto(`/children/${otherChild}/messages`);
    await page.getByRole('heading', { level: 1, name: /^Сообщения/ }).waitFor();
    await page.locator('.msg-list .loading').waitFor({ state: 'detached' });
    expect(await page.getByText(subject).count()).toBe(0);
    const thread = await h.database.db
      .selectFrom('threads')
      .select('id')
      .where('subject', '=', subject)
      .executeTakeFirstOrThrow();
    expect((await page.request.get(`/api/messages/threads/${thread.id}`)).status()).toBe(404);
    await page.goto(`/children/${otherChild}/messages?thread=${thread.id}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByText(body.split('\n')[1]!).count()).toBe(0);
  });

  it('the class teacher announces to the class, and the parent sees it with «Прочитали N из M» for the author', async () => {
    const teacher = await openAs(h, 'teacher', '/teacher/messages');
    await teacher.getByRole('button', { name: 'Объявление', exact: true }).click();
    expect(await teacher.getByLabel('Кому').locator('option:checked').textContent()).toBe('Класс 5А');
    await teacher.getByLabel('Тема', { exact: true }).fill(announcement);
    await teacher.getByLabel('Текст', { exact: true }).fill('Приходите к 18:00.');
    await teacher.getByRole('button', { name: 'Опубликовать' }).click();
    await teacher.getByRole('status').filter({ hasText: 'Сообщение отправлено.' }).waitFor();
    if (!(await teacher.getByRole('heading', { level: 2, name: announcement }).isVisible()))
      await openThread(teacher, announcement);
    await teacher
      .locator('.msg-mine')
      .getByText(/^Прочитали 0 из \d+$/)
      .waitFor();

    const parent = await openAs(h, 'parent', `/children/${studentId}/messages`);
    await openThread(parent, announcement);
    await parent.locator('.msg-body', { hasText: 'Приходите к 18:00.' }).waitFor();
    expect(await parent.getByLabel('Ваш ответ').count()).toBe(0);
  });

  it('on a 360 px phone the list and the conversation are one column without horizontal scrolling', async () => {
    const page = await openAs(h, 'parent', `/children/${studentId}/messages`, {
      bypassCSP: true,
      viewport: { width: 360, height: 740 },
    });
    await page.locator('.msg-thread-link', { hasText: subject }).waitFor();
    expect(await overflows(page)).toBe(false);
    await openThread(page, subject);
    expect(await page.locator('.msg-list').isVisible()).toBe(false);
    expect(await overflows(page)).toBe(false);
    await expectNoAxeViolations(page, 'the conversation on a phone');
    await page.getByRole('link', { name: '← К списку разговоров' }).click();
    await page.locator('.msg-thread-link', { hasText: subject }).waitFor();
    expect(await page.locator('.msg-thread-view').count()).toBe(0);
  });
});
