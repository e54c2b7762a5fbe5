import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortName } from '../../src/server/timetable/timetable.queries.ts';
import { fiveAId, openAs, todayIso } from './demo.ts';
import { type Harness, skipE2e, startHarness } from './harness.ts';

const ru = (iso: string) => iso.split('-').reverse().join('.');
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Fills the edit reason when the lesson is past the free editing time. */
async function reasonIfAsked(page: Page) {
  const reason = page.getByLabel('Причина исправления', { exact: true });
  if (await reason.count()) await reason.fill('Дописал задание по замечанию');
}

/**
 * The journey: the deputy finds a lesson without homework from the control dashboard
 * (heat map → the day's problem lessons → the lesson beside the grid) and writes a remark; the
 * teacher sees it on «Сегодня», writes the homework and marks the remark fixed; the deputy sees it
 * fixed, closes it, and the lesson is no longer listed as lacking homework.
 */
describe.skipIf(skipE2e)('a remark from the dashboard to closed', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('the deputy finds a lesson without homework, the teacher fixes it, the deputy closes the remark', async () => {
    const db = h.database.db;
    const classId = await fiveAId(h);
    // The demo teacher's latest lesson in 5А before today loses its homework: a lesson to find.
    const lesson = await db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
      .select(['lessons.id', 'lessons.courseId', 'lessons.date', 'subjects.name as subject'])
      .where('groups.classId', '=', classId)
      .where('courses.teacherId', '=', h.demo!.people.teacher)
      .where('lessons.cancelledAt', 'is', null)
      .where('lessons.date', '<', todayIso())
      .orderBy('lessons.date', 'desc')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('lessons')
      .set({ homework: null, homeworkDueOn: null, homeworkEnteredAt: null })
      .where('id', '=', lesson.id)
      .execute();
    const person = await db
      .selectFrom('persons')
      .select(['lastName', 'firstName', 'middleName'])
      .where('id', '=', h.demo!.people.teacher)
      .executeTakeFirstOrThrow();
    const teacherName = shortName(person);

    const deputy = await openAs(h, 'deputy', '/');
    await deputy
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Контроль', exact: true })
      .first()
      .click();
    await deputy.waitForURL('**/deputy/control');
    await deputy
      .getByRole('link', { name: new RegExp(`${escaped(teacherName)}, ${escaped(ru(lesson.date))}:`) })
      .click();
    await deputy.waitForURL(/\/deputy\/reports\?/);
    const row = deputy.getByRole('row').filter({ hasText: '5А' }).filter({ hasText: lesson.subject });
    await row
      .getByRole('link', { name: /нет домашнего задания/ })
      .first()
      .click();
    await deputy.waitForURL(`**/journal/${lesson.courseId}?lessonId=${lesson.id}`);

    const text = 'На уроке не записано домашнее задание.';
    await deputy.getByLabel('Замечание', { exact: true }).fill(text);
    await deputy.getByRole('button', { name: 'Записать замечание' }).click();
    await deputy.getByText('Замечание записано.').waitFor();

    const teacher = await openAs(h, 'teacher', '/teacher/today');
    await teacher.getByRole('heading', { name: 'Замечания завуча' }).waitFor();
    await teacher.getByText(text).waitFor();
    await teacher.goto(`/lessons/${lesson.id}`);
    await teacher.getByLabel('Домашнее задание').fill('Упражнения 14 и 15, § 8');
    await reasonIfAsked(teacher);
    await teacher.getByRole('button', { name: 'Сохранить урок' }).click();
    await teacher.getByText('Урок сохранён.').waitFor();
    await teacher
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Замечания', exact: true })
      .first()
      .click();
    await teacher.waitForURL('**/teacher/remarks');
    await teacher.getByText(text).waitFor();
    await teacher.getByRole('button', { name: 'Исправлено' }).click();
    await teacher.getByRole('heading', { name: /^Исправлены, ждут проверки/ }).waitFor();

    await deputy
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Замечания', exact: true })
      .first()
      .click();
    await deputy.waitForURL('**/deputy/remarks');
    await deputy.getByText(text).waitFor();
    await deputy.getByRole('button', { name: 'Закрыть' }).click();
    await deputy.getByText('Закрыто', { exact: true }).waitFor();

    const remark = await db
      .selectFrom('remarks')
      .select(['lessonId', 'fixedAt', 'closedAt', 'closedBy'])
      .where('text', '=', text)
      .executeTakeFirstOrThrow();
    expect(remark.lessonId).toBe(lesson.id);
    expect(remark.fixedAt).not.toBeNull();
    expect(remark.closedBy).toBe(h.demo!.people.deputy);

    // The keeping report no longer counts the lesson as lacking homework.
    const keeping = await deputy.request.get(
      `/api/reports/keeping?courseId=${lesson.courseId}&from=${lesson.date}&to=${lesson.date}`,
    );
    expect(keeping.status()).toBe(200);
    const body = (await keeping.json()) as { lessons: { lessonId: number; missing: string[] }[] };
    expect(body.lessons.find((l) => l.lessonId === lesson.id)?.missing ?? []).not.toContain('homework');
  });

  it('a link to a lesson of an earlier term opens the journal at that term', async () => {
    const classId = await fiveAId(h);
    const first = await h.database.db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .innerJoin('periods', (j) =>
        j
          .onRef('periods.schoolId', '=', 'lessons.schoolId')
          .onRef('periods.startsOn', '<=', 'lessons.date')
          .onRef('periods.endsOn', '>=', 'lessons.date'),
      )
      .select(['lessons.id', 'lessons.courseId', 'periods.id as periodId', 'periods.name as period'])
      .where('groups.classId', '=', classId)
      .where('courses.teacherId', '=', h.demo!.people.teacher)
      .where('periods.kind', '=', 'term')
      .where('periods.scheme', '=', 'quarters')
      .where('periods.endsOn', '<', todayIso())
      .orderBy('lessons.date')
      .executeTakeFirstOrThrow();
    const deputy = await openAs(h, 'deputy', `/journal/${first.courseId}?lessonId=${first.id}`);
    await deputy.waitForURL(`**/journal/${first.courseId}?periodId=${first.periodId}&lessonId=${first.id}`);
    const current = deputy
      .getByRole('navigation', { name: 'Учебные периоды' })
      .locator('[aria-current="page"]');
    expect(await current.textContent()).toContain(first.period);
  });
});
