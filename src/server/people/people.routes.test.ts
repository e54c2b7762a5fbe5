import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { hasConsent } from './consent.queries.ts';
import { buildClassWorld, type ClassWorld, countRows } from './people.test-helpers.ts';

describe.each(engines())('students, parents and consent over HTTP on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let w: ClassWorld;
  let admin: Client;
  let teacher: Client;
  let subject: Client;
  let other: Client;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    w = await buildClassWorld(database.db);
    admin = await signIn(app, w.admin.login);
    teacher = await signIn(app, w.classTeacher.login);
    subject = await signIn(app, w.subjectTeacher.login);
    other = await signIn(app, w.otherClassTeacher.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('«Мой класс» lists the class in Russian order with parents, consent and accounts', async () => {
    const res = await teacher.get(`/api/classes/${w.a.classId}/roster`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.class.name).toBe('5А');
    expect(body.can.edit).toBe(true);
    expect(body.students.map((s: { lastName: string }) => s.lastName)).toEqual(['Андреева', 'Яковлев']);
    const s = body.students[1];
    expect(s).toMatchObject({ consent: true, account: 'active', departedOn: null });
    expect(s.guardians).toEqual([
      expect.objectContaining({
        id: w.mother.id,
        kind: 'mother',
        consentGivenOn: '2026-09-01',
        account: 'active',
      }),
    ]);
    expect(body.students[0]).toMatchObject({ consent: false, guardians: [] });
  });

  it('refuses another class’s roster to a class teacher (403) and to a subject teacher (403)', async () => {
    expect((await other.get(`/api/classes/${w.a.classId}/roster`)).statusCode).toBe(403);
    expect((await subject.get(`/api/classes/${w.a.classId}/roster`)).statusCode).toBe(403);
    expect((await teacher.get('/api/classes/999999/roster')).statusCode).toBe(404);
  });

  it('shows the class teacher the whole card, a subject teacher names only; both views are logged', async () => {
    const before = await countRows(database.db, 'cardViews', w.schoolId);
    const full = (await teacher.get(`/api/students/${w.s.id}`)).json();
    expect(full).toMatchObject({
      birthDate: '2015-02-03',
      address: 'ул. Мира, 5',
      file: { fileNumber: 'S-1', arrivedOn: '2020-09-01' },
      consent: true,
      can: { edit: true, personal: true },
    });
    expect(full.guardians).toHaveLength(1);
    const names = (await subject.get(`/api/students/${w.s.id}`)).json();
    expect(names).toMatchObject({
      lastName: 'Яковлев',
      birthDate: null,
      address: null,
      phone: null,
      email: null,
      file: null,
      guardians: [],
      consent: null,
      can: { edit: false, personal: false },
    });
    // The class teacher saw S and S's mother; the subject teacher S alone.
    expect(await countRows(database.db, 'cardViews', w.schoolId)).toBe(before + 3);
    const log = await teacher.get(`/api/students/${w.s.id}/views`);
    expect(log.statusCode).toBe(200);
    expect(
      log
        .json()
        .views.slice(0, 2)
        .map((v: { viewer: string }) => v.viewer.split(' ')[0]),
    ).toEqual(['Предметник', 'Классная']);
    expect(log.json().views[1]).toMatchObject({
      subject: { kind: 'guardian', id: w.mother.id, name: expect.stringContaining('Яковлева') },
      source: 'card',
    });
    expect((await subject.get(`/api/students/${w.s.id}/views`)).statusCode).toBe(403);
    expect((await other.get(`/api/students/${w.s.id}/views`)).statusCode).toBe(404);
  });

  it('lets the class teacher edit the personal file, audited; another class teacher gets 404 and changes nothing', async () => {
    const res = await teacher.send('POST', `/api/students/${w.t.id}`, {
      phone: '+7 900 123-45-67',
      healthGroup: 'II',
      peGroup: 'основная',
      sex: 'f',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: '+7 900 123-45-67', sex: 'f', file: { healthGroup: 'II' } });
    const audits = await countRows(database.db, 'auditEvents', w.schoolId);
    const refused = await other.send('POST', `/api/students/${w.t.id}`, { phone: '+7 000' });
    expect(refused.statusCode).toBe(404);
    expect(await countRows(database.db, 'auditEvents', w.schoolId)).toBe(audits);
    const row = await database.db
      .selectFrom('persons')
      .select('phone')
      .where('id', '=', w.t.id)
      .executeTakeFirstOrThrow();
    expect(row.phone).toBe('+7 900 123-45-67');
  });

  it('answers bad input with 400 naming the field in Russian and in English, storing nothing', async () => {
    const audits = await countRows(database.db, 'auditEvents', w.schoolId);
    const ru = await teacher.send('POST', `/api/students/${w.t.id}`, { birthDate: '2015-13-45' });
    expect(ru.statusCode).toBe(400);
    expect(ru.json().message).toContain('«Дата рождения»');
    expect(ru.json().fields).toHaveProperty('birthDate');
    const ancient = await teacher.send('POST', `/api/students/${w.t.id}`, { birthDate: '0001-01-01' });
    expect(ancient.statusCode).toBe(400);
    expect(ancient.json().fields).toEqual({ birthDate: 'Недопустимое значение.' });
    const en = await teacher.send(
      'POST',
      '/api/students',
      { classId: w.a.classId, lastName: 'Новиков', firstName: 'Олег' },
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toContain('«Personal file number»');
    const taken = await teacher.send('POST', '/api/students', {
      classId: w.a.classId,
      lastName: 'Новиков',
      firstName: 'Олег',
      fileNumber: 'U-1',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().fields).toEqual({ fileNumber: 'Личное дело с таким номером уже есть в школе.' });
    expect(await countRows(database.db, 'auditEvents', w.schoolId)).toBe(audits);
  });

  it('creates a student in the own class only', async () => {
    const persons = await countRows(database.db, 'persons', w.schoolId);
    const refused = await teacher.send('POST', '/api/students', {
      classId: w.b.classId,
      lastName: 'Чужой',
      firstName: 'Иван',
      fileNumber: 'X-1',
    });
    expect(refused.statusCode).toBe(403);
    expect(await countRows(database.db, 'persons', w.schoolId)).toBe(persons);
    const created = await teacher.send('POST', '/api/students', {
      classId: w.a.classId,
      lastName: 'Борисов',
      firstName: 'Борис',
      fileNumber: 'B-1',
      birthDate: '2015-05-05',
    });
    expect(created.statusCode).toBe(201);
    const roster = (await teacher.get(`/api/classes/${w.a.classId}/roster`)).json();
    expect(roster.students.map((s: { lastName: string }) => s.lastName)).toEqual([
      'Андреева',
      'Борисов',
      'Яковлев',
    ]);
  });

  it('adds, edits and unlinks a parent; records and withdraws consent', async () => {
    const added = await teacher.send('POST', `/api/students/${w.t.id}/guardians`, {
      lastName: 'Андреев',
      firstName: 'Пётр',
      kind: 'father',
      phone: '+7 911 000-00-00',
      workplace: 'Завод',
    });
    expect(added.statusCode).toBe(200);
    const father = added.json().guardians[0];
    expect(father).toMatchObject({
      name: 'Андреев Пётр',
      kind: 'father',
      workplace: 'Завод',
      consentGivenOn: null,
    });
    expect(added.json().consent).toBe(false);

    const consent = await teacher.send('POST', `/api/students/${w.t.id}/guardians/${father.id}/consent`, {
      givenOn: '2026-09-02',
    });
    expect(consent.json()).toMatchObject({ consent: true, guardians: [{ consentGivenOn: '2026-09-02' }] });
    expect((await hasConsent(database.db, [w.t.id, w.u.id])).has(w.t.id)).toBe(true);
    const twice = await teacher.send('POST', `/api/students/${w.t.id}/guardians/${father.id}/consent`, {
      givenOn: '2026-09-03',
    });
    expect(twice.statusCode).toBe(409);
    const early = await teacher.send(
      'POST',
      `/api/students/${w.t.id}/guardians/${father.id}/consent/withdraw`,
      {
        withdrawnOn: '2026-08-01',
      },
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().fields).toHaveProperty('withdrawnOn');
    const withdrawn = await teacher.send(
      'POST',
      `/api/students/${w.t.id}/guardians/${father.id}/consent/withdraw`,
      { withdrawnOn: '2026-09-10' },
    );
    const future = await teacher.send('POST', `/api/students/${w.t.id}/guardians/${father.id}/consent`, {
      givenOn: '2090-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual({ givenOn: 'Дата не может быть позже сегодняшнего дня.' });
    expect(withdrawn.json().consent).toBe(false);
    expect((await hasConsent(database.db, [w.t.id])).size).toBe(0);

    const edited = await teacher.send('POST', `/api/students/${w.t.id}/guardians/${father.id}`, {
      extraPhone: '+7 911 111-11-11',
      kind: 'guardian',
    });
    expect(edited.json().guardians[0]).toMatchObject({
      extraPhone: null,
      consentWithdrawnOn: '2026-09-10',
      kind: 'guardian',
    });
    const regiven = await teacher.send('POST', `/api/students/${w.t.id}/guardians/${father.id}/consent`, {
      givenOn: '2026-09-11',
    });
    expect(regiven.json().guardians[0]).toMatchObject({
      extraPhone: '+7 911 111-11-11',
      consentWithdrawnOn: null,
      consentGivenOn: '2026-09-11',
    });
    expect(
      (await other.send('POST', `/api/students/${w.t.id}/guardians/${father.id}`, { workplace: 'X' }))
        .statusCode,
    ).toBe(404);

    const unlinked = await teacher.send('POST', `/api/students/${w.t.id}/guardians/${father.id}/unlink`, {});
    expect(unlinked.json().guardians).toEqual([]);
    const links = await database.db
      .selectFrom('guardianships')
      .select('archivedAt')
      .where('guardianId', '=', father.id)
      .execute();
    expect(links).toHaveLength(1);
    expect(links[0]!.archivedAt).not.toBeNull();
  });

  it('links an existing parent of the school to a second child, and refuses a non-parent', async () => {
    const linked = await teacher.send('POST', `/api/students/${w.t.id}/guardians/link`, {
      guardianId: w.mother.id,
      kind: 'mother',
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().guardians.map((g: { id: number }) => g.id)).toContain(w.mother.id);
    const again = await teacher.send('POST', `/api/students/${w.t.id}/guardians/link`, {
      guardianId: w.mother.id,
      kind: 'mother',
    });
    expect(again.statusCode).toBe(409);
    const notParent = await teacher.send('POST', `/api/students/${w.t.id}/guardians/link`, {
      guardianId: w.subjectTeacher.id,
      kind: 'other',
    });
    expect(notParent.statusCode).toBe(400);
    expect(notParent.json().fields).toEqual({ guardianId: 'Это не родитель из этой школы.' });
  });

  it('answers 401 without a session', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/classes/${w.a.classId}/roster` })).statusCode).toBe(
      401,
    );
    expect((await app.inject({ method: 'GET', url: `/api/students/${w.s.id}/views` })).statusCode).toBe(401);
  });

  it('lets the director read the roster but not change anything', async () => {
    const director = await signIn(app, w.director.login);
    const roster = await director.get(`/api/classes/${w.a.classId}/roster`);
    expect(roster.statusCode).toBe(200);
    expect(roster.json().can.edit).toBe(false);
    expect((await director.send('POST', `/api/students/${w.s.id}`, { phone: '1' })).statusCode).toBe(403);
    expect((await director.get(`/api/students/${w.s.id}/views`)).statusCode).toBe(403);
  });

  it('lets the admin reach any class', async () => {
    expect((await admin.get(`/api/classes/${w.b.classId}/roster`)).statusCode).toBe(200);
  });
});
