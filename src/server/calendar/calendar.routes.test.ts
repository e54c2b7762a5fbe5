import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildClass, buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';

const quarters = [
  { startsOn: '2026-09-01', endsOn: '2026-10-23' },
  { startsOn: '2026-11-02', endsOn: '2026-12-28' },
  { startsOn: '2027-01-11', endsOn: '2027-03-19' },
  { startsOn: '2027-03-30', endsOn: '2027-05-26' },
];
const bells = [
  { lessonNumber: 1, startsAt: '08:30', endsAt: '09:15' },
  { lessonNumber: 2, startsAt: '09:25', endsAt: '10:10' },
];

describe.each(engines())('calendar routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: Client;
  let teacher: Client;
  let parent: Client;
  let otherAdmin: Client;
  let schoolId: number;
  let yearId: number;
  let otherYearId: number;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    const db = database.db;
    ({ schoolId, yearId } = await buildSchool(db));
    const other = await buildSchool(db);
    otherYearId = other.yearId;
    await buildClass(db, { schoolId, yearId, grade: 1, letter: 'А' });
    admin = await signIn(app, (await buildPerson(db, { schoolId, roles: ['admin'] })).login);
    teacher = await signIn(app, (await buildPerson(db, { schoolId, roles: ['teacher'] })).login);
    parent = await signIn(app, (await buildPerson(db, { schoolId, roles: ['parent'] })).login);
    otherAdmin = await signIn(
      app,
      (await buildPerson(db, { schoolId: other.schoolId, roles: ['admin'] })).login,
    );
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const entriesCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('calendarEntries')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('schoolId', '=', schoolId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lists years and refuses a second year that overlaps the first, naming the field', async () => {
    const list = await admin.get('/api/calendar/years');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      years: [{ id: yearId, name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-08-31' }],
      can: { manage: true },
    });
    const overlap = await admin.send('POST', '/api/calendar/years', {
      name: '2027/2028',
      startsOn: '2027-08-01',
      endsOn: '2028-08-31',
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json()).toMatchObject({
      message: 'Проверьте поля: «Дата начала».',
      fields: { startsOn: 'Пересекается с другим учебным годом школы.' },
    });
    const reversed = await admin.send(
      'POST',
      '/api/calendar/years',
      { name: '2027/2028', startsOn: '2028-08-31', endsOn: '2027-09-01' },
      { 'accept-language': 'en' },
    );
    expect(reversed.json()).toMatchObject({
      message: 'Please check the fields: «End date».',
      fields: { endsOn: 'The end cannot be earlier than the start.' },
    });
    const badName = await admin.send('POST', '/api/calendar/years', {
      name: 'следующий',
      startsOn: '2027-09-01',
      endsOn: '2028-08-31',
    });
    expect(badName.json().fields).toEqual({ name: 'Неверный формат.' });
    const created = await admin.send('POST', '/api/calendar/years', {
      name: '2027/2028',
      startsOn: '2027-09-01',
      endsOn: '2028-08-31',
    });
    expect(created.statusCode).toBe(201);
    expect(
      (await admin.get('/api/calendar/years')).json().years.map((y: { name: string }) => y.name),
    ).toEqual(['2027/2028', '2026/2027']);
  });

  it('sets quarters for grades 1–9 with the year period, and refuses overlapping periods', async () => {
    const bad = await admin.send('POST', `/api/calendar/years/${yearId}/schemes/quarters`, {
      grades: [1],
      periods: quarters.map((p, i) => (i === 1 ? { ...p, startsOn: '2026-10-20' } : p)),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      message: 'Проверьте поля: «Начало 2-го периода».',
      fields: { 'periods.1.startsOn': 'Период должен начинаться после окончания предыдущего.' },
    });
    const three = await admin.send('POST', `/api/calendar/years/${yearId}/schemes/quarters`, {
      grades: [1],
      periods: quarters.slice(0, 3),
    });
    expect(three.json().fields).toEqual({ periods: 'Неверное число периодов для этой системы.' });

    const grade12 = await admin.send('POST', `/api/calendar/years/${yearId}/schemes/quarters`, {
      grades: [12],
      periods: quarters,
    });
    expect(grade12.json()).toMatchObject({
      message: 'Проверьте поля: «Параллель (1-я в списке)».',
      fields: { 'grades.0': 'Не больше 11.' },
    });
    const ok = await admin.send('POST', `/api/calendar/years/${yearId}/schemes/quarters`, {
      grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      periods: quarters,
    });
    expect(ok.statusCode).toBe(200);
    const halves = await admin.send('POST', `/api/calendar/years/${yearId}/schemes/halves`, {
      grades: [9, 10, 11],
      periods: [
        { startsOn: '2026-09-01', endsOn: '2026-12-28' },
        { startsOn: '2027-01-11', endsOn: '2027-05-28' },
      ],
    });
    expect(halves.statusCode).toBe(200);
    const view = (await teacher.get(`/api/calendar/years/${yearId}`)).json();
    expect(view.can).toEqual({ manage: false });
    expect(
      view.schemes
        .filter((s: { scheme: string }) => s.scheme === 'halves')
        .map((s: { grade: number }) => s.grade),
    ).toEqual([9, 10, 11]);
    expect(
      view.periods.map(
        (p: { name: string; startsOn: string; endsOn: string }) => `${p.name} ${p.startsOn}–${p.endsOn}`,
      ),
    ).toEqual([
      '1 полугодие 2026-09-01–2026-12-28',
      '2 полугодие 2027-01-11–2027-05-28',
      '1 четверть 2026-09-01–2026-10-23',
      '2 четверть 2026-11-02–2026-12-28',
      '3 четверть 2027-01-11–2027-03-19',
      '4 четверть 2027-03-30–2027-05-26',
      'Экзамен 2026-09-01–2027-05-28',
      'Итоговая 2026-09-01–2027-05-28',
      'Год 2026-09-01–2027-05-28',
    ]);
    expect(view.defaults.quarters[0]).toEqual({
      number: 1,
      name: '1 четверть',
      startsOn: '2026-09-01',
      endsOn: '2026-10-23',
    });
    expect(view.classes).toEqual([expect.objectContaining({ name: '1А', daysPerWeek: 5 })]);
  });

  it('adds a vacation and a transfer, edits and deletes them, all audited', async () => {
    const vacation = await admin.send('POST', `/api/calendar/years/${yearId}/entries`, {
      kind: 'vacation',
      name: 'Осенние каникулы',
      startsOn: '2026-10-24',
      endsOn: '2026-11-01',
    });
    expect(vacation.statusCode).toBe(201);
    const transfer = await admin.send('POST', `/api/calendar/years/${yearId}/entries`, {
      kind: 'workday',
      name: 'Перенос',
      startsOn: '2026-11-14',
      endsOn: '2026-11-14',
      asWeekday: 3,
    });
    expect(transfer.json()).toMatchObject({ kind: 'workday', asWeekday: 3, grade: null });
    const noWeekday = await admin.send('POST', `/api/calendar/years/${yearId}/entries`, {
      kind: 'workday',
      name: 'Перенос',
      startsOn: '2026-11-21',
      endsOn: '2026-11-21',
    });
    expect(noWeekday.statusCode).toBe(400);
    expect(noWeekday.json()).toMatchObject({
      message: 'Проверьте поля: «По расписанию дня».',
      fields: { asWeekday: 'Укажите, по расписанию какого дня недели (Пн–Сб) идёт этот день.' },
    });
    const outside = await admin.send('POST', `/api/calendar/years/${yearId}/entries`, {
      kind: 'vacation',
      name: 'Лето',
      startsOn: '2027-06-01',
      endsOn: '2027-09-30',
    });
    expect(outside.json().fields).toEqual({ endsOn: 'Дата должна быть внутри учебного года.' });
    const badDate = await admin.send('POST', `/api/calendar/years/${yearId}/entries`, {
      kind: 'holiday',
      name: 'Нет такого дня',
      startsOn: '2027-02-30',
      endsOn: '2027-02-30',
    });
    expect(Object.keys(badDate.json().fields)).toEqual(['startsOn', 'endsOn']);

    const id = vacation.json().id as number;
    const edited = await admin.send('POST', `/api/calendar/entries/${id}`, {
      kind: 'vacation',
      name: 'Осенние каникулы',
      startsOn: '2026-10-26',
      endsOn: '2026-11-03',
      grade: 1,
    });
    expect(edited.json()).toMatchObject({ startsOn: '2026-10-26', grade: 1 });
    expect((await admin.send('POST', `/api/calendar/entries/${id}/delete`)).statusCode).toBe(200);
    const entries = (await admin.get(`/api/calendar/years/${yearId}`)).json().entries;
    expect(entries.map((e: { name: string }) => e.name)).toEqual(['Перенос']);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('schoolId', '=', schoolId)
      .where('action', 'like', 'calendar.entry%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'calendar.entry_added',
      'calendar.entry_added',
      'calendar.entry_updated',
      'calendar.entry_deleted',
    ]);
  });

  it('prefills Russian public holidays once', async () => {
    const first = (await admin.send('POST', `/api/calendar/years/${yearId}/holidays`)).json();
    expect(first.added).toBeGreaterThan(5);
    const entries = (await admin.get(`/api/calendar/years/${yearId}`)).json().entries;
    expect(entries).toContainEqual(expect.objectContaining({ kind: 'holiday', startsOn: '2026-11-04' }));
    expect((await admin.send('POST', `/api/calendar/years/${yearId}/holidays`)).json()).toEqual({ added: 0 });
  });

  it('proposes the usual vacations once, keeping the school’s own', async () => {
    const fresh = await buildSchool(database.db);
    const freshAdmin = await signIn(
      app,
      (await buildPerson(database.db, { schoolId: fresh.schoolId, roles: ['admin'] })).login,
    );
    const url = `/api/calendar/years/${fresh.yearId}`;
    await freshAdmin.send('POST', `${url}/entries`, {
      kind: 'vacation',
      name: 'Наши осенние каникулы',
      startsOn: '2026-10-26',
      endsOn: '2026-11-03',
    });
    expect((await freshAdmin.send('POST', `${url}/vacations`)).json()).toEqual({ added: 4 });
    expect((await freshAdmin.send('POST', `${url}/vacations`)).json()).toEqual({ added: 0 });
    const entries = (await freshAdmin.get(url)).json().entries as { name: string }[];
    expect(entries.map((e) => e.name)).toEqual([
      'Наши осенние каникулы',
      'Зимние каникулы',
      'Дополнительные каникулы для 1 классов',
      'Весенние каникулы',
      'Летние каникулы',
    ]);
    expect((await teacher.send('POST', `${url}/vacations`)).statusCode).toBe(404);
    expect((await teacher.send('POST', `/api/calendar/years/${yearId}/vacations`)).statusCode).toBe(403);
  });

  it('keeps bell sets with weekdays, refusing overlapping lessons and a weekday in two sets', async () => {
    const main = await admin.send('POST', '/api/calendar/bells', {
      name: 'Основное',
      weekdays: [1, 2, 3, 4, 5],
      times: bells,
    });
    expect(main.statusCode).toBe(201);
    const clash = await admin.send('POST', '/api/calendar/bells', {
      name: 'Суббота',
      weekdays: [5, 6],
      times: bells,
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().fields).toEqual({
      weekdays: 'Этот день недели уже относится к другому расписанию звонков.',
    });
    const overlap = await admin.send(
      'POST',
      '/api/calendar/bells',
      {
        name: 'Суббота',
        weekdays: [6],
        times: [bells[0], { lessonNumber: 2, startsAt: '09:00', endsAt: '09:40' }],
      },
      { 'accept-language': 'en' },
    );
    expect(overlap.json()).toMatchObject({
      message: 'Please check the fields: «Lesson start (row 2)».',
      fields: { 'times.1.startsAt': 'The lesson starts before the previous one ends.' },
    });
    const unordered = await admin.send('POST', '/api/calendar/bells', {
      name: 'Суббота',
      weekdays: [6],
      times: [{ lessonNumber: 2, startsAt: '09:00', endsAt: '09:40' }, bells[0]],
    });
    expect(unordered.json().fields).toEqual({
      'times.0.startsAt': 'Урок начинается раньше, чем заканчивается предыдущий.',
    });
    const saturday = await admin.send('POST', '/api/calendar/bells', {
      name: 'Суббота',
      weekdays: [6],
      times: bells,
    });
    expect(saturday.statusCode).toBe(201);
    const id = main.json().id as number;
    const changed = await admin.send('POST', `/api/calendar/bells/${id}`, {
      name: 'Основное',
      weekdays: [1, 2, 3, 4, 5],
      times: [...bells, { lessonNumber: 3, startsAt: '10:20', endsAt: '11:05' }],
    });
    expect(changed.json().times).toHaveLength(3);
    const list = (await teacher.get('/api/calendar/bells')).json();
    expect(list.bells.map((b: { name: string; weekdays: number[] }) => [b.name, b.weekdays])).toEqual([
      ['Основное', [1, 2, 3, 4, 5]],
      ['Суббота', [6]],
    ]);
    expect((await admin.send('POST', `/api/calendar/bells/${saturday.json().id}/delete`)).statusCode).toBe(
      200,
    );
    expect((await admin.get('/api/calendar/bells')).json().bells).toHaveLength(1);
  });

  it('answers 401 without a session, 403 to a teacher and a parent, 404 for another school, storing nothing', async () => {
    const before = await entriesCount();
    const body = { kind: 'vacation', name: 'Каникулы', startsOn: '2026-12-29', endsOn: '2027-01-10' };
    const anonymous = await app.inject({ method: 'GET', url: `/api/calendar/years/${yearId}` });
    expect(anonymous.statusCode).toBe(401);
    expect((await teacher.send('POST', `/api/calendar/years/${yearId}/entries`, body)).statusCode).toBe(403);
    expect(
      (
        await teacher.send('POST', '/api/calendar/years', {
          name: '2030/2031',
          startsOn: '2030-09-01',
          endsOn: '2031-08-31',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await teacher.send('POST', '/api/calendar/bells', { name: 'X', weekdays: [6], times: bells }))
        .statusCode,
    ).toBe(403);
    expect((await parent.get('/api/calendar/years')).statusCode).toBe(403);
    expect((await parent.send('POST', `/api/calendar/years/${yearId}/entries`, body)).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/calendar/years/${yearId}`)).statusCode).toBe(404);
    expect((await otherAdmin.send('POST', `/api/calendar/years/${yearId}/entries`, body)).statusCode).toBe(
      404,
    );
    expect((await admin.get(`/api/calendar/years/${otherYearId}`)).statusCode).toBe(404);
    const transfer = (await admin.get(`/api/calendar/years/${yearId}`)).json().entries[0];
    expect((await otherAdmin.send('POST', `/api/calendar/entries/${transfer.id}/delete`)).statusCode).toBe(
      404,
    );
    expect((await teacher.send('POST', `/api/calendar/entries/${transfer.id}/delete`)).statusCode).toBe(403);
    expect(await entriesCount()).toBe(before);
  });
});
