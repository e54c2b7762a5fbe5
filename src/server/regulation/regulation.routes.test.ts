import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { pdfText } from '../print/summary-fixture.test-helpers.ts';

describe.each(engines())('the regulation on keeping the journal on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let schoolId = 0;
  let director: Client;
  let deputy: Client;
  let admin: Client;
  let teacher: Client;
  let otherDirector: Client;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database, { BACKUP_AT: '03:15' });
    ({ schoolId } = await buildSchool(database.db));
    const other = await buildSchool(database.db);
    const person = async (roles: ('director' | 'deputy' | 'admin' | 'teacher')[], school = schoolId) =>
      signIn(app, (await buildPerson(database.db, { schoolId: school, roles })).login);
    director = await person(['director']);
    deputy = await person(['deputy']);
    admin = await person(['admin']);
    teacher = await person(['teacher']);
    otherDirector = await person(['director'], other.schoolId);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const section = async (client: Client, key: string) =>
    (
      (await client.get('/api/regulation')).json().sections as {
        key: string;
        text: string;
        edited: boolean;
      }[]
    ).find((s) => s.key === key);
  const events = (action: string) =>
    database.db
      .selectFrom('auditEvents')
      .select(['before', 'after'])
      .where('schoolId', '=', schoolId)
      .where('action', '=', action)
      .execute();

  it('shows the text with the school’s deadlines, and follows the settings when they change', async () => {
    expect((await section(deputy, 'timeliness'))?.text).toContain('в течение 7 дней после проведения работы');
    expect((await section(admin, 'backups'))?.text).toContain('ежедневно в 03:15');
    const { settings } = (await admin.get('/api/settings')).json();
    expect(
      (await admin.send('POST', '/api/settings', { ...settings, writtenWorkMarksDays: 4 })).statusCode,
    ).toBe(200);
    expect((await section(director, 'timeliness'))?.text).toContain(
      'в течение 4 дней после проведения работы',
    );
    const view = (await director.get('/api/regulation')).json();
    expect(view.abilities).toEqual({ edit: true });
    expect((await deputy.get('/api/regulation')).json().abilities).toEqual({ edit: false });
  });

  it('lets the director change a section’s wording (audited) and approve; the version keeps its text', async () => {
    const res = await director.send('PUT', '/api/regulation/draft', {
      sections: [{ key: 'responsibility', text: 'Работники отвечают за журнал.\n\nВторой абзац.' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sections.find((s: { key: string }) => s.key === 'responsibility')).toMatchObject({
      text: 'Работники отвечают за журнал.\n\nВторой абзац.',
      edited: true,
    });
    expect(await events('regulation.draft_saved')).toHaveLength(1);

    const approved = await director.send('POST', '/api/regulation/approve');
    expect(approved.statusCode).toBe(200);
    const [version] = approved.json().versions;
    expect(version).toMatchObject({ id: expect.any(Number), approvedBy: expect.any(String) });
    expect(await events('regulation.approved')).toHaveLength(1);
    expect(approved.json().draftEditedAt).toBeNull();
    // The next draft starts from the approved wording.
    expect(approved.json().sections.find((s: { key: string }) => s.key === 'responsibility')).toMatchObject({
      text: 'Работники отвечают за журнал.\n\nВторой абзац.',
      edited: true,
    });

    const pdf = await deputy.get(`/api/regulation/versions/${version.id}/file?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const read = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(read).toContain('УТВЕРЖДЕНО');
    expect(read).toContain('в течение 4 дней после проведения работы');
    expect(read).toContain('Работники отвечают за журнал.');

    const { settings } = (await admin.get('/api/settings')).json();
    await admin.send('POST', '/api/settings', { ...settings, writtenWorkMarksDays: 9 });
    const docx = await admin.get(`/api/regulation/versions/${version.id}/file?format=docx`);
    expect(docx.statusCode).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] as Uint8Array);
    expect(xml).toContain('в течение 4 дней после проведения работы');
    const draft = await director.get('/api/regulation/file?format=docx');
    const draftXml = strFromU8(
      unzipSync(new Uint8Array(draft.rawPayload))['word/document.xml'] as Uint8Array,
    );
    expect(draftXml).toContain('в течение 9 дней после проведения работы');
    expect(draftXml).toContain('ПРОЕКТ');
  });

  it('writes the English twin for an English reader', async () => {
    const res = await director.get('/api/regulation', { 'accept-language': 'en' });
    expect(res.json().title).toBe('Regulation on keeping the electronic class journal');
    expect(res.json().sections[2].text).toContain('within 9 days after the work');
    // Saving the English page unchanged changes no section's wording.
    const en = { 'accept-language': 'en' };
    const sections = res
      .json()
      .sections.map((x: { key: string; text: string }) => ({ key: x.key, text: x.text }));
    const saved = await director.send('PUT', '/api/regulation/draft', { sections }, en);
    expect(saved.statusCode).toBe(200);
    expect(
      saved
        .json()
        .sections.filter((x: { edited: boolean }) => x.edited)
        .map((x: { key: string }) => x.key),
    ).toEqual(['responsibility']);
  });

  it('answers 400 naming the field, 401, 403 to those who may not, 404 for another school’s version', async () => {
    const bad = await director.send('PUT', '/api/regulation/draft', {
      sections: [{ key: 'roles', text: ' ' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Текст раздела 1');
    const badKey = await director.send('PUT', '/api/regulation/draft', {
      sections: [{ key: 'roles', text: 'Текст' }, { key: 'нет-такого', text: 'Текст' }, null],
    });
    expect(badKey.statusCode).toBe(400);
    expect(Object.keys(badKey.json().fields).sort()).toEqual(['sections.1.key', 'sections.2']);
    expect(badKey.json().message).toBe('Проверьте поля: «Раздел», «Разделы положения».');
    expect((await director.get('/api/regulation/file?format=odt')).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/regulation' })).statusCode).toBe(401);
    expect((await teacher.get('/api/regulation')).statusCode).toBe(403);
    expect((await teacher.send('POST', '/api/regulation/approve')).statusCode).toBe(403);
    expect((await deputy.send('POST', '/api/regulation/approve')).statusCode).toBe(403);
    expect((await admin.send('PUT', '/api/regulation/draft', { sections: [] })).statusCode).toBe(403);
    const [version] = (await director.get('/api/regulation')).json().versions;
    expect(
      (await otherDirector.get(`/api/regulation/versions/${version.id}/file?format=pdf`)).statusCode,
    ).toBe(404);
    expect((await otherDirector.get('/api/regulation')).json().versions).toEqual([]);
  });
});
