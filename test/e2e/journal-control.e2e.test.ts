import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiveAId, openAs, todayIso } from './demo.ts';
import { expectNoAxeViolations, type Harness, skipE2e, startHarness } from './harness.ts';

type Closures = {
  periods: { id: number; name: string; kind: string; startsOn: string; endsOn: string; scheme: string }[];
  classes: { id: number; name: string; scheme: string }[];
};

/** A JSON request in the page's session, with its CSRF token. */
async function post(page: Page, path: string, data: unknown) {
  const me = await (await page.request.get('/api/me')).json();
  return page.request.post(path, { headers: { 'X-CSRF-Token': me.csrfToken }, data });
}

const ru = (iso: string) => iso.split('-').reverse().join('.');
/** A moment's local date as ДД.ММ.ГГГГ (the browser runs in the same time zone). */
const ruDay = (at: string | Date) => {
  const d = new Date(at);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
};

describe.skipIf(skipE2e)('control of the record', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  /** The demo teacher's course in 5А and its latest lesson up to today. */
  async function fiveALesson() {
    const classId = await fiveAId(h);
    const lesson = await h.database.db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .select(['lessons.id', 'lessons.courseId', 'lessons.date'])
      .where('groups.classId', '=', classId)
      .where('courses.teacherId', '=', h.demo!.people.teacher)
      .where('lessons.cancelledAt', 'is', null)
      .where('lessons.date', '<=', todayIso())
      .orderBy('lessons.date', 'desc')
      .executeTakeFirstOrThrow();
    return { classId, ...lesson };
  }

  it('the deputy closes the current term for 5А: the teacher’s save is refused; reopening takes a reason', async () => {
    const lesson = await fiveALesson();
    const teacher = await openAs(h, 'teacher', `/lessons/${lesson.id}`);
    await teacher.getByLabel('Тема', { exact: true }).fill('Запись до закрытия периода');

    const deputy = await openAs(h, 'deputy', '/');
    await deputy
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Закрытие периодов' })
      .first()
      .click();
    await deputy.waitForURL('**/deputy/periods');
    await deputy.getByRole('heading', { level: 1, name: 'Закрытие периодов' }).waitFor();
    const closures: Closures = await (await deputy.request.get('/api/journal/closures')).json();
    const fiveA = closures.classes.find((c) => c.id === lesson.classId)!;
    const term = closures.periods.find(
      (p) =>
        p.kind === 'term' &&
        p.scheme === fiveA.scheme &&
        p.startsOn <= lesson.date &&
        lesson.date <= p.endsOn,
    )!;
    expect(term).toBeDefined();
    await expectNoAxeViolations(deputy, 'closing periods');

    deputy.once('dialog', (dialog) => dialog.accept());
    await deputy.getByRole('button', { name: `Закрыть период «${term.name}» для класса 5А` }).click();
    await deputy.getByText(`Период «${term.name}» закрыт для класса 5А.`).waitFor();
    await deputy.getByRole('button', { name: `Открыть период «${term.name}» для класса 5А` }).waitFor();

    // The teacher's page was open before: the save is refused with the reason.
    const reason = teacher.getByLabel('Причина исправления');
    if (await reason.count()) await reason.fill('Дописал после урока');
    await teacher.getByRole('button', { name: 'Сохранить урок' }).click();
    await teacher
      .getByRole('alert')
      .getByText(
        'Период закрыт для класса: изменения возможны только после его открытия заместителем директора или директором.',
      )
      .waitFor();
    await teacher.reload();
    await teacher.getByText(/только для чтения/).waitFor();
    expect(await teacher.getByRole('button', { name: 'Сохранить урок' }).count()).toBe(0);

    // Reopening without a reason is stopped at the field; with one, the period is open again.
    await deputy.getByRole('button', { name: `Открыть период «${term.name}» для класса 5А` }).click();
    const form = deputy.locator('form', { has: deputy.getByRole('heading', { name: /^Открыть период/ }) });
    await form.getByRole('button', { name: 'Открыть' }).click();
    await form.getByText('Заполните это поле.').waitFor();
    await form.getByLabel('Причина').fill('Исправление ошибки в оценке по заявлению родителей');
    await form.getByRole('button', { name: 'Открыть' }).click();
    await deputy.getByText(`Период «${term.name}» снова открыт для класса 5А.`).waitFor();
    await deputy.getByRole('button', { name: `Закрыть период «${term.name}» для класса 5А` }).waitFor();

    await teacher.reload();
    await teacher.getByLabel('Тема', { exact: true }).fill('Запись после открытия периода');
    if (await reason.count()) await reason.fill('Дописал после урока');
    await teacher.getByRole('button', { name: 'Сохранить урок' }).click();
    await teacher.getByText('Урок сохранён.').waitFor();
    await teacher.context().close();
    await deputy.context().close();
  });

  it('the class teacher sees all subjects and gives «болезнь» for a range of days', async () => {
    const { classId, courseId } = await fiveALesson();
    const page = await openAs(h, 'teacher', '/');
    // Two recent lessons of the teacher's 5А course on different days; a student with no entry at either.
    const grid = await (await page.request.get(`/api/journal/courses/${courseId}`)).json();
    const from = new Date(Date.now() - 12 * 86_400_000).toISOString().slice(0, 10);
    const recent = (grid.lessons as { id: number; date: string; canEdit: boolean }[]).filter(
      (l) => l.canEdit && l.date >= from && l.date <= todayIso(),
    );
    const days = [...new Set(recent.map((l) => l.date))].sort();
    expect(days.length).toBeGreaterThanOrEqual(2);
    const chosen = [recent.find((l) => l.date === days[0])!, recent.find((l) => l.date === days.at(-1))!];
    const taken = new Set(
      (grid.attendance as { lessonId: number; studentId: number }[])
        .filter((a) => chosen.some((l) => l.id === a.lessonId))
        .map((a) => a.studentId),
    );
    const student = (
      grid.students as { id: number; name: string; spans: { endsOn: string | null }[] }[]
    ).find((s) => !taken.has(s.id) && s.spans.some((sp) => sp.endsOn === null))!;
    for (const l of chosen) {
      const saved = await post(page, '/api/journal/attendance', {
        lessonId: l.id,
        studentId: student.id,
        value: 'absent',
        version: null,
        editReason: 'Отметка по журналу дежурного',
      });
      expect(saved.status()).toBe(200);
    }

    // «Успеваемость»: every subject of the class, a row per student.
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Успеваемость' })
      .click();
    await page.waitForURL(`**/class/${classId}/journal`);
    await page.getByRole('heading', { level: 1, name: 'Успеваемость: 5А' }).waitFor();
    const table = page.locator('table.control-table');
    expect(await table.locator('thead th').count()).toBeGreaterThan(6);
    await table.locator('tbody th', { hasText: student.name }).waitFor();
    await expectNoAxeViolations(page, 'the class’s subjects');

    // «Пропуски»: both absences without a reason, then a medical note for the range.
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Пропуски' }).click();
    await page.waitForURL(`**/class/${classId}/absences`);
    for (const l of chosen) {
      await page.getByRole('heading', { level: 2, name: ru(l.date) }).waitFor();
    }
    const reasonOf = (l: { id: number }) => page.locator(`#reason-${l.id}-${student.id}`);
    expect(await reasonOf(chosen[0]!).inputValue()).toBe('');
    await expectNoAxeViolations(page, 'the class’s absences');

    const note = page.locator('form', {
      has: page.getByRole('heading', { name: 'Причина за несколько дней (справка)' }),
    });
    await note.getByLabel('Ученик').selectOption(String(student.id));
    await note.getByLabel('С', { exact: true }).fill(chosen[0]!.date);
    await note.getByLabel('По', { exact: true }).fill(chosen[1]!.date);
    await note.getByLabel('Причина').selectOption({ label: 'Болезнь' });
    await note.getByRole('button', { name: 'Указать причину' }).click();
    await note.getByText(/^Причина указана у пропусков: [1-9]\d*\.$/).waitFor();
    for (const l of chosen) await expect.poll(() => reasonOf(l).inputValue()).toBe('illness');

    // One lesson changed back to «уважительная» alone.
    await reasonOf(chosen[1]!).selectOption({ label: 'Уважительная' });
    await expect.poll(() => reasonOf(chosen[1]!).inputValue()).toBe('excused');
    await page.reload();
    await expect.poll(() => reasonOf(chosen[0]!).inputValue()).toBe('illness');
    expect(await reasonOf(chosen[1]!).inputValue()).toBe('excused');
    await page.context().close();
  });

  // Last: it changes the audit trail behind Otmetka's back.
  it('the director checks the history: intact, then an event changed in the database is found', async () => {
    const db = h.database.db;
    const schoolId = h.demo!.schoolId;
    const page = await openAs(h, 'director', '/');
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Проверка журнала изменений' })
      .first()
      .click();
    await page.waitForURL('**/director/audit');
    await page.getByRole('heading', { level: 1, name: 'Проверка журнала изменений' }).waitFor();
    const run = page.getByRole('button', { name: 'Проверить', exact: true });
    await run.click();
    const intact = page.getByText(
      /^Цепочка не нарушена: [\d\s]+ событий, последнее \d\d\.\d\d\.\d{4} \d\d:\d\d$/,
    );
    await intact.waitFor();
    const { n } = await db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('schoolId', '=', schoolId)
      .executeTakeFirstOrThrow();
    const shown = (await intact.textContent())!.match(/: ([\d\s]+) событий/)![1]!.replace(/\s/g, '');
    expect(Number(shown)).toBe(Number(n));
    expect(Number(n)).toBeGreaterThan(100);
    await page.getByText(/^Журнал сверен с историей: [\d\s]+ оценок и отметок, расхождений нет\.$/).waitFor();
    await expectNoAxeViolations(page, 'the audit check, intact');

    // A mark's last event gets another value in the database, its trigger off for the moment.
    const event = await db
      .selectFrom('auditEvents')
      .select(['id', 'seq', 'at', 'after', 'entityId'])
      .where('schoolId', '=', schoolId)
      .where('entity', '=', 'mark')
      .where('action', '=', 'journal.mark.set')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const after = JSON.parse(String(event.after)) as { value: string };
    const forged = after.value === '2' ? '5' : '2';
    const { rows: triggers } = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_events'`.execute(db);
    expect(triggers.length).toBeGreaterThan(0);
    for (const t of triggers) await sql.raw(`drop trigger ${t.name}`).execute(db);
    try {
      await db
        .updateTable('auditEvents')
        .set({ after: JSON.stringify({ ...after, value: forged }) })
        .where('id', '=', event.id)
        .execute();
    } finally {
      for (const t of triggers) await sql.raw(t.sql).execute(db);
    }
    const { rows: back } = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_events'`.execute(db);
    expect(back).toEqual(triggers);

    await run.click();
    await page
      .getByRole('alert')
      .getByText(/^Найдено нарушений: [1-9]\d*$/)
      .waitFor();
    expect(await intact.count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: 'Событие изменено' });
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]).toBe('Событие изменено');
    expect(cells[1]).toMatch(new RegExp(`^${ruDay(event.at).replace(/\./g, '\\.')} \\d\\d:\\d\\d$`));
    expect(cells[3]).toContain(`Событие № ${event.seq}: отметка,`);
    expect(cells[3]).toContain(`Оценка ${event.entityId}`);
    await expectNoAxeViolations(page, 'the audit check, a problem found');
    await page.context().close();
  });
});
