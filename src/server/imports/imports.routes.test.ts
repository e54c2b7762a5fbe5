import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import {
  buildImportSchool,
  csvOf,
  recordCells,
  sampleRecord,
  snapshot,
  xlsxOf,
} from './imports.test-helpers.ts';
import { parseStudents } from './parse-students.ts';
import { readXlsx } from './read-table.ts';

const csv = { 'content-type': 'text/csv' };
const xlsx = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

describe.each(engines())('import routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof buildImportSchool>>;
  let teacher: Client;
  const url = (classId: number, preview = false) =>
    `/api/classes/${classId}/imports/students${preview ? '/preview' : ''}`;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await buildImportSchool(database.db);
    teacher = await signIn(app, s.teacher.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('the class teacher previews an XLSX file and sees each row’s outcome', async () => {
    const file = await xlsxOf([recordCells(sampleRecord('П-1', 'Орлов'))]);
    const res = await teacher.send('POST', `${url(s.a.classId, true)}?filename=5a.xlsx`, file, xlsx);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.summary).toEqual({ create: 1, update: 0, unchanged: 0, errors: 0 });
    expect(report.rows[0].values).toMatchObject({ lastName: 'Орлов', birthDate: '14.03.2015', sex: 'м' });
    expect(report.columns[0]).toEqual({ key: 'lastName', label: 'Фамилия' });
  });

  it('a bad row gives 400 naming the row and the column, in Russian or English, and stores nothing', async () => {
    const cells = recordCells(sampleRecord('П-2', 'Орлова'));
    cells[4] = 'муж.ж';
    const file = Buffer.from(`${csvOf([sampleRecord('П-3')]).toString()}\r\n${cells.join(';')}`, 'utf8');
    const before = await snapshot(database.db, s.schoolId);
    const ru = await teacher.send('POST', url(s.a.classId), file, csv);
    expect(ru.statusCode).toBe(400);
    expect(ru.json().message).toBe(
      'Файл не загружен, ничего не сохранено. Ошибки: строка 3, «Пол»: Укажите «м» или «ж».',
    );
    expect(ru.json().fields).toEqual({ 'rows.3.sex': 'строка 3, «Пол»: Укажите «м» или «ж»' });
    expect(ru.json().report.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['create', 'error']);
    const en = await teacher.send('POST', url(s.a.classId), file, { ...csv, 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toBe(
      'The file was not imported, nothing was stored. Errors: row 3, «Sex»: Write «м» (male) or «ж» (female).',
    );
    expect(await snapshot(database.db, s.schoolId)).toEqual(before);
  });

  it('imports a file all at once; the same file again is unchanged', async () => {
    const file = csvOf([sampleRecord('П-4', 'Белов'), sampleRecord('П-5', 'Белова')], { separator: ',' });
    const first = await teacher.send('POST', url(s.a.classId), file, {
      'content-type': 'application/octet-stream',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().summary).toMatchObject({ create: 2, errors: 0 });
    expect(first.json().applied).toBe(true);
    const list = await teacher.get(`/api/classes/${s.a.classId}/students`);
    expect(list.statusCode).toBe(200);
    expect(list.json().students.map((x: { lastName: string }) => x.lastName)).toEqual(
      expect.arrayContaining(['Белов', 'Белова']),
    );
    const again = await teacher.send('POST', url(s.a.classId), file, csv);
    expect(again.json().summary).toEqual({ create: 0, update: 0, unchanged: 2, errors: 0 });
  });

  it('the same file sent three times at once, with a preview beside it, imports once (a double click)', async () => {
    const file = csvOf([sampleRecord('П-40', 'Зайцев'), sampleRecord('П-41', 'Зайцева')]);
    const all = await Promise.all([
      ...[1, 2, 3].map(() => teacher.send('POST', url(s.a.classId), file, csv)),
      teacher.send('POST', url(s.a.classId, true), file, csv),
    ]);
    expect(all.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const created = all.slice(0, 3).map((r) => r.json().summary.create);
    expect(created.sort()).toEqual([0, 0, 2]);
    const list = (await teacher.get(`/api/classes/${s.a.classId}/students`)).json();
    const names = list.students.map((x: { lastName: string }) => x.lastName);
    expect(names.filter((n: string) => n.startsWith('Зайцев'))).toHaveLength(2);
  });

  it('a file that is no table is refused in one clear sentence per problem', async () => {
    const broken = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]);
    const res = await teacher.send('POST', url(s.a.classId), broken, xlsx);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      'Файл не загружен, ничего не сохранено. Ошибки: Не удалось прочитать файл как таблицу XLSX.',
    );
    const empty = await teacher.send('POST', url(s.a.classId), csvOf([]), {
      ...csv,
      'accept-language': 'en',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).not.toMatch(/\.\.|\.;/);
  });

  it('401 without a session', async () => {
    const res = await app.inject({ method: 'POST', url: url(s.a.classId), payload: csvOf([]), headers: csv });
    expect(res.statusCode).toBe(401);
  });

  it('403 for the class teacher of another class, a subject teacher and a parent; nothing stored', async () => {
    const file = csvOf([sampleRecord('Х-1')]);
    const before = await snapshot(database.db, s.schoolId);
    for (const login of [s.otherTeacher.login, s.subjectTeacher.login, s.parent.login]) {
      const client = await signIn(app, login);
      const res = await client.send('POST', url(s.a.classId), file, csv);
      expect(res.statusCode, login).toBe(403);
      expect(res.json().message).toBe('Недостаточно прав для этого действия.');
      expect((await client.send('POST', url(s.a.classId, true), file, csv)).statusCode).toBe(403);
    }
    const parent = await signIn(app, s.parent.login);
    expect((await parent.get('/api/imports/students/template')).statusCode).toBe(403);
    expect(await snapshot(database.db, s.schoolId)).toEqual(before);
  });

  it('404 for a class that does not exist or is in another school', async () => {
    const other = await buildSchool(database.db);
    const stranger = await buildPerson(database.db, { schoolId: other.schoolId, roles: ['admin'] });
    const client = await signIn(app, stranger.login);
    expect((await client.send('POST', url(s.a.classId), csvOf([]), csv)).statusCode).toBe(404);
    expect((await teacher.send('POST', url(999_999), csvOf([]), csv)).statusCode).toBe(404);
  });

  it('413 for a file over 5 MB, 415 for JSON', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x41);
    const res = await teacher.send('POST', url(s.a.classId, true), big, csv);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('payload_too_large');
    const json = await teacher.send('POST', url(s.a.classId, true), { a: 1 });
    expect(json.statusCode).toBe(415);
  });

  it('the administrator imports into any class of the school', async () => {
    const admin = await signIn(app, s.admin.login);
    const res = await admin.send('POST', url(s.b.classId), csvOf([sampleRecord('П-9', 'Юрьев')]), csv);
    expect(res.statusCode).toBe(200);
  });

  it('the template downloads as XLSX and as CSV, and reads back with every column', async () => {
    const res = await teacher.get('/api/imports/students/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const parsed = parseStudents(await readXlsx(res.rawPayload));
    expect(parsed.missingColumns).toEqual([]);
    expect(parsed.unknownColumns).toEqual([]);
    const twin = await teacher.get('/api/imports/students/template?format=csv');
    expect(twin.headers['content-type']).toContain('text/csv');
    expect(twin.body).toContain('Номер личного дела;');
  });
});
