import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAs } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

describe.skipIf(skipE2e)('notification settings, calendar addresses and the school’s mail', () => {
  let h: Harness;
  let childName = '';

  beforeAll(async () => {
    // The harness sets no TELEGRAM_BOT_TOKEN: the installation has no bot.
    h = await startHarness({ demo: true });
    const child = await h.database.db
      .selectFrom('persons')
      .select(['lastName', 'firstName'])
      .where('id', '=', h.demo!.people.student)
      .executeTakeFirstOrThrow();
    childName = `${child.lastName} ${child.firstName}`;
  });
  afterAll(() => h?.stop());

  it('the parent sees a bad address refused next to the field, saves preferences and an address, and they stay after a reload', async () => {
    const page = await openAs(h, 'parent', '/parent/notifications');
    await page.getByRole('heading', { level: 1, name: 'Уведомления' }).waitFor();
    const email = page.getByLabel('Адрес электронной почты');
    await email.fill('мама-без-собаки');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    const error = page.locator('#email-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Введите адрес в виде имя@домен.ru.');
    expect(await email.getAttribute('aria-describedby')).toContain('email-error');
    expect(await email.getAttribute('aria-invalid')).toBe('true');

    await email.fill('mama@example.org');
    await page.getByLabel('По электронной почте').check();
    const absences = page.getByLabel('Сразу сообщать о пропусках');
    const wasAbsences = await absences.isChecked();
    await absences.setChecked(!wasAbsences);
    await page.getByLabel('Сразу сообщать об оценках не выше').selectOption('3');
    const digest = page.getByLabel('Ежедневная сводка оценок и домашних заданий');
    const wasDigest = await digest.isChecked();
    await digest.setChecked(!wasDigest);
    await page.getByText('Есть несохранённые изменения.').waitFor();
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText('Сохранено.', { exact: true }).waitFor();
    expect(await page.locator('#email-error').count()).toBe(0);
    await expectNoAxeViolations(page, '/parent/notifications');

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Что и куда сообщать' }).waitFor();
    expect(await page.getByLabel('Адрес электронной почты').inputValue()).toBe('mama@example.org');
    expect(await page.getByLabel('По электронной почте').isChecked()).toBe(true);
    expect(await page.getByLabel('Сразу сообщать о пропусках').isChecked()).toBe(!wasAbsences);
    expect(await page.getByLabel('Сразу сообщать об оценках не выше').inputValue()).toBe('3');
    expect(await page.getByLabel('Ежедневная сводка оценок и домашних заданий').isChecked()).toBe(!wasDigest);
  });

  it('without a bot the page says Telegram is not available and offers no code', async () => {
    const page = await openAs(h, 'parent', '/parent/notifications');
    await page.getByText(/^Telegram недоступен/).waitFor();
    expect(await page.getByRole('button', { name: 'Получить код' }).count()).toBe(0);
    const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
    const code = await page.request.post('/api/notifications/telegram/code', {
      headers: { 'X-CSRF-Token': me.csrfToken },
      data: {},
    });
    expect(code.status()).toBeGreaterThanOrEqual(400);
    expect(code.status()).toBeLessThan(500);
  });

  it('the parent creates a calendar address that answers text/calendar, then revokes it and it answers 404', async () => {
    const page = await openAs(h, 'parent', '/parent/notifications');
    const feed = page.getByRole('region', { name: new RegExp(childName) });
    await feed.getByRole('button', { name: 'Создать адрес' }).click();
    const address = feed.getByLabel('Адрес календаря');
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(/\/[A-Za-z0-9_-]{16,}/);
    const answer = await page.request.get(url);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await answer.text()).toMatch(/^BEGIN:VCALENDAR/);
    await feed.getByRole('button', { name: 'Скопировать' }).waitFor();

    await feed.getByRole('button', { name: 'Отозвать' }).click();
    await feed.getByRole('button', { name: 'Создать адрес' }).waitFor();
    expect(await feed.getByLabel('Адрес календаря').count()).toBe(0);
    expect((await page.request.get(url)).status()).toBe(404);
  });

  it('the administrator saves SMTP settings; the password is never shown back', async () => {
    const page = await openAs(h, 'admin', '/admin/mail');
    await page.getByRole('heading', { level: 1, name: 'Почта' }).waitFor();
    await page.getByLabel('Сервер', { exact: true }).fill('smtp.example.org');
    await page.getByLabel('Порт', { exact: true }).fill('465');
    await page.getByLabel('SSL/TLS').check();
    await page.getByLabel('Логин', { exact: true }).fill('school2');
    await page.getByLabel('Пароль', { exact: true }).fill('smtp-secret-1');
    await page.getByLabel('Адрес отправителя').fill('school2@example.org');
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await page.getByText('Настройки почты сохранены.').waitFor();
    await expectNoAxeViolations(page, '/admin/mail');

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Сервер отправки (SMTP)' }).waitFor();
    expect(await page.getByLabel('Сервер', { exact: true }).inputValue()).toBe('smtp.example.org');
    expect(await page.getByLabel('Порт', { exact: true }).inputValue()).toBe('465');
    expect(await page.getByLabel('SSL/TLS').isChecked()).toBe(true);
    expect(await page.getByLabel('Пароль', { exact: true }).inputValue()).toBe('');
    await page.getByText('Пароль сохранён — оставьте пустым, чтобы не менять.').waitFor();
    expect(await page.content()).not.toContain('smtp-secret-1');
    const api = await (await page.request.get('/api/admin/mail')).text();
    expect(api).not.toContain('smtp-secret-1');
    for (const label of ['В очереди', 'Отправлено за сутки', 'Не удалось'])
      await page.getByText(label, { exact: true }).waitFor();

    await page.getByLabel('Кому отправить').fill('не адрес');
    await page.getByRole('button', { name: 'Отправить пробное письмо' }).click();
    await page.locator('#to-error').waitFor();
    await page.getByLabel('Кому отправить').fill('director@example.org');
    await page.getByRole('button', { name: 'Отправить пробное письмо' }).click();
    await page.getByText('Письмо поставлено в очередь. Проверьте ящик через минуту.').waitFor();
    const queued = await h.database.db
      .selectFrom('outbox')
      .select('id')
      .where('schoolId', '=', h.demo!.schoolId)
      .where('address', '=', 'director@example.org')
      .execute();
    expect(queued).toHaveLength(1);
  });
});
