import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, timetableWeekday } from '../../src/domain/school-days.ts';
import { classCalendars } from '../../src/server/calendar/calendar.queries.ts';
import { encode1251 } from '../../src/server/imports/imports.test-helpers.ts';
import { formatDate } from '../../src/web/i18n/format-date.ts';
import { fiveAId, openAs, pdfText, todayIso } from './demo.ts';
import {
  demoPassword,
  expectNoAxeViolations,
  fullNameOf,
  type Harness,
  skipE2e,
  startHarness,
  submitLogin,
} from './harness.ts';

/**
 * The forms of the administrator and the class teacher that no other journey drives: dated
 * timetable changes, a subgroup split and a cross-class group, a bell set, a student's departure,
 * staff slips and a Windows-1251 CSV import. Each checks what the page shows and what is stored.
 */
describe.skipIf(skipE2e)('administrative forms in the browser', () => {
  let h: Harness;
  let classId: number;

  beforeAll(async () => {
    h = await startHarness({ demo: true });
    classId = await fiveAId(h);
  });
  afterAll(() => h?.stop());

  /** 5А's school days after today (no vacations, holidays or days off), with the weekday they follow. */
  async function schoolDaysAhead(count: number) {
    const cls = await h.database.db
      .selectFrom('classes')
      .select('academicYearId')
      .where('id', '=', classId)
      .executeTakeFirstOrThrow();
    const cal = (await classCalendars(h.database.db, h.demo!.schoolId, cls.academicYearId)).get(classId)!;
    const days: { date: string; weekday: number }[] = [];
    for (let d = addDays(todayIso(), 1); d <= cal.endsOn && days.length < count; d = addDays(d, 1)) {
      const weekday = timetableWeekday(d, cal);
      if (weekday !== null) days.push({ date: d, weekday });
    }
    expect(days.length, 'school days left in the demo year').toBe(count);
    return days;
  }

  /** The current weekly slots of 5А's whole-class courses and of every teacher of the school. */
  async function slots() {
    const rows = await h.database.db
      .selectFrom('timetableSlots')
      .innerJoin('courses', 'courses.id', 'timetableSlots.courseId')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .select([
        'timetableSlots.courseId',
        'timetableSlots.weekday',
        'timetableSlots.lessonNumber',
        'courses.teacherId',
        'groups.classId',
        'groups.kind',
      ])
      .where('timetableSlots.schoolId', '=', h.demo!.schoolId)
      .where('timetableSlots.validTo', 'is', null)
      .execute();
    const ofClass = rows.filter((r) => r.classId === classId);
    return {
      /** Whole-class lessons of 5А on a weekday, by number. */
      wholeClass: (weekday: number) =>
        ofClass
          .filter((r) => r.weekday === weekday && r.kind === 'class')
          .sort((a, b) => a.lessonNumber - b.lessonNumber),
      /** The first lesson number after 5А's last lesson of the weekday. */
      afterLast: (weekday: number) =>
        Math.max(0, ...ofClass.filter((r) => r.weekday === weekday).map((r) => r.lessonNumber)) + 1,
      teacherFree: (teacherId: number, weekday: number, n: number) =>
        !rows.some((r) => r.teacherId === teacherId && r.weekday === weekday && r.lessonNumber === n),
    };
  }

  /** 5А's lesson of a course on a date at a number, as stored (undefined when there is none). */
  const lessonAt = (courseId: number, date: string, lessonNumber: number) =>
    h.database.db
      .selectFrom('lessons')
      .select(['cancelledAt', 'origin'])
      .where('courseId', '=', courseId)
      .where('date', '=', date)
      .where('lessonNumber', '=', lessonNumber)
      .executeTakeFirst();

  it('the administrator records a cancellation, a moved lesson and an extra lesson for coming dates', async () => {
    const [cancelDay, moveDay, extraDay] = await schoolDaysAhead(3);
    const s = await slots();
    const cancelled = s.wholeClass(cancelDay!.weekday)[0]!;
    // A lesson moves to the end of its own day, and an extra one goes after the day's last lesson:
    // each with a course whose teacher has no lesson then.
    const moveTo = s.afterLast(moveDay!.weekday);
    const moved = s
      .wholeClass(moveDay!.weekday)
      .find((c) => s.teacherFree(c.teacherId, moveDay!.weekday, moveTo))!;
    const extraAt = s.afterLast(extraDay!.weekday);
    const extra = s
      .wholeClass(extraDay!.weekday)
      .find((c) => s.teacherFree(c.teacherId, extraDay!.weekday, extraAt))!;
    expect(moved && extra, 'a course with a free teacher after the last lesson').toBeTruthy();
    expect(Math.max(moveTo, extraAt)).toBeLessThanOrEqual(7);

    const page = await openAs(h, 'admin', '/admin/timetable');
    await page.getByLabel('Класс', { exact: true }).selectOption({ label: '5А' });
    await page.locator('table.timetable-grid caption', { hasText: 'Расписание 5А' }).waitFor();
    await page.getByRole('button', { name: 'Изменения' }).click();
    await page.getByText('Изменений пока нет', { exact: false }).waitFor();
    const rows = page.locator('table.timetable-list tbody tr');

    await page.getByLabel('Вид изменения').selectOption({ label: 'Отмена урока' });
    await page.getByLabel('Курс', { exact: true }).selectOption(String(cancelled.courseId));
    await page.getByLabel('Дата', { exact: true }).fill(cancelDay!.date);
    await page.getByLabel('Номер урока', { exact: true }).selectOption(String(cancelled.lessonNumber));
    await page.getByLabel('Причина').fill('Олимпиада');
    await page.getByRole('button', { name: 'Записать' }).click();
    await rows
      .filter({ hasText: 'Отмена урока' })
      .filter({ hasText: `${formatDate(cancelDay!.date)}, ${cancelled.lessonNumber}-й урок` })
      .filter({ hasText: 'Олимпиада' })
      .waitFor();

    await page.getByLabel('Вид изменения').selectOption({ label: 'Перенос урока' });
    await page.getByLabel('Курс', { exact: true }).selectOption(String(moved.courseId));
    await page.getByLabel('Дата', { exact: true }).fill(moveDay!.date);
    await page.getByLabel('Номер урока', { exact: true }).selectOption(String(moved.lessonNumber));
    await page.getByLabel('Новая дата').fill(moveDay!.date);
    await page.getByLabel('Новый номер урока').selectOption(String(moveTo));
    await page.getByLabel('Причина').fill('');
    await page.getByRole('button', { name: 'Записать' }).click();
    await rows
      .filter({ hasText: 'Перенос урока' })
      .filter({ hasText: `на ${formatDate(moveDay!.date)}, ${moveTo}-й урок` })
      .waitFor();

    await page.getByLabel('Вид изменения').selectOption({ label: 'Дополнительный урок' });
    await page.getByLabel('Курс', { exact: true }).selectOption(String(extra.courseId));
    await page.getByLabel('Дата', { exact: true }).fill(extraDay!.date);
    await page.getByLabel('Номер урока', { exact: true }).selectOption(String(extraAt));
    await page.getByRole('button', { name: 'Записать' }).click();
    await rows
      .filter({ hasText: 'Дополнительный урок' })
      .filter({ hasText: `${formatDate(extraDay!.date)}, ${extraAt}-й урок` })
      .waitFor();
    expect(await rows.count()).toBe(3);
    await expectNoAxeViolations(page, 'the timetable changes after three changes');

    const stored = await h.database.db
      .selectFrom('timetableChanges')
      .select(['kind', 'courseId', 'date', 'lessonNumber', 'movedToDate', 'movedToLessonNumber', 'reason'])
      .where('schoolId', '=', h.demo!.schoolId)
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      {
        kind: 'cancel',
        courseId: cancelled.courseId,
        date: cancelDay!.date,
        lessonNumber: cancelled.lessonNumber,
        movedToDate: null,
        movedToLessonNumber: null,
        reason: 'Олимпиада',
      },
      {
        kind: 'move',
        courseId: moved.courseId,
        date: moveDay!.date,
        lessonNumber: moved.lessonNumber,
        movedToDate: moveDay!.date,
        movedToLessonNumber: moveTo,
        reason: null,
      },
      {
        kind: 'extra',
        courseId: extra.courseId,
        date: extraDay!.date,
        lessonNumber: extraAt,
        movedToDate: null,
        movedToLessonNumber: null,
        reason: null,
      },
    ]);
    // The lessons of those dates follow the changes.
    expect(
      (await lessonAt(cancelled.courseId, cancelDay!.date, cancelled.lessonNumber))?.cancelledAt,
    ).not.toBeNull();
    expect(await lessonAt(moved.courseId, moveDay!.date, moved.lessonNumber)).toBeUndefined();
    expect(await lessonAt(moved.courseId, moveDay!.date, moveTo)).toMatchObject({
      cancelledAt: null,
      origin: 'change',
    });
    expect(await lessonAt(extra.courseId, extraDay!.date, extraAt)).toMatchObject({
      cancelledAt: null,
      origin: 'change',
    });
  });

  it('the class teacher of 5А splits the class into subgroups for a subject that has none', async () => {
    const page = await openAs(h, 'teacher', `/class/${classId}/subgroups`);
    await page.getByRole('heading', { level: 1, name: 'Подгруппы 5А' }).waitFor();
    const split = page.getByRole('region', { name: 'Разделить класс на подгруппы' });
    const subject = split.getByLabel('Предмет', { exact: true });
    const option = subject.locator('option').nth(1);
    const subjectName = (await option.textContent()) ?? '';
    expect(subjectName).not.toBe('');
    await subject.selectOption({ label: subjectName });
    const teacherName = await fullNameOf(h.database, h.demo!.people.teacher);
    for (const [n, name] of [
      [1, 'Первая'],
      [2, 'Вторая'],
    ] as const) {
      const part = split.getByRole('group', { name: `Подгруппа ${n}` });
      await part.getByLabel('Название').fill(name);
      await part.getByLabel('Учитель').selectOption({ label: teacherName });
      await part.getByLabel('Часов в неделю').fill('1');
    }
    await split.getByRole('button', { name: 'Создать подгруппы' }).click();
    await split.getByText('Подгруппы созданы.').waitFor();
    const section = page.getByRole('region', { name: subjectName, exact: true });
    await section.getByRole('heading', { level: 3, name: 'Первая' }).waitFor();
    await section.getByRole('heading', { level: 3, name: 'Вторая' }).waitFor();
    await expectNoAxeViolations(page, 'the subgroups page after a split');

    const groups = await h.database.db
      .selectFrom('groups')
      .innerJoin('courses', 'courses.groupId', 'groups.id')
      .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
      .select(['groups.id', 'groups.name', 'groups.kind', 'courses.teacherId', 'courses.hoursPerWeek'])
      .where('groups.classId', '=', classId)
      .where('groups.kind', '=', 'subgroup')
      .where('subjects.name', '=', subjectName)
      .orderBy('groups.name', 'desc')
      .execute();
    expect(groups.map(({ id: _, ...g }) => g)).toEqual([
      { name: 'Первая', kind: 'subgroup', teacherId: h.demo!.people.teacher, hoursPerWeek: 1 },
      { name: 'Вторая', kind: 'subgroup', teacherId: h.demo!.people.teacher, hoursPerWeek: 1 },
    ]);
    const members = await h.database.db
      .selectFrom('groupMemberships')
      .select(['groupId', 'studentId'])
      .where(
        'groupId',
        'in',
        groups.map((g) => g.id),
      )
      .execute();
    // Everyone in 5А went into one of the two, as the page shows them.
    const inClass = await h.database.db
      .selectFrom('groupMemberships')
      .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
      .select('groupMemberships.studentId')
      .where('groups.classId', '=', classId)
      .where('groups.kind', '=', 'class')
      .where('groupMemberships.endsOn', 'is', null)
      .execute();
    const ids = (rows: { studentId: number }[]) => rows.map((r) => r.studentId).sort((a, b) => a - b);
    expect(ids(members)).toEqual(ids(inClass));
    expect(new Set(members.map((m) => m.groupId)).size).toBe(2);
    expect(await section.locator('.subgroup-column li').count()).toBe(members.length);
  });

  it('the administrator creates a cross-class group of students of 5А and 5Б, listed on «Межклассные группы»', async () => {
    const page = await openAs(h, 'admin', '/admin/structure');
    const form = page.getByRole('region', { name: 'Межклассная группа' });
    await form.getByLabel('Название группы').fill('Робототехника');
    const subject = form.getByLabel('Предмет', { exact: true });
    const subjectName = (await subject.locator('option').nth(1).textContent()) ?? '';
    await subject.selectOption({ label: subjectName });
    const teacherName = await fullNameOf(h.database, h.demo!.people.teacher);
    await form.getByLabel('Учитель', { exact: true }).selectOption({ label: teacherName });
    await form.getByLabel('Часов в неделю').fill('2');
    const chosen: string[] = [];
    for (const cls of ['5А', '5Б']) {
      await form.getByLabel('Класс', { exact: true }).selectOption({ label: cls });
      const box = form.getByRole('checkbox').first();
      await box.waitFor();
      chosen.push(((await box.locator('xpath=..').textContent()) ?? '').trim());
      await box.check();
    }
    await form.getByText('Выбрано обучающихся: 2.').waitFor();
    await form.getByRole('button', { name: 'Создать группу' }).click();
    await form.getByText('Сохранено.').waitFor();

    await form.getByRole('link', { name: 'Состав межклассных групп и переводы между ними' }).click();
    await page.getByRole('heading', { level: 1, name: 'Межклассные группы' }).waitFor();
    const column = page.locator('.subgroup-column').filter({
      has: page.getByRole('heading', { level: 3, name: 'Робототехника' }),
    });
    for (const name of chosen) await column.getByText(name, { exact: true }).waitFor();
    await expectNoAxeViolations(page, '«Межклассные группы»');

    const group = await h.database.db
      .selectFrom('groups')
      .select(['id', 'kind', 'classId'])
      .where('schoolId', '=', h.demo!.schoolId)
      .where('name', '=', 'Робототехника')
      .executeTakeFirstOrThrow();
    expect(group).toMatchObject({ kind: 'cross', classId: null });
    const classes = await h.database.db
      .selectFrom('groupMemberships as m')
      .innerJoin('groupMemberships as home', 'home.studentId', 'm.studentId')
      .innerJoin('groups', 'groups.id', 'home.groupId')
      .innerJoin('classes', 'classes.id', 'groups.classId')
      .select(['classes.letter'])
      .where('m.groupId', '=', group.id)
      .where('groups.kind', '=', 'class')
      .execute();
    expect(classes.map((c) => c.letter).sort()).toEqual(['А', 'Б']);
  });

  it('the administrator gives Saturday its own bell set with two lessons; it is there after a reload', async () => {
    const page = await openAs(h, 'admin', '/admin/calendar');
    const bells = page.getByRole('region', { name: 'Расписание звонков' });
    // «Основное» covers every day of the week: Saturday is taken off it first.
    const main = bells.getByRole('form', { name: 'Основное' });
    await main.getByLabel('Сб').uncheck();
    await main.getByRole('button', { name: 'Сохранить' }).click();
    await main.getByText('Сохранено.').waitFor();

    await bells.getByRole('button', { name: 'Новое расписание звонков' }).click();
    const form = bells.getByRole('form', { name: 'Новое расписание звонков' });
    await form.getByLabel('Название расписания звонков').fill('Суббота');
    await form.getByLabel('Сб').check();
    const times = form.locator('.calendar-bell-row');
    await times.nth(0).getByLabel('Начало').fill('09:00');
    await times.nth(0).getByLabel('Конец').fill('09:40');
    await times.nth(1).getByLabel('Начало').fill('09:50');
    await times.nth(1).getByLabel('Конец').fill('10:30');
    await form.getByRole('button', { name: 'Добавить', exact: true }).click();
    await bells.getByRole('form', { name: 'Суббота' }).waitFor();

    await page.reload();
    const saturday = page.getByRole('form', { name: 'Суббота' });
    await saturday.waitFor();
    expect(await saturday.getByLabel('Сб').isChecked()).toBe(true);
    expect(await saturday.getByLabel('Пн').isChecked()).toBe(false);
    const rows = saturday.locator('.calendar-bell-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getByLabel('Начало').inputValue()).toBe('09:00');
    expect(await rows.nth(1).getByLabel('Конец').inputValue()).toBe('10:30');
    expect(await page.getByRole('form', { name: 'Основное' }).getByLabel('Сб').isChecked()).toBe(false);
    await expectNoAxeViolations(page, 'the bell sets');

    const set = await h.database.db
      .selectFrom('bellSchedules')
      .select(['id', 'weekdays'])
      .where('schoolId', '=', h.demo!.schoolId)
      .where('name', '=', 'Суббота')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(set.weekdays)).toEqual([6]);
    const stored = await h.database.db
      .selectFrom('bellTimes')
      .select(['lessonNumber', 'startsAt', 'endsAt'])
      .where('bellScheduleId', '=', set.id)
      .orderBy('lessonNumber')
      .execute();
    expect(stored).toEqual([
      { lessonNumber: 1, startsAt: '09:00', endsAt: '09:40' },
      { lessonNumber: 2, startsAt: '09:50', endsAt: '10:30' },
    ]);
  });

  it('the class teacher records a student’s departure; the student is listed as departed and cannot sign in', async () => {
    const demo = h.demo!;
    // The demo student is in 5А and signs in with the demo password.
    const student = await h.database.db
      .selectFrom('groupMemberships')
      .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
      .innerJoin('accounts', 'accounts.personId', 'groupMemberships.studentId')
      .select(['groupMemberships.studentId as id', 'accounts.id as accountId'])
      .where('groups.classId', '=', classId)
      .where('groups.kind', '=', 'class')
      .where('groupMemberships.endsOn', 'is', null)
      .where('accounts.disabledAt', 'is', null)
      .where('groupMemberships.studentId', '=', demo.people.student)
      .executeTakeFirstOrThrow();
    const name = await fullNameOf(h.database, student.id);

    const page = await openAs(h, 'teacher');
    await page.getByRole('link', { name: 'Мой класс', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Мой класс — 5А' }).waitFor();
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { name: 'Выбытие' }).click();
    expect(await page.getByLabel('Дата выбытия').inputValue()).toBe(todayIso());
    await page.getByLabel('Приказ о выбытии').fill('№ 112-у');
    await page.getByRole('button', { name: 'Записать выбытие' }).click();
    await page.getByText('Проверьте дату и приказ', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Да, записать выбытие' }).click();
    await page.getByText(`Выбыл(а) ${formatDate(todayIso())}, приказ № 112-у.`).waitFor();
    await expectNoAxeViolations(page, 'the card of a departed student');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Мой класс — 5А' }).waitFor();
    const departed = page.getByRole('table', { name: 'Выбывшие' });
    await departed.getByRole('link', { name, exact: true }).waitFor();
    expect(await departed.getByRole('row').filter({ hasText: name }).textContent()).toContain('отключена');

    const profile = await h.database.db
      .selectFrom('studentProfiles')
      .select(['departedOn', 'departureOrder'])
      .where('personId', '=', student.id)
      .executeTakeFirstOrThrow();
    expect(profile).toEqual({ departedOn: todayIso(), departureOrder: '№ 112-у' });
    const account = await h.database.db
      .selectFrom('accounts')
      .select('disabledAt')
      .where('id', '=', student.accountId)
      .executeTakeFirstOrThrow();
    expect(account.disabledAt).not.toBeNull();
    const studentPage = await h.newPage();
    await submitLogin(studentPage, demo.logins.student, demoPassword);
    await studentPage.getByText('Учётная запись отключена').waitFor();
  });

  it('the administrator issues a slip to one staff member and gets a PDF with the login', async () => {
    const demo = h.demo!;
    const db = h.database.db;
    // A teacher without an account yet, if the demo has one; otherwise a teacher whose slip is reissued.
    const teacher = await db
      .selectFrom('roleAssignments')
      .leftJoin('accounts', 'accounts.personId', 'roleAssignments.personId')
      .select(['roleAssignments.personId', 'accounts.id as accountId'])
      .where('roleAssignments.schoolId', '=', demo.schoolId)
      .where('roleAssignments.role', '=', 'teacher')
      .where('roleAssignments.revokedAt', 'is', null)
      .where('roleAssignments.personId', 'not in', Object.values(demo.people))
      .orderBy('accounts.id')
      .orderBy('roleAssignments.personId')
      .executeTakeFirstOrThrow();
    const name = await fullNameOf(h.database, teacher.personId);

    const page = await openAs(h, 'admin', '/admin/credentials', { bypassCSP: true, acceptDownloads: true });
    await page.getByRole('heading', { level: 1, name: 'Доступы сотрудников' }).waitFor();
    await page.getByLabel(`Выбрать: ${name}`).check();
    await page.getByText('Выбрано: 1').waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Выдать (доступ|заново)$/ }).click();
    const download = await downloading;
    await page.getByText(/^Выдано: 1\./).waitFor();
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

    const account = await db
      .selectFrom('accounts')
      .select(['login', 'passwordChangedAt', 'disabledAt'])
      .where('personId', '=', teacher.personId)
      .executeTakeFirstOrThrow();
    expect(account.passwordChangedAt).toBeNull();
    expect(account.disabledAt).toBeNull();
    const text = pdfText(file);
    expect(text).toContain(name);
    expect(text).toContain(account.login);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await row.getByText('выдан, ещё не входил(а)').waitFor();
  });

  it('the class teacher imports two students from a Windows-1251 CSV as Russian Excel saves it', async () => {
    const csv = [
      'Фамилия;Имя;Отчество;Дата рождения (ДД.ММ.ГГГГ);Пол (м/ж);Номер личного дела;Родитель 1: Фамилия;Родитель 1: Имя;Родитель 1: Кем приходится (мать/отец/опекун/другое);Родитель 1: Телефон',
      'Ёлкина;Дарья;Сергеевна;11.02.2015;ж;ЦСВ-1;Ёлкина;Ольга;мать;8 (916) 555-01-02',
      'Щукин;Артём;;03.09.2014;м;ЦСВ-2;;;;',
      '',
    ].join('\r\n');
    const page = await openAs(h, 'teacher', `/class/${classId}`);
    await page.getByRole('link', { name: 'Загрузить список из файла' }).click();
    await page.getByRole('heading', { level: 1, name: 'Загрузка учеников и родителей: 5А' }).waitFor();
    await page.getByLabel('Файл CSV или XLSX').setInputFiles({
      name: '5А.csv',
      mimeType: 'text/csv',
      buffer: encode1251(csv),
    });
    await page.getByText('Новых: 2. Изменится: 0. Без изменений: 0. С ошибками: 0.').waitFor();
    const preview = await page.getByRole('table', { name: 'Строки файла' }).textContent();
    expect(preview).toContain('Ёлкина');
    expect(preview).toContain('Щукин');
    expect(preview).toContain('+7 916 555-01-02');

    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await page.getByText('Загружено. Новых учеников: 2, изменено: 0, без изменений: 0.').waitFor();
    await page.getByRole('link', { name: 'К списку класса' }).click();
    await page.getByRole('link', { name: 'Ёлкина Дарья Сергеевна', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Щукин Артём', exact: true }).waitFor();

    const stored = await h.database.db
      .selectFrom('persons')
      .innerJoin('groupMemberships', 'groupMemberships.studentId', 'persons.id')
      .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
      .select(['persons.lastName', 'persons.firstName', 'persons.birthDate'])
      .where('groups.classId', '=', classId)
      .where('groups.kind', '=', 'class')
      .where('persons.lastName', 'in', ['Ёлкина', 'Щукин'])
      .orderBy('persons.lastName')
      .execute();
    expect(stored).toEqual([
      { lastName: 'Ёлкина', firstName: 'Дарья', birthDate: '2015-02-11' },
      { lastName: 'Щукин', firstName: 'Артём', birthDate: '2014-09-03' },
    ]);
    const parent = await h.database.db
      .selectFrom('persons')
      .select('phone')
      .where('lastName', '=', 'Ёлкина')
      .where('firstName', '=', 'Ольга')
      .executeTakeFirstOrThrow();
    expect(parent.phone).toBe('+7 916 555-01-02');
  });
});
