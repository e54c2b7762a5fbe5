import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildClass, buildCourse, buildPerson, buildSchool } from '../../../test/factories.ts';
import { addDays } from '../../domain/school-days.ts';
import { today } from '../access/relationships.queries.ts';
import type { Database } from '../db/database.ts';
import { addLesson, lessonsSchool } from './lessons.test-helpers.ts';

interface Item {
  id: number;
  position: number;
  topic: string;
  hours: number;
  section: string | null;
  plannedOn: string | null;
  lessons: { id: number; date: string }[];
}

describe.each(engines())('КТП routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof lessonsSchool>>;
  let teacher: Client;
  let second: Client;
  let substitute: Client;
  let other: Client;
  let deputy: Client;
  const now = today();

  /** A new course of 5А taught by the teacher, with lessons on the dates (by the substitute when asked). */
  async function freshCourse(dates: string[], substituted: string[] = []) {
    const row = await database.db
      .insertInto('courses')
      .values({
        schoolId: s.schoolId,
        academicYearId: s.yearId,
        subjectId: s.subjectId,
        groupId: s.classes.c5.groupId,
        teacherId: s.people.teacher.id,
        secondTeacherId: s.people.second.id,
        hoursPerWeek: 2,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lessons: number[] = [];
    for (const date of dates) {
      const teacherId = substituted.includes(date) ? s.people.substitute.id : s.people.teacher.id;
      lessons.push(await addLesson(database.db, { schoolId: s.schoolId, courseId: row.id, date, teacherId }));
    }
    return { courseId: row.id, lessons };
  }
  const plan = (client: Client, courseId: number) => client.get(`/api/journal/courses/${courseId}/plan`);
  const add = (client: Client, courseId: number, body: object) =>
    client.send('POST', `/api/journal/courses/${courseId}/plan/items`, body);
  const topics = (items: Item[]) => items.map((i) => `${i.position}:${i.topic}`);
  const lessonRow = (id: number) =>
    database.db
      .selectFrom('lessons')
      .select(['topic', 'planItemId', 'topicEnteredAt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const importFile = (client: Client, courseId: number, query: string, body: Buffer, type = 'text/csv') =>
    client.send('POST', `/api/journal/courses/${courseId}/plan/import${query}`, body, {
      'content-type': type,
    });

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await lessonsSchool(database.db);
    teacher = await signIn(app, s.people.teacher.login);
    second = await signIn(app, s.people.second.login);
    substitute = await signIn(app, s.people.substitute.login);
    other = await signIn(app, s.people.other.login);
    deputy = await signIn(app, s.people.deputy.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('adds, inserts, changes, moves and removes topics; positions stay 1..n; a linked lesson keeps its topic', async () => {
    const { courseId, lessons } = await freshCourse([addDays(now, -1)]);
    await add(teacher, courseId, { topic: 'Дроби', section: 'Числа', hours: 2, plannedOn: addDays(now, 3) });
    await add(teacher, courseId, { topic: 'Проценты' });
    const inserted = await add(second, courseId, { topic: 'Натуральные числа', position: 1 });
    expect(inserted.statusCode).toBe(201);
    const items: Item[] = inserted.json().items;
    expect(topics(items)).toEqual(['1:Натуральные числа', '2:Дроби', '3:Проценты']);
    expect(items[1]).toMatchObject({ section: 'Числа', hours: 2, plannedOn: addDays(now, 3) });

    const [first, fractions, percents] = items as [Item, Item, Item];
    const moved = await teacher.send('POST', `/api/journal/plan-items/${percents.id}`, {
      position: 1,
      topic: 'Проценты и доли',
    });
    expect(moved.statusCode).toBe(200);
    expect(topics(moved.json().items)).toEqual(['1:Проценты и доли', '2:Натуральные числа', '3:Дроби']);

    const linked = await teacher.send('POST', `/api/journal/lessons/${lessons[0]}`, { planItemId: first.id });
    expect(linked.json().topic).toBe('Натуральные числа');
    expect((await plan(teacher, courseId)).json().items[1].lessons).toEqual([
      { id: lessons[0], date: addDays(now, -1) },
    ]);

    const removed = await teacher.send('POST', `/api/journal/plan-items/${first.id}/remove`, {});
    expect(removed.statusCode).toBe(200);
    expect(topics(removed.json().items)).toEqual(['1:Проценты и доли', '2:Дроби']);
    expect(await lessonRow(lessons[0]!)).toMatchObject({ topic: 'Натуральные числа', planItemId: null });
    const events = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'after'])
      .where('entity', '=', 'planItem')
      .where('entityId', '=', String(first.id))
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['journal.plan_item.add', 'journal.plan_item.remove']);
    expect(JSON.parse(events[1]!.after!)).toEqual({ unlinkedLessons: [lessons[0]] });
    expect(fractions.id).toBeGreaterThan(0);
  });

  it('who may: readers see without canEdit (403 on writes), strangers 404, anonymous 401; a substitute cannot edit the КТП', async () => {
    const { courseId } = await freshCourse([addDays(now, -1)], [addDays(now, -1)]);
    const created = await add(teacher, courseId, { topic: 'Тема' });
    const itemId = created.json().items[0].id;
    expect((await plan(teacher, courseId)).json().canEdit).toBe(true);
    for (const reader of [deputy, substitute]) {
      const res = await plan(reader, courseId);
      expect(res.statusCode).toBe(200);
      expect(res.json().canEdit).toBe(false);
      expect((await add(reader, courseId, { topic: 'Чужая' })).statusCode).toBe(403);
      expect(
        (await reader.send('POST', `/api/journal/plan-items/${itemId}`, { topic: 'Чужая' })).statusCode,
      ).toBe(403);
      expect((await reader.send('POST', `/api/journal/plan-items/${itemId}/remove`, {})).statusCode).toBe(
        403,
      );
      expect((await reader.send('POST', `/api/journal/courses/${courseId}/plan/fill`, {})).statusCode).toBe(
        403,
      );
    }
    expect((await plan(other, courseId)).statusCode).toBe(404);
    expect((await add(other, courseId, { topic: 'Чужая' })).statusCode).toBe(404);
    expect((await other.send('POST', `/api/journal/plan-items/${itemId}/remove`, {})).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: `/api/journal/courses/${courseId}/plan` })).statusCode,
    ).toBe(401);
    expect((await plan(teacher, courseId)).json().items).toHaveLength(1);
  });

  it('400 names the field in Russian, or in English', async () => {
    const { courseId } = await freshCourse([]);
    const ru = await add(teacher, courseId, { topic: '  ', hours: 0 });
    expect(ru.statusCode).toBe(400);
    expect(ru.json().message).toContain('«Тема»');
    expect(ru.json().message).toContain('«Часы»');
    const en = await teacher.send(
      'POST',
      `/api/journal/courses/${courseId}/plan/items`,
      { topic: 'Тема', plannedOn: '31.12.2026' },
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toContain('«Planned date»');
  });

  it('plan vs fact: planned hours, held lessons, planned to date by dates, lag', async () => {
    const dates = [addDays(now, -10), addDays(now, -9), addDays(now, -3), addDays(now, 1)];
    const { courseId, lessons } = await freshCourse(dates);
    await add(teacher, courseId, { topic: 'А', hours: 2, plannedOn: addDays(now, -10) });
    await add(teacher, courseId, { topic: 'Б', plannedOn: addDays(now, -3) });
    await add(teacher, courseId, { topic: 'В', plannedOn: addDays(now, 5) });
    await teacher.send('POST', `/api/journal/lessons/${lessons[0]}`, { topic: 'А', editReason: 'Запись' });
    await teacher.send('POST', `/api/journal/lessons/${lessons[1]}`, { topic: 'А', editReason: 'Запись' });
    const res = await plan(teacher, courseId);
    expect(res.json().fact).toEqual({ plannedHours: 4, heldLessons: 3, plannedToDate: 3, lag: 1 });

    const undated = await freshCourse(dates);
    await add(teacher, undated.courseId, { topic: 'А', hours: 2 });
    expect((await plan(teacher, undated.courseId)).json().fact).toEqual({
      plannedHours: 2,
      heldLessons: 3,
      plannedToDate: 2,
      lag: 2,
    });
  });

  it('fills lessons without a topic in order: N hours fill N lessons, linked topics skipped, closed periods and given topics left alone', async () => {
    const dates = [
      '2026-10-05',
      addDays(now, -6),
      addDays(now, -5),
      addDays(now, -4),
      addDays(now, -2),
      addDays(now, 2),
    ];
    const { courseId, lessons } = await freshCourse(dates);
    const ids = [];
    for (const body of [
      { topic: 'Первая' },
      { topic: 'Вторая', hours: 2 },
      { topic: 'Третья' },
      { topic: 'Четвёртая' },
    ])
      ids.push((await add(teacher, courseId, body)).json().items.at(-1).id);
    await teacher.send('POST', `/api/journal/lessons/${lessons[1]}`, { planItemId: ids[0] });
    await teacher.send('POST', `/api/journal/lessons/${lessons[3]}`, { topic: 'Своя тема' });
    const res = await teacher.send('POST', `/api/journal/courses/${courseId}/plan/fill`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ filled: 3 });
    const rows = await Promise.all(lessons.map(lessonRow));
    expect(rows.map((r) => r.topic)).toEqual([null, 'Первая', 'Вторая', 'Своя тема', 'Вторая', 'Третья']);
    expect(rows[5]!.planItemId).toBe(ids[2]);
    expect(rows[5]!.topicEnteredAt).not.toBeNull();
    const again = await teacher.send('POST', `/api/journal/courses/${courseId}/plan/fill`, {
      from: addDays(now, -3),
    });
    expect(again.json()).toEqual({ filled: 0 });
    const events = await database.db
      .selectFrom('auditEvents')
      .select('after')
      .where('action', '=', 'journal.plan.fill')
      .where('entityId', '=', String(courseId))
      .orderBy('id')
      .execute();
    expect(events.map((e) => JSON.parse(e.after!).filled)).toEqual([3, 0]);
  });

  it('copies another course’s КТП: sources listed, refuses a non-empty plan (409), replaces when asked', async () => {
    const { courseId } = await freshCourse([]);
    const sources = await teacher.get(`/api/journal/courses/${courseId}/plan/sources`);
    expect(sources.statusCode).toBe(200);
    expect(sources.json().courses).toContainEqual({
      id: s.otherCourseId,
      subject: 'Математика',
      group: '6Б',
      teacher: 'Другова И. И.',
      year: '2026/2027',
      items: 2,
    });
    const copied = await teacher.send('POST', `/api/journal/courses/${courseId}/plan/copy`, {
      fromCourseId: s.otherCourseId,
    });
    expect(copied.statusCode).toBe(200);
    expect(topics(copied.json().items)).toEqual(['1:Натуральные числа', '2:Дроби']);
    expect(copied.json().items[1]).toMatchObject({ section: 'Числа', hours: 1 });
    const again = await teacher.send('POST', `/api/journal/courses/${courseId}/plan/copy`, {
      fromCourseId: s.otherCourseId,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('В КТП курса уже есть темы');
    await add(teacher, courseId, { topic: 'Лишняя' });
    const replaced = await teacher.send('POST', `/api/journal/courses/${courseId}/plan/copy`, {
      fromCourseId: s.otherCourseId,
      replace: true,
    });
    expect(topics(replaced.json().items)).toEqual(['1:Натуральные числа', '2:Дроби']);
    const self = await teacher.send('POST', `/api/journal/courses/${courseId}/plan/copy`, {
      fromCourseId: courseId,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().fields.fromCourseId).toBe('Нельзя скопировать КТП курса в него же.');
    const missing = await teacher.send('POST', `/api/journal/courses/${courseId}/plan/copy`, {
      fromCourseId: 999_999,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('copies last year’s КТП: topics in their order, planned dates dropped (kept from this year); a later year is no source; another school’s course is 404', async () => {
    const year = (schoolId: number, name: string, startsOn: string, endsOn: string) =>
      database.db
        .insertInto('academicYears')
        .values({ schoolId, name, startsOn, endsOn })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    const course = async (o: { schoolId: number; yearId: number; subjectId: number; teacherId: number }) => {
      const group = await buildClass(database.db, { ...o, grade: 4, letter: 'А' });
      return (
        await database.db
          .insertInto('courses')
          .values({
            schoolId: o.schoolId,
            academicYearId: o.yearId,
            subjectId: o.subjectId,
            teacherId: o.teacherId,
            groupId: group.groupId,
            hoursPerWeek: 5,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    };
    const items = (schoolId: number, courseId: number, list: [number, string, string | null][]) =>
      database.db
        .insertInto('planItems')
        .values(
          list.map(([position, topic, plannedOn]) => ({
            schoolId,
            courseId,
            position,
            topic,
            plannedOn,
            section: 'Повторение',
            hours: position,
            controlKind: position === 3 ? 'Контрольная работа' : null,
          })),
        )
        .execute();
    // Last year's 4А course: its items stored out of order, so the copy must follow the positions.
    const lastYear = await year(s.schoolId, '2025/2026', '2025-09-01', '2026-08-31');
    const nextYear = await year(s.schoolId, '2027/2028', '2027-09-01', '2028-08-31');
    const own = { schoolId: s.schoolId, subjectId: s.subjectId, teacherId: s.people.teacher.id };
    const lastCourse = await course({ ...own, yearId: lastYear });
    await items(s.schoolId, lastCourse, [
      [3, 'Уравнения', '2025-09-10'],
      [1, 'Сложение', '2025-09-02'],
      [2, 'Вычитание', '2025-09-05'],
    ]);
    const nextCourse = await course({ ...own, yearId: nextYear });
    await items(s.schoolId, nextCourse, [[1, 'Из будущего', '2027-09-02']]);
    const far = await buildSchool(database.db);
    const farTeacher = await buildPerson(database.db, { schoolId: far.schoolId, roles: ['teacher'] });
    const farYear = await year(far.schoolId, '2025/2026', '2025-09-01', '2026-08-31');
    const farCourse = await buildCourse(database.db, {
      schoolId: far.schoolId,
      yearId: farYear,
      groupId: (await buildClass(database.db, { schoolId: far.schoolId, yearId: farYear })).groupId,
      teacherId: farTeacher.id,
    });
    await items(far.schoolId, farCourse, [[1, 'Чужая тема', '2025-09-02']]);

    const { courseId } = await freshCourse([]);
    const sources = (await teacher.get(`/api/journal/courses/${courseId}/plan/sources`)).json().courses;
    // The newest year first: last year's course comes after every one of this year.
    expect(sources.at(-1)).toEqual({
      id: lastCourse,
      subject: 'Математика',
      group: '4А',
      teacher: 'Учителева И. И.',
      year: '2025/2026',
      items: 3,
    });
    expect(sources.slice(0, -1).map((c: { year: string }) => c.year)).toEqual(
      sources.slice(0, -1).map(() => '2026/2027'),
    );
    expect(sources.map((c: { id: number }) => c.id)).not.toContain(nextCourse);
    expect(sources.map((c: { id: number }) => c.id)).not.toContain(farCourse);

    const copied = await teacher.send('POST', `/api/journal/courses/${courseId}/plan/copy`, {
      fromCourseId: lastCourse,
    });
    expect(copied.statusCode).toBe(200);
    expect(
      copied
        .json()
        .items.map((i: Item & { controlKind: string | null }) => [
          i.position,
          i.topic,
          i.section,
          i.hours,
          i.controlKind,
          i.plannedOn,
        ]),
    ).toEqual([
      [1, 'Сложение', 'Повторение', 1, null, null],
      [2, 'Вычитание', 'Повторение', 2, null, null],
      [3, 'Уравнения', 'Повторение', 3, 'Контрольная работа', null],
    ]);
    // The source stays as it was.
    expect((await plan(teacher, lastCourse)).json().items.map((i: Item) => [i.topic, i.plannedOn])).toEqual([
      ['Сложение', '2025-09-02'],
      ['Вычитание', '2025-09-05'],
      ['Уравнения', '2025-09-10'],
    ]);
    // From a course of this year the planned dates come along.
    const thisYear = await freshCourse([]);
    await items(s.schoolId, thisYear.courseId, [[1, 'С датой', '2026-12-07']]);
    const dated = await teacher.send('POST', `/api/journal/courses/${courseId}/plan/copy`, {
      fromCourseId: thisYear.courseId,
      replace: true,
    });
    expect(dated.json().items.map((i: Item) => [i.topic, i.plannedOn])).toEqual([['С датой', '2026-12-07']]);

    const before = await plan(teacher, courseId);
    const later = await teacher.send('POST', `/api/journal/courses/${courseId}/plan/copy`, {
      fromCourseId: nextCourse,
      replace: true,
    });
    expect(later.statusCode).toBe(400);
    const stranger = await teacher.send('POST', `/api/journal/courses/${courseId}/plan/copy`, {
      fromCourseId: farCourse,
      replace: true,
    });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.body).not.toContain('Чужая тема');
    expect((await plan(teacher, courseId)).json().items).toEqual(before.json().items);
  });

  it('imports a CSV: the preview stores nothing, the commit stores every row; the section carries down', async () => {
    const { courseId } = await freshCourse([]);
    const csv = Buffer.from(
      '№;Раздел;Тема;Часы;Вид контроля;Дата (ДД.ММ.ГГГГ)\n1;Числа;Натуральные числа;2;;01.09.2026\n2;;Дроби;1,5;Контрольная работа;\n3;Геометрия;Углы;;;15.09.2026\n',
    );
    const preview = await importFile(teacher, courseId, '', csv);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      applied: false,
      format: 'csv',
      summary: { create: 3, errors: 0 },
    });
    expect(preview.json().rows[1].values).toMatchObject({ section: 'Числа', topic: 'Дроби', hours: '1,5' });
    expect((await plan(teacher, courseId)).json().items).toEqual([]);

    const commit = await importFile(teacher, courseId, '?commit=true', csv);
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toMatchObject({ applied: true, summary: { create: 3 } });
    const items: Item[] = (await plan(teacher, courseId)).json().items;
    expect(items.map((i) => [i.position, i.section, i.topic, i.hours, i.plannedOn])).toEqual([
      [1, 'Числа', 'Натуральные числа', 2, '2026-09-01'],
      [2, 'Числа', 'Дроби', 1.5, null],
      [3, 'Геометрия', 'Углы', 1, '2026-09-15'],
    ]);
    const appended = await importFile(teacher, courseId, '?commit=true', csv);
    expect(appended.statusCode).toBe(200);
    expect((await plan(teacher, courseId)).json().items).toHaveLength(6);
    await importFile(teacher, courseId, '?commit=true&replace=true', csv);
    expect((await plan(teacher, courseId)).json().items).toHaveLength(3);
    expect((await importFile(deputy, courseId, '', csv)).statusCode).toBe(403);
    expect((await importFile(other, courseId, '', csv)).statusCode).toBe(404);
  });

  it('all or nothing: one bad row refuses the whole file with the report, in Russian or English', async () => {
    const { courseId } = await freshCourse([]);
    const csv = Buffer.from('Тема;Часы;Дата\nДроби;1;01.09.2026\nУглы;много;31.02.2027\n;1;\n');
    const preview = await importFile(teacher, courseId, '', csv);
    expect(preview.json().summary).toMatchObject({ create: 1, errors: 2 });
    expect(preview.json().rows[1].errors.map((e: { label: string }) => e.label)).toEqual(['Часы', 'Дата']);
    const refused = await importFile(teacher, courseId, '?commit=true', csv);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('строка 3, «Часы»: Часы — число от 0,5 до 100');
    expect(refused.json().message).toContain('строка 4, «Тема»: Обязательное поле');
    expect(refused.json().report.applied).toBe(false);
    expect((await plan(teacher, courseId)).json().items).toEqual([]);
    const en = await importFile(teacher, courseId, '?commit=true', csv, 'text/csv');
    expect(en.statusCode).toBe(400);
    const english = await teacher.send(
      'POST',
      `/api/journal/courses/${courseId}/plan/import?commit=true`,
      csv,
      {
        'content-type': 'text/csv',
        'accept-language': 'en',
      },
    );
    expect(english.json().message).toContain('row 3, «Hours»');
    const noTopic = await importFile(
      teacher,
      courseId,
      '?commit=true',
      Buffer.from('Раздел;Часы\nЧисла;1\n'),
    );
    expect(noTopic.statusCode).toBe(400);
    expect(noTopic.json().report.fileErrors).toEqual(['В файле нет обязательного столбца «Тема».']);
    expect((await plan(teacher, courseId)).json().items).toEqual([]);
  });

  it('imports an XLSX with real dates and numbers', async () => {
    const { courseId } = await freshCourse([]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('КТП');
    sheet.addRow(['№', 'Раздел', 'Тема', 'Часы', 'Вид контроля', 'Дата (ДД.ММ.ГГГГ)']);
    sheet.addRow([1, 'Алгебра', 'Уравнения', 3, 'Самостоятельная работа', new Date(Date.UTC(2026, 9, 12))]);
    sheet.addRow([2, null, 'Неравенства', 1, null, '13.10.2026']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await importFile(teacher, courseId, '?commit=true', bytes, 'application/octet-stream');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ format: 'xlsx', applied: true });
    const items: Item[] = (await plan(teacher, courseId)).json().items;
    expect(items.map((i) => [i.section, i.topic, i.hours, i.plannedOn])).toEqual([
      ['Алгебра', 'Уравнения', 3, '2026-10-12'],
      ['Алгебра', 'Неравенства', 1, '2026-10-13'],
    ]);
  });

  it('the template is for those who keep or read journals: a parent is refused', async () => {
    const parent = await signIn(app, s.people.parent.login);
    const refused = await parent.get('/api/journal/plan/template?format=csv');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('forbidden');
    expect((await deputy.get('/api/journal/plan/template?format=csv')).statusCode).toBe(200);
  });

  it('the template (XLSX and CSV) imports as it is: three example topics', async () => {
    for (const format of ['xlsx', 'csv']) {
      const { courseId } = await freshCourse([]);
      const template = await teacher.get(`/api/journal/plan/template?format=${format}`);
      expect(template.statusCode).toBe(200);
      expect(template.headers['content-disposition']).toBe(`attachment; filename="otmetka-ktp.${format}"`);
      const res = await importFile(
        teacher,
        courseId,
        '?commit=true',
        template.rawPayload,
        'application/octet-stream',
      );
      expect(res.statusCode).toBe(200);
      const items: Item[] = (await plan(teacher, courseId)).json().items;
      expect(items.map((i) => [i.section, i.topic, i.hours, i.plannedOn])).toEqual([
        ['Натуральные числа', 'Ряд натуральных чисел', 1, '2026-09-01'],
        ['Натуральные числа', 'Сравнение натуральных чисел', 2, '2026-09-02'],
        ['Дроби', 'Обыкновенные дроби', 1, null],
      ]);
    }
  });
});
