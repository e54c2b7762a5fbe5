import type { FastifyInstance } from 'fastify';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildClass, buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { assembleArchive } from './archive-manifest.ts';

const pdf = 'Классный журнал 5А 2026-2027.pdf';
const archive = assembleArchive(
  {
    school: { id: 1, name: 'Школа № 1' },
    class: { id: 2, name: '5А' },
    academicYear: { id: 3, name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-08-31' },
    createdOn: '2027-06-05',
  },
  [
    { name: pdf, content: Buffer.from('%PDF-1.7 журнал\n'.repeat(50)) },
    { name: 'Журнал 5А 2026-2027.xlsx', content: Buffer.from('PK таблица') },
  ],
);
const zipType = { 'content-type': 'application/zip' };

describe.each(engines())('archive routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let deputy: Client;
  let admin: Client;
  let teacher: Client;
  let s: Awaited<ReturnType<typeof buildSchool>>;
  let other: Awaited<ReturnType<typeof buildSchool>>;
  let classIds: number[];

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await buildSchool(database.db);
    other = await buildSchool(database.db);
    const db = database.db;
    const b = await buildClass(db, { schoolId: s.schoolId, yearId: s.yearId, grade: 5, letter: 'Б' });
    const ten = await buildClass(db, { schoolId: s.schoolId, yearId: s.yearId, grade: 10, letter: 'А' });
    const a = await buildClass(db, { schoolId: s.schoolId, yearId: s.yearId, grade: 5, letter: 'А' });
    await buildClass(db, { schoolId: other.schoolId, yearId: other.yearId, grade: 5, letter: 'В' });
    classIds = [a.classId, b.classId, ten.classId];
    deputy = await signIn(app, (await buildPerson(db, { schoolId: s.schoolId, roles: ['deputy'] })).login);
    admin = await signIn(app, (await buildPerson(db, { schoolId: s.schoolId, roles: ['admin'] })).login);
    teacher = await signIn(app, (await buildPerson(db, { schoolId: s.schoolId, roles: ['teacher'] })).login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists the years of the school and the classes of the chosen one, in grade and letter order', async () => {
    for (const client of [deputy, admin]) {
      const res = await client.get('/api/archive/classes');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        years: [{ id: s.yearId, name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-08-31' }],
        yearId: s.yearId,
        classes: [
          { id: classIds[0], name: '5А' },
          { id: classIds[1], name: '5Б' },
          { id: classIds[2], name: '10А' },
        ],
      });
    }
    const chosen = await deputy.get(`/api/archive/classes?yearId=${s.yearId}`);
    expect(chosen.json().classes).toHaveLength(3);
  });

  it('refuses a teacher (403), a stranger (401), another school’s year (404) and a bad year (400)', async () => {
    expect((await teacher.get('/api/archive/classes')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/archive/classes' })).statusCode).toBe(401);
    expect((await deputy.get(`/api/archive/classes?yearId=${other.yearId}`)).statusCode).toBe(404);
    const bad = await deputy.get('/api/archive/classes?yearId=пятый');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Учебный год');
    const en = await deputy.get('/api/archive/classes?yearId=x', { 'accept-language': 'en' });
    expect(en.json().message).toContain('Academic year');
  });

  it('checks an uploaded archive: intact, or each changed file in words', async () => {
    const good = await deputy.send('POST', '/api/archive/verify', archive, zipType);
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({
      ok: true,
      archive: { school: 'Школа № 1', class: '5А', academicYear: '2026/2027', createdOn: '2027-06-05' },
      files: [
        { name: pdf, status: 'ok' },
        { name: 'Журнал 5А 2026-2027.xlsx', status: 'ok' },
      ],
      problems: [],
    });
    const entries = unzipSync(archive);
    entries[pdf]![5] = entries[pdf]![5]! ^ 1;
    const tampered = Buffer.from(zipSync(entries));
    const bad = await admin.send('POST', '/api/archive/verify', tampered, {
      'content-type': 'application/octet-stream',
    });
    expect(bad.json()).toMatchObject({
      ok: false,
      files: [{ name: pdf, status: 'changed' }, { status: 'ok' }],
      problems: [
        {
          code: 'changed',
          file: pdf,
          message: `«${pdf}» изменён: размер или контрольная сумма SHA-256 не совпадают с manifest.json.`,
        },
      ],
    });
    const en = await admin.send('POST', '/api/archive/verify', Buffer.from('garbage'), {
      ...zipType,
      'accept-language': 'en',
    });
    expect(en.json()).toMatchObject({
      ok: false,
      archive: null,
      problems: [{ code: 'notZip', file: null, message: expect.stringContaining('cannot be read as a ZIP') }],
    });
  });

  it('refuses an empty upload (400), another type (415), a teacher (403) and a stranger (401)', async () => {
    const empty = await deputy.send('POST', '/api/archive/verify', Buffer.alloc(0), zipType);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('Проверьте поля: «Файл архива».');
    expect(empty.json().fields).toEqual({ archiveFile: 'Выберите файл архива (ZIP) для проверки.' });
    expect(
      (await deputy.send('POST', '/api/archive/verify', 'text', { 'content-type': 'text/plain' })).statusCode,
    ).toBe(415);
    expect((await teacher.send('POST', '/api/archive/verify', archive, zipType)).statusCode).toBe(403);
    const stranger = await app.inject({
      method: 'POST',
      url: '/api/archive/verify',
      payload: archive,
      headers: zipType,
    });
    expect([401, 403]).toContain(stranger.statusCode);
  });
});
