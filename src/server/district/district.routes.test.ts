import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import {
  buildClass,
  buildCourse,
  buildDistrict,
  buildPerson,
  buildSchool,
  enroll,
  unique,
} from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';

describe.each(engines())('district routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let inspector: Client;
  let stranger: Client;
  let schoolAdmin: Client;
  let schoolId: number;
  let elsewhereId: number;
  let districts: number[] = [];

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    const db = database.db;
    const districtId = await buildDistrict(db);
    const otherDistrictId = await buildDistrict(db);
    districts = [districtId, otherDistrictId];
    ({ schoolId } = await buildSchool(db, { districtId }));
    const { yearId } = await db
      .selectFrom('academicYears')
      .select('id as yearId')
      .where('schoolId', '=', schoolId)
      .executeTakeFirstOrThrow();
    elsewhereId = (await buildSchool(db, { districtId: otherDistrictId })).schoolId;
    const teacher = await buildPerson(db, {
      schoolId,
      roles: ['teacher'],
      lastName: 'Петрова',
      firstName: 'Анна',
      middleName: 'Сергеевна',
    });
    const { groupId } = await buildClass(db, {
      schoolId,
      yearId,
      grade: 5,
      letter: 'А',
      classTeacherId: teacher.id,
    });
    await buildCourse(db, { schoolId, yearId, groupId, teacherId: teacher.id });
    for (let i = 0; i < 3; i++) {
      const s = await buildPerson(db, { schoolId, roles: ['student'], account: false });
      await enroll(db, { schoolId, groupId, studentId: s.id });
    }
    inspector = await signIn(
      app,
      (await buildPerson(db, { schoolId: null, districtId, roles: ['district'] })).login,
    );
    stranger = await signIn(
      app,
      (await buildPerson(db, { schoolId: null, districtId: otherDistrictId, roles: ['district'] })).login,
    );
    schoolAdmin = await signIn(app, (await buildPerson(db, { schoolId, roles: ['admin'] })).login);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const schoolCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('schools')
          .select((eb) => eb.fn.countAll().as('n'))
          // The test's districts only: other test files add schools to the same database meanwhile.
          .where('districtId', 'in', districts)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lists only the district’s own schools with classes and students', async () => {
    const res = await inspector.get('/api/district/schools');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.can).toEqual({ create: true });
    expect(body.schools).toEqual([expect.objectContaining({ id: schoolId, classes: 1, students: 3 })]);
  });

  it('shows a school’s structure read-only, and 404 to another district', async () => {
    const res = await inspector.get(`/api/district/schools/${schoolId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toMatchObject({ name: '2026/2027' });
    expect(body.classes).toEqual([
      { id: expect.any(Number), name: '5А', classTeacher: 'Петрова Анна Сергеевна', students: 3 },
    ]);
    expect(body.subjects.map((s: { name: string }) => s.name)).toEqual(['Математика']);
    expect(body.courses).toEqual([
      expect.objectContaining({
        subject: 'Математика',
        group: '5А',
        teacher: 'Петрова Анна Сергеевна',
        hoursPerWeek: 5,
      }),
    ]);
    const elsewhereYear = await database.db
      .selectFrom('academicYears')
      .select('id')
      .where('schoolId', '=', elsewhereId)
      .executeTakeFirstOrThrow();
    expect(
      (await inspector.get(`/api/district/schools/${schoolId}?yearId=${elsewhereYear.id}`)).statusCode,
    ).toBe(404);
    const badYear = await inspector.get(`/api/district/schools/${schoolId}?yearId=abc`);
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().message).toBe('Проверьте поля: «Учебный год».');
    expect(
      (await inspector.get(`/api/district/schools/${schoolId}?yearId=${body.year.id}`)).json().year.id,
    ).toBe(body.year.id);
    expect((await stranger.get(`/api/district/schools/${schoolId}`)).statusCode).toBe(404);
    expect((await inspector.get(`/api/district/schools/${elsewhereId}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/district/schools/${schoolId}`)).statusCode).toBe(403);
    expect((await schoolAdmin.get('/api/district/schools')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/district/schools' })).statusCode).toBe(401);
  });

  it('creates a school with its administrator, who must change the one-time password', async () => {
    const login = unique('dir');
    const res = await inspector.send('POST', '/api/district/schools', {
      schoolName: 'МБОУ «СОШ № 12»',
      schoolShortName: 'СОШ № 12',
      lastName: 'Кузнецова',
      firstName: 'Мария',
      middleName: 'Ивановна',
      login,
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { school, admin } = res.json();
    expect(admin).toMatchObject({ name: 'Кузнецова Мария Ивановна', login: login.toLowerCase() });
    expect(admin.password).toMatch(/^\S{10}$/);
    const list = (await inspector.get('/api/district/schools')).json();
    expect(list.schools.map((s: { shortName: string }) => s.shortName)).toContain('СОШ № 12');
    expect(
      (await stranger.get('/api/district/schools')).json().schools.map((s: { id: number }) => s.id),
    ).not.toContain(school.id);
    const first = await signIn(app, login, admin.password);
    const me = (await first.get('/api/me')).json();
    expect(me).toMatchObject({ mustChangePassword: true, roles: ['admin'], schools: [{ id: school.id }] });
  });

  it('refuses bad input naming the field (ru and en), a taken login and a school administrator, storing nothing', async () => {
    const before = await schoolCount();
    const body = {
      schoolName: 'СОШ',
      schoolShortName: '',
      lastName: 'Иванов',
      firstName: 'Иван',
      login: 'пётр',
    };
    const ru = await inspector.send('POST', '/api/district/schools', body);
    expect(ru.statusCode).toBe(400);
    expect(ru.json()).toMatchObject({
      message: 'Проверьте поля: «Краткое название», «Логин».',
      fields: {
        schoolShortName: 'Обязательное поле.',
        login: 'Только латинские буквы, цифры, точка, дефис и подчёркивание.',
      },
    });
    const en = await inspector.send('POST', '/api/district/schools', body, { 'accept-language': 'en' });
    expect(en.json().message).toBe('Please check the fields: «Short name», «Login».');
    const takenLogin = unique('taken');
    const taken = await inspector.send('POST', '/api/district/schools', {
      ...body,
      schoolShortName: 'СОШ № 99',
      login: takenLogin,
    });
    expect(taken.statusCode).toBe(201);
    const again = await inspector.send('POST', '/api/district/schools', {
      ...body,
      schoolShortName: 'СОШ № 98',
      login: takenLogin.toUpperCase(),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields).toEqual({ login: 'Этот логин уже занят.' });
    const refused = await schoolAdmin.send('POST', '/api/district/schools', {
      ...body,
      schoolShortName: 'X',
      login: unique('x'),
    });
    expect(refused.statusCode).toBe(403);
    expect(await schoolCount()).toBe(before + 1);
  });

  it('opens one school when the same one is sent three times at once (a double click)', async () => {
    const before = await schoolCount();
    const login = unique('twice');
    const body = {
      schoolName: 'МБОУ «СОШ № 7»',
      schoolShortName: 'СОШ № 7',
      lastName: 'Орлова',
      firstName: 'Ольга',
      login,
    };
    const all = await Promise.all([1, 2, 3].map(() => inspector.send('POST', '/api/district/schools', body)));
    expect(all.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(all.find((r) => r.statusCode === 409)!.json().fields).toEqual({ login: 'Этот логин уже занят.' });
    expect(await schoolCount()).toBe(before + 1);
  });
});
