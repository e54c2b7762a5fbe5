import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import { parseSchoolSettings } from '../../contract/settings.ts';
import type { Database } from '../db/database.ts';
import { countRows } from '../people/people.test-helpers.ts';

describe.each(engines())('school settings on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let schoolId = 0;
  let admin: Client;
  let teacher: Client;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    ({ schoolId } = await buildSchool(database.db));
    admin = await signIn(app, (await buildPerson(database.db, { schoolId, roles: ['admin'] })).login);
    teacher = await signIn(app, (await buildPerson(database.db, { schoolId, roles: ['teacher'] })).login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const stored = async () =>
    parseSchoolSettings(
      (
        await database.db
          .selectFrom('schools')
          .select('settings')
          .where('id', '=', schoolId)
          .executeTakeFirstOrThrow()
      ).settings,
    );

  it('shows Russian defaults: grade 1 unmarked, thresholds 4.5/3.5/2.5, the default work kinds', async () => {
    const res = await admin.get('/api/settings');
    expect(res.statusCode).toBe(200);
    const { settings, workKinds } = res.json();
    expect(settings.markedGrades).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect([settings.roundFive, settings.roundFour, settings.roundThree]).toEqual([4.5, 3.5, 2.5]);
    expect(settings).toMatchObject({
      topicSameDay: true,
      homeworkHoursAfterLastLesson: 1,
      writtenWorkMarksDays: 7,
    });
    expect(workKinds.find((w: { shortName: string }) => w.shortName === 'КР')).toMatchObject({ weight: 2 });
  });

  it('saves changed settings, audited with only what changed', async () => {
    const { settings } = (await admin.get('/api/settings')).json();
    const res = await admin.send('POST', '/api/settings', {
      ...settings,
      markedGrades: [3, 2, 4],
      roundFive: 4.6,
      idleTimeoutMinutesStaff: 45,
    });
    expect(res.statusCode).toBe(200);
    const now = await stored();
    expect(now.markedGrades).toEqual([2, 3, 4]);
    expect(now.roundingThresholds).toEqual({ five: 4.6, four: 3.5, three: 2.5 });
    expect(now.idleTimeoutMinutesStaff).toBe(45);
    const event = await database.db
      .selectFrom('auditEvents')
      .select(['before', 'after'])
      .where('action', '=', 'school.settings_updated')
      .where('schoolId', '=', schoolId)
      .executeTakeFirstOrThrow();
    expect(Object.keys(JSON.parse(event.after!)).sort()).toEqual([
      'idleTimeoutMinutesStaff',
      'markedGrades',
      'roundFive',
    ]);
  });

  it('refuses thresholds that do not decrease and out-of-range numbers, naming the field, storing nothing', async () => {
    const { settings } = (await admin.get('/api/settings')).json();
    const before = await stored();
    const audits = await countRows(database.db, 'auditEvents', schoolId);
    const order = await admin.send('POST', '/api/settings', { ...settings, roundFour: 4.8 });
    expect(order.statusCode).toBe(400);
    expect(order.json().fields).toHaveProperty('roundFour');
    expect(order.json().message).toContain('«Порог отметки «4»»');
    const en = await admin.send(
      'POST',
      '/api/settings',
      { ...settings, editWindowDays: -1 },
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toContain('«Edit window, days»');
    expect(await stored()).toEqual(before);
    expect(await countRows(database.db, 'auditEvents', schoolId)).toBe(audits);
  });

  it('adds, renames, reweighs and archives work kinds', async () => {
    const added = await admin.send('POST', '/api/work-kinds', {
      name: 'Проект',
      shortName: 'Пр',
      weight: 1.5,
    });
    expect(added.statusCode).toBe(200);
    const kind = added.json().workKinds.find((w: { name: string }) => w.name === 'Проект');
    expect(kind.weight).toBe(1.5);
    const dup = await admin.send('POST', '/api/work-kinds', { name: 'проект', shortName: 'П', weight: 1 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields).toHaveProperty('name');
    const renamed = await admin.send('POST', `/api/work-kinds/${kind.id}`, {
      name: 'Проектная работа',
      weight: 3,
    });
    expect(renamed.json().workKinds.find((w: { id: number }) => w.id === kind.id)).toMatchObject({
      name: 'Проектная работа',
      weight: 3,
    });
    // A new kind is neither a written work nor an assessment procedure until the school says so;
    // the defaults: «Контрольная работа» is both, «Ответ на уроке» neither.
    expect(kind).toMatchObject({ written: false, assessment: false });
    const defaults = renamed.json().workKinds as {
      shortName: string;
      written: boolean;
      assessment: boolean;
    }[];
    expect(defaults.find((w) => w.shortName === 'КР')).toMatchObject({ written: true, assessment: true });
    expect(defaults.find((w) => w.shortName === 'Отв')).toMatchObject({ written: false, assessment: false });
    const flagged = await admin.send('POST', `/api/work-kinds/${kind.id}`, {
      written: true,
      assessment: true,
    });
    expect(flagged.json().workKinds.find((w: { id: number }) => w.id === kind.id)).toMatchObject({
      written: true,
      assessment: true,
    });
    const flags = await database.db
      .selectFrom('workKinds')
      .select(['written', 'assessment'])
      .where('id', '=', kind.id)
      .executeTakeFirstOrThrow();
    expect([Number(flags.written), Number(flags.assessment)]).toEqual([1, 1]);
    const notBoolean = await admin.send('POST', `/api/work-kinds/${kind.id}`, { written: 'да' });
    expect(notBoolean.statusCode).toBe(400);
    expect(notBoolean.json().fields).toHaveProperty('written');
    const zero = await admin.send('POST', `/api/work-kinds/${kind.id}`, { weight: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().fields).toHaveProperty('weight');
    const archived = await admin.send('POST', `/api/work-kinds/${kind.id}/archive`, {});
    expect(archived.json().workKinds.some((w: { id: number }) => w.id === kind.id)).toBe(false);
    const row = await database.db
      .selectFrom('workKinds')
      .select('archivedAt')
      .where('id', '=', kind.id)
      .executeTakeFirstOrThrow();
    expect(row.archivedAt).not.toBeNull();
    expect((await admin.send('POST', `/api/work-kinds/${kind.id}`, { weight: 2 })).statusCode).toBe(409);
  });

  it('answers 403 to a teacher and 401 without a session, changing nothing', async () => {
    const kinds = await countRows(database.db, 'workKinds', schoolId);
    expect((await teacher.get('/api/settings')).statusCode).toBe(403);
    expect(
      (await teacher.send('POST', '/api/work-kinds', { name: 'X', shortName: 'X', weight: 1 })).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/settings' })).statusCode).toBe(401);
    expect(await countRows(database.db, 'workKinds', schoolId)).toBe(kinds);
  });
});
