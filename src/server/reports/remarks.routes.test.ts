import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { controlSchool } from '../control/control.test-helpers.ts';
import type { Database } from '../db/database.ts';

describe.each(engines())('the remarks routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof controlSchool>>;
  let deputy: Client;
  let director: Client;
  let mathT: Client;
  let rusT: Client;
  let parent: Client;
  let admin: Client;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await controlSchool(database.db);
    deputy = await signIn(app, s.people.deputy.login);
    director = await signIn(app, s.people.director.login);
    mathT = await signIn(app, s.people.mathT.login);
    rusT = await signIn(app, s.people.rusT.login);
    parent = await signIn(app, s.people.parent.login);
    admin = await signIn(app, s.people.admin.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('the deputy writes (201), the teacher fixes, the deputy closes; each answer is the remark as it now stands', async () => {
    const created = await deputy.send('POST', '/api/remarks', {
      courseId: s.courses.math5,
      lessonId: s.lessons.math0914,
      text: 'Нет домашнего задания.',
    });
    expect(created.statusCode).toBe(201);
    const remark = created.json();
    expect(remark).toMatchObject({
      courseId: s.courses.math5,
      lessonId: s.lessons.math0914,
      lessonDate: '2026-09-14',
      status: 'open',
      className: '5А',
    });

    const list = await mathT.get('/api/remarks?status=active');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { id: number; canFix: boolean }) => [r.id, r.canFix])).toEqual([
      [remark.id, true],
    ]);
    expect(list.json().canManage).toBe(false);

    const fixed = await mathT.send('POST', `/api/remarks/${remark.id}/fix`, { note: 'Записал.' });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ status: 'fixed', fixNote: 'Записал.' });
    const again = await mathT.send('POST', `/api/remarks/${remark.id}/fix`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Замечание уже исправлено или закрыто.');

    const lead = (await director.get('/api/remarks')).json();
    expect(lead.canManage).toBe(true);
    expect(lead.byTeacher).toEqual([
      { teacherId: s.people.mathT.id, teacher: expect.stringMatching(/^Математикова /), open: 0, fixed: 1 },
    ]);

    const back = await director.send('POST', `/api/remarks/${remark.id}/reopen`, { text: 'Нет страниц' });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ status: 'open', fixNote: null });
    expect((await deputy.send('POST', `/api/remarks/${remark.id}/reopen`, {})).statusCode).toBe(409);

    const closed = await deputy.send('POST', `/api/remarks/${remark.id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedBy: 'Завучева А. И.' });
    const twice = await director.send(
      'POST',
      `/api/remarks/${remark.id}/close`,
      {},
      { 'accept-language': 'en' },
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('The remark is already closed.');
    const closedList = (await mathT.get('/api/remarks?status=closed')).json();
    expect(closedList.items.map((r: { id: number; status: string }) => [r.id, r.status])).toEqual([
      [remark.id, 'closed'],
    ]);
  });

  it('400 on bad input, naming the field in Russian (English on request)', async () => {
    const short = await deputy.send('POST', '/api/remarks', { courseId: s.courses.math5, text: 'ок' });
    expect(short.statusCode).toBe(400);
    expect(Object.keys(short.json().fields)).toEqual(['text']);
    const other = await deputy.send('POST', '/api/remarks', {
      courseId: s.courses.math5,
      lessonId: s.lessons.rus0914,
      text: 'Урок не тот',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().fields).toEqual({
      lessonId: 'Этот урок не из журнала, к которому пишется замечание.',
    });
    expect(other.json().message).toContain('Урок');
    const english = await deputy.send(
      'POST',
      '/api/remarks',
      { courseId: s.courses.math5, lessonId: s.lessons.rus0914, text: 'Урок не тот' },
      { 'accept-language': 'en' },
    );
    expect(english.json().fields.lessonId).toBe(
      'This lesson is not of the journal the remark is written on.',
    );
    expect((await deputy.get('/api/remarks?status=done')).statusCode).toBe(400);
    expect((await deputy.get('/api/remarks?teacherId=abc')).statusCode).toBe(400);
    expect((await deputy.send('POST', '/api/remarks/abc/close')).statusCode).toBe(400);
    const long = await mathT.send('POST', '/api/remarks/1/fix', { note: 'я'.repeat(1001) });
    expect(long.statusCode).toBe(400);
    expect(Object.keys(long.json().fields)).toEqual(['note']);
    expect(
      (await deputy.send('POST', '/api/remarks', { courseId: s.courses.math5, text: 'Лишнее', x: 1 }))
        .statusCode,
    ).toBe(400);
  });

  it('401 without a session, 403 without the CSRF token, 403 for staff who may not, 404 for families and unknown ids', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/remarks' })).statusCode).toBe(401);
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/remarks',
      payload: { courseId: s.courses.math5, text: 'Без токена' },
      headers: { cookie: deputy.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);

    const remark = (
      await deputy.send('POST', '/api/remarks', { courseId: s.courses.math5, text: 'Нет тем уроков.' })
    ).json();
    expect(
      (await mathT.send('POST', '/api/remarks', { courseId: s.courses.math5, text: 'Себе' })).statusCode,
    ).toBe(403);
    expect((await mathT.send('POST', `/api/remarks/${remark.id}/close`)).statusCode).toBe(403);
    expect((await mathT.send('POST', `/api/remarks/${remark.id}/reopen`, {})).statusCode).toBe(403);
    expect((await deputy.send('POST', `/api/remarks/${remark.id}/fix`, {})).statusCode).toBe(403);
    expect((await admin.get('/api/remarks')).statusCode).toBe(403);
    // Another teacher does not see the remark at all.
    expect((await rusT.send('POST', `/api/remarks/${remark.id}/fix`, {})).statusCode).toBe(404);
    expect((await rusT.get('/api/remarks')).json().items).toEqual([]);
    expect((await parent.get('/api/remarks')).statusCode).toBe(404);
    expect((await parent.send('POST', `/api/remarks/${remark.id}/fix`, {})).statusCode).toBe(404);
    expect((await deputy.send('POST', '/api/remarks/99999999/close')).statusCode).toBe(404);
    expect(
      (await deputy.send('POST', '/api/remarks', { courseId: 99_999_999, text: 'Нет журнала' })).statusCode,
    ).toBe(404);
    expect((await deputy.get('/api/remarks?courseId=99999999')).statusCode).toBe(404);
    // Nothing refused was written.
    const rows = await database.db
      .selectFrom('remarks')
      .select(['id', 'fixedAt', 'closedAt'])
      .where('id', '=', remark.id)
      .execute();
    expect(rows).toEqual([{ id: remark.id, fixedAt: null, closedAt: null }]);
  });

  it('GET /api/reports/remarks: the report through the report scope; a teacher may not ask for another’s', async () => {
    const res = await deputy.get('/api/reports/remarks?from=2026-09-01&to=2027-05-31');
    expect(res.statusCode).toBe(200);
    expect(res.json().range).toMatchObject({ from: '2026-09-01', to: '2027-05-31' });
    expect(res.json().byTeacher[0]).toMatchObject({ teacherId: s.people.mathT.id });
    expect((await mathT.get(`/api/reports/remarks?teacherId=${s.people.rusT.id}`)).statusCode).toBe(403);
    expect((await parent.get('/api/reports/remarks')).statusCode).toBe(404);
    expect((await deputy.get('/api/reports/remarks?from=2026-10-01&to=2026-09-01')).statusCode).toBe(400);
  });

  it('exports the remarks report to XLSX and PDF through the generic export route', async () => {
    const xlsx = await deputy.get('/api/reports/remarks/export?format=xlsx&from=2026-09-01&to=2027-05-31');
    expect(xlsx.statusCode).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    book.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          texts.push(String(cell.text));
        });
      });
    });
    expect(texts).toContain('Нет тем уроков.');
    expect(texts).toContain('Открыто');
    expect(texts).toContain('Учитель');
    expect(texts.some((t) => t.startsWith('Математикова'))).toBe(true);
    const pdf = await deputy.get('/api/reports/remarks/export?format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(String(pdf.headers['content-type'])).toContain('pdf');
    expect((await parent.get('/api/reports/remarks/export?format=pdf')).statusCode).toBe(404);
  });
});
