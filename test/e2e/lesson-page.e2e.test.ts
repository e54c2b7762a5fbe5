import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiveAId, openAs, todayIso } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

/** Fills the edit reason when the lesson is past the free editing time. */
async function reasonIfAsked(page: Page) {
  const reason = page.getByLabel('Причина исправления');
  if (await reason.count()) await reason.fill('Дописал после урока');
}

describe.skipIf(skipE2e)('the lesson page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  /** The demo teacher's latest held lesson up to today in an own course with a КТП. */
  async function ownLesson() {
    const db = h.database.db;
    const lesson = await db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .select(['lessons.id', 'lessons.courseId'])
      .where('courses.teacherId', '=', h.demo!.people.teacher)
      .where('lessons.cancelledAt', 'is', null)
      .where('lessons.date', '<=', todayIso())
      .where((eb) =>
        eb.exists(
          eb.selectFrom('planItems').select('planItems.id').whereRef('planItems.courseId', '=', 'courses.id'),
        ),
      )
      .orderBy('lessons.date', 'desc')
      .orderBy('lessons.lessonNumber', 'desc')
      .executeTakeFirstOrThrow();
    const items = await db
      .selectFrom('planItems')
      .select(['id', 'topic'])
      .where('courseId', '=', lesson.courseId)
      .orderBy('position', 'desc')
      .execute();
    return { ...lesson, lastItem: items[0]! };
  }

  it('the teacher takes attendance, a topic from the КТП and homework with a file; a reload shows them', async () => {
    const lesson = await ownLesson();
    const page = await openAs(h, 'teacher', `/lessons/${lesson.id}`);
    await page.getByRole('heading', { level: 1, name: /^Урок: / }).waitFor();
    await page.locator('#main').getByRole('link', { name: 'Журнал', exact: true }).waitFor();

    // Attendance: one tap marks a student absent; saved, it stays after a reload; «Все присутствуют» clears it.
    const attendance = page.locator('section.lesson-attendance');
    const first = attendance.getByRole('radiogroup').first();
    await first.waitFor();
    const name = ((await first.locator('.lesson-attendance-name').textContent()) ?? '').trim();
    const attendanceReason = page.getByLabel('Причина исправления посещаемости');
    if (await attendanceReason.count()) await attendanceReason.fill('Отметка после урока');
    await first.getByLabel('н', { exact: true }).check();
    await attendance.getByRole('button', { name: 'Сохранить посещаемость' }).click();
    await attendance.getByText('Посещаемость сохранена.').waitFor();
    await attendance.getByText('Посещаемость отмечена.').waitFor();
    await page.reload();
    const again = page.getByRole('radiogroup', { name });
    await expect.poll(() => again.getByLabel('н', { exact: true }).isChecked()).toBe(true);
    if (await attendanceReason.count()) await attendanceReason.fill('Отметка после урока');
    await attendance.getByRole('button', { name: 'Все присутствуют' }).click();
    await attendance.getByText('Посещаемость сохранена.').waitFor();
    await expect.poll(() => again.getByLabel('был', { exact: true }).isChecked()).toBe(true);

    await page.getByLabel('Тема из КТП').selectOption(String(lesson.lastItem.id));
    expect(await page.getByLabel('Тема', { exact: true }).inputValue()).toBe(lesson.lastItem.topic);
    await page.getByLabel('Тип урока').fill('Комбинированный');
    await page
      .getByLabel('Домашнее задание')
      .fill('Прочитать **§ 12**\n- упр. 5\n- упр. 7\nhttps://example.org/task');
    await page.getByLabel('Срок сдачи').fill('2099-01-15');
    const preview = page.locator('.lesson-preview');
    await preview.locator('strong', { hasText: '§ 12' }).waitFor();
    expect(await preview.locator('li').allTextContents()).toEqual(['упр. 5', 'упр. 7']);
    expect(await preview.getByRole('link', { name: 'https://example.org/task' }).getAttribute('href')).toBe(
      'https://example.org/task',
    );
    await reasonIfAsked(page);
    await page.getByRole('button', { name: 'Сохранить урок' }).click();
    await page.getByText('Урок сохранён.').waitFor();

    // A file over the limit is refused before sending; a small one is attached.
    const attach = page.getByLabel('Прикрепить файл');
    await attach.setInputFiles({
      name: 'большой.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    await page.getByText('Файл больше 10 МБ').waitFor();
    await attach.setInputFiles({
      name: 'задание.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Упражнения 5 и 7'),
    });
    await page.getByRole('link', { name: 'задание.txt' }).waitFor();
    await expectNoAxeViolations(page, 'the lesson page');

    await page.reload();
    const topic = page.getByLabel('Тема', { exact: true });
    await topic.waitFor();
    expect(await topic.inputValue()).toBe(lesson.lastItem.topic);
    expect(await page.getByLabel('Тема из КТП').inputValue()).toBe(String(lesson.lastItem.id));
    expect(await page.getByLabel('Тип урока').inputValue()).toBe('Комбинированный');
    expect(await page.getByLabel('Срок сдачи').inputValue()).toBe('2099-01-15');
    await page.locator('.lesson-preview strong', { hasText: '§ 12' }).waitFor();
    const href = await page.getByRole('link', { name: 'задание.txt' }).getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe('Упражнения 5 и 7');

    // Removing the file takes it off the list.
    await page.getByRole('button', { name: 'Удалить файл задание.txt' }).click();
    await page.getByText('Файлов нет.').waitFor();
    await page.context().close();
  });

  it('a substitute writes the substituted lesson only', async () => {
    const db = h.database.db;
    const demo = h.demo!;
    const classId = await fiveAId(h);
    // A recent lesson of 5А given by someone else, at a time the demo teacher is free.
    const candidates = await db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .select(['lessons.id', 'lessons.courseId', 'lessons.date', 'lessons.lessonNumber'])
      .where('groups.classId', '=', classId)
      .where('courses.teacherId', '!=', demo.people.teacher)
      .where('lessons.cancelledAt', 'is', null)
      .where('lessons.date', '<=', todayIso())
      .orderBy('lessons.date', 'desc')
      .limit(40)
      .execute();
    let target: (typeof candidates)[number] | undefined;
    for (const c of candidates) {
      const busy = await db
        .selectFrom('lessons')
        .select('id')
        .where('date', '=', c.date)
        .where('lessonNumber', '=', c.lessonNumber)
        .where('teacherId', '=', demo.people.teacher)
        .executeTakeFirst();
      if (!busy) {
        target = c;
        break;
      }
    }
    expect(target).toBeDefined();
    const other = candidates.find((c) => c.courseId === target!.courseId && c.id !== target!.id)!;

    // The administrator records the substitution through the timetable API.
    const admin = await openAs(h, 'admin', '/');
    const me = await (await admin.request.get('/api/me')).json();
    const saved = await admin.request.post('/api/timetable/changes', {
      headers: { 'X-CSRF-Token': me.csrfToken },
      data: {
        kind: 'substitute',
        courseId: target!.courseId,
        date: target!.date,
        lessonNumber: target!.lessonNumber,
        substituteTeacherId: demo.people.teacher,
      },
    });
    expect(saved.status()).toBe(201);
    await admin.context().close();

    const page = await openAs(h, 'teacher', `/lessons/${target!.id}`);
    await page.getByText('Замена', { exact: true }).waitFor();
    await page.getByLabel('Тема', { exact: true }).fill('Повторение пройденного (замена)');
    await reasonIfAsked(page);
    await page.getByRole('button', { name: 'Сохранить урок' }).click();
    await page.getByText('Урок сохранён.').waitFor();
    await page.reload();
    await page.getByLabel('Тема', { exact: true }).waitFor();
    expect(await page.getByLabel('Тема', { exact: true }).inputValue()).toBe(
      'Повторение пройденного (замена)',
    );

    // Another lesson of the same course is only read.
    await page.goto(`/lessons/${other.id}`);
    await page.getByText(/^Страница урока только для чтения/).waitFor();
    expect(await page.getByRole('button', { name: 'Сохранить урок' }).count()).toBe(0);
    expect(await page.getByLabel('Прикрепить файл').count()).toBe(0);
    await page.context().close();
  });
});
