import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSummary } from '../../src/server/seed/seed-demo-school.ts';
import { fiveAId, moveFirstStudentToSecondSubgroup, openAs, todayIso } from './demo.ts';
import {
  demoPassword,
  expectNoAxeViolations,
  type Harness,
  logIn,
  skipE2e,
  startHarness,
} from './harness.ts';

describe.skipIf(skipE2e)('structure: classes, subjects and subgroups', () => {
  let h: Harness;
  let demo: DemoSummary;
  let classId: number;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    demo = h.demo!;
    classId = await fiveAId(h);
  });
  afterAll(() => h?.stop());

  it('the class teacher of 5А moves a student to the other subgroup from a date, and it stays after a reload', async () => {
    const page = await openAs(h, 'teacher', `/class/${classId}/subgroups`);
    await page.getByRole('heading', { level: 1, name: 'Подгруппы 5А' }).waitFor();
    const date = todayIso();
    await page.getByLabel('Дата, с которой действует перевод').fill(date);

    const { first, second, student, target } = await moveFirstStudentToSecondSubgroup(page);
    await page
      .getByRole('status')
      .filter({ hasText: `${student} переведён(а) в «${target}»` })
      .waitFor();
    await second.getByText(student, { exact: true }).waitFor();
    expect(await first.getByText(student, { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the subgroups page');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Подгруппы 5А' }).waitFor();
    expect(await page.getByLabel('Дата, с которой действует перевод').inputValue()).toBe(date);
    await second.getByText(student, { exact: true }).waitFor();
    expect(await first.getByText(student, { exact: true }).count()).toBe(0);
  });

  it('the class teacher is refused another class’s subgroups; the administrator sees the structure', async () => {
    const other = await h.database.db
      .selectFrom('classes')
      .select('id')
      .where('schoolId', '=', demo.schoolId)
      .where('grade', '=', 5)
      .where('letter', '=', 'Б')
      .executeTakeFirstOrThrow();
    const teacher = await h.newPage('/');
    await logIn(teacher, demo.logins.teacher, demoPassword);
    await teacher.goto(`/class/${other.id}/subgroups`);
    await teacher.getByRole('alert').filter({ hasText: 'Недостаточно прав' }).waitFor();

    const page = await openAs(h, 'admin');
    await page.getByRole('link', { name: 'Классы и предметы' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Классы и предметы' }).waitFor();
    await page.getByRole('link', { name: '5А', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the structure page');

    // A new subject from the form shows in the table; renaming it keeps its row.
    const subjects = page.getByRole('region', { name: 'Предметы' });
    const add = subjects.getByRole('group', { name: 'Добавить предмет' });
    await add.getByLabel('Название предмета').fill('Астрономия');
    await add.getByLabel('Краткое название').fill('Астр.');
    await add.getByRole('button', { name: 'Добавить' }).click();
    await subjects.getByRole('rowheader', { name: 'Астрономия', exact: true }).waitFor();
    await subjects.getByRole('button', { name: 'Изменить Астрономия' }).click();
    const edit = subjects.getByRole('group', { name: 'Изменить предмет «Астрономия»' });
    await edit.getByLabel('Название предмета').fill('Астрономия и космос');
    await edit.getByRole('button', { name: 'Сохранить' }).click();
    await subjects.getByText('Сохранено.').waitFor();
    await subjects.getByRole('rowheader', { name: 'Астрономия и космос', exact: true }).waitFor();
  });
});
