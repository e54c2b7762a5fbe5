import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/web/i18n/format-date.ts';
import { fiveAId, openAs, todayIso } from './demo.ts';
import { expectNoAxeViolations, fullNameOf, type Harness, skipE2e, startHarness } from './harness.ts';

describe.skipIf(skipE2e)('people in the browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: true });
  });
  afterAll(() => h?.stop());

  it('the class teacher opens «Мой класс» and a student card, edits the phone and records a parent’s consent', async () => {
    const demo = h.demo!;
    const db = h.database.db;
    const classId = await fiveAId(h);
    const student = await db
      .selectFrom('groupMemberships')
      .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
      .innerJoin('persons', 'persons.id', 'groupMemberships.studentId')
      .innerJoin('guardianships', 'guardianships.studentId', 'persons.id')
      .select([
        'persons.id',
        'persons.lastName',
        'persons.firstName',
        'persons.middleName',
        'guardianships.guardianId',
      ])
      .where('groups.classId', '=', classId)
      .where('groups.kind', '=', 'class')
      // The demo gives most families a consent already: take a parent who has not given one yet.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('consents')
              .select('consents.id')
              .whereRef('consents.guardianId', '=', 'guardianships.guardianId'),
          ),
        ),
      )
      .orderBy('persons.sortKey')
      .executeTakeFirstOrThrow();
    const name = `${student.lastName} ${student.firstName} ${student.middleName}`.trim();

    const page = await openAs(h, 'teacher');
    await page.getByRole('link', { name: 'Мой класс', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Мой класс — 5А' }).waitFor();
    await expect(
      page.getByRole('link', { name: 'Логины и пароли для семей' }).getAttribute('href'),
    ).resolves.toBe(`/class/${classId}/credentials`);
    await expectNoAxeViolations(page, '«Мой класс»');

    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const data = page.getByRole('region', { name: 'Личные данные' });
    await data.getByLabel('Телефон', { exact: true }).fill('+7 912 345-67-89');
    await data.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText('Изменения сохранены.').waitFor();
    const row = await db
      .selectFrom('persons')
      .select('phone')
      .where('id', '=', student.id)
      .executeTakeFirstOrThrow();
    expect(row.phone).toBe('+7 912 345-67-89');

    const guardianName = await fullNameOf(h.database, student.guardianId);
    const guardian = page.locator('.people-guardian').filter({ hasText: guardianName });
    await guardian.getByLabel('Дата согласия').fill(todayIso());
    await guardian.getByRole('button', { name: 'Записать согласие' }).click();
    await page
      .getByText(`согласие от ${formatDate(todayIso())}`)
      .first()
      .waitFor();
    const consents = await db
      .selectFrom('consents')
      .innerJoin('guardianships', 'guardianships.guardianId', 'consents.guardianId')
      .select('consents.givenOn')
      .where('guardianships.studentId', '=', student.id)
      .execute();
    expect(consents.map((c) => c.givenOn)).toContain(todayIso());
    await page.getByRole('heading', { name: 'Кто открывал карточку' }).waitFor();
    await expectNoAxeViolations(page, 'the student card');
    const views = await db
      .selectFrom('cardViews')
      .select('viewerId')
      .where('studentId', '=', student.id)
      .execute();
    expect(views.map((v) => v.viewerId)).toContain(demo.people.teacher);
  });

  it('the administrator adds a staff member with the teacher role', async () => {
    const page = await openAs(h, 'admin', '/admin/people');
    await page.getByRole('heading', { level: 1, name: 'Люди и доступы' }).waitFor();
    await page.getByRole('table').waitFor();
    await expectNoAxeViolations(page, '«Люди и доступы»');
    await page.getByText('Добавить сотрудника', { exact: true }).first().click();
    await page.getByLabel('Фамилия').first().fill('Новикова');
    await page.getByLabel('Имя').first().fill('Анна');
    await page.getByLabel('Отчество').first().fill('Сергеевна');
    await expect(page.getByLabel('Учитель').first().isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Добавить сотрудника' }).click();
    await page.getByText(/Сотрудник добавлен/).waitFor();
    await page.getByRole('rowheader', { name: /Новикова Анна Сергеевна/ }).waitFor();
    const person = await h.database.db
      .selectFrom('persons')
      .innerJoin('roleAssignments', 'roleAssignments.personId', 'persons.id')
      .select(['roleAssignments.role'])
      .where('persons.lastName', '=', 'Новикова')
      .where('persons.firstName', '=', 'Анна')
      .execute();
    expect(person.map((p) => p.role)).toEqual(['teacher']);
  });

  it('the administrator changes the rounding thresholds, and a wrong order is told beside the field', async () => {
    const demo = h.demo!;
    const page = await openAs(h, 'admin', '/admin/settings');
    await page.getByRole('heading', { level: 1, name: 'Настройки' }).waitFor();
    await page.getByRole('heading', { name: 'Виды работ' }).waitFor();
    await expectNoAxeViolations(page, '«Настройки»');
    const four = page.getByLabel('Порог отметки «4»');
    await four.fill('4.8');
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await page
      .locator('#roundFour-error')
      .getByText(/Пороги должны убывать/)
      .waitFor();
    await four.fill('3.6');
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await page.getByText('Изменения сохранены.').waitFor();
    const school = await h.database.db
      .selectFrom('schools')
      .select('settings')
      .where('id', '=', demo.schoolId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(school.settings).roundingThresholds).toEqual({ five: 4.5, four: 3.6, three: 2.5 });
  });
});
