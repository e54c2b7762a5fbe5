import type { FastifyInstance } from 'fastify';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { handRoster, rosterCounts, rosterZip } from './roster-import.test-helpers.ts';

const zip = { 'content-type': 'application/zip' };

describe.each(engines())('OneRoster import routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: { schoolId: number; yearId: number };
  let admin: Client;
  let deputy: Client;
  const url = (yearId: number, preview = false) =>
    `/api/exchange/oneroster/${preview ? 'preview' : 'import'}?yearId=${yearId}`;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await buildSchool(database.db);
    admin = await signIn(
      app,
      (await buildPerson(database.db, { schoolId: s.schoolId, roles: ['admin'] })).login,
    );
    deputy = await signIn(
      app,
      (await buildPerson(database.db, { schoolId: s.schoolId, roles: ['deputy'] })).login,
    );
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('the administrator previews, then imports the archive', async () => {
    const body = Buffer.from(rosterZip(handRoster()));
    const preview = await admin.send('POST', url(s.yearId, true), body, zip);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ applied: false, totals: { errors: 0 } });
    const done = await admin.send('POST', url(s.yearId), body, {
      'content-type': 'application/octet-stream',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().applied).toBe(true);
    const classes = await database.db
      .selectFrom('classes')
      .select('letter')
      .where('academicYearId', '=', s.yearId)
      .execute();
    expect(classes.map((c) => c.letter).sort()).toEqual(['А', 'Б']);
  });

  it('400 for a file that is not a ZIP, in Russian or English', async () => {
    const ru = await admin.send('POST', url(s.yearId), Buffer.from('sourcedId,name\r\n'), zip);
    expect(ru.statusCode).toBe(400);
    expect(ru.json().message).toBe('Нужен архив ZIP с файлами OneRoster 1.2 CSV.');
    const en = await admin.send('POST', url(s.yearId, true), Buffer.from('nope'), {
      ...zip,
      'accept-language': 'en',
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toBe('A ZIP archive of OneRoster 1.2 CSV files is needed.');
  });

  it('400 for a CSV that cannot be read, naming the file', async () => {
    const broken = zipSync({ 'users.csv': new TextEncoder().encode('sourcedId,"givenName\r\nx,"y\r\n"z') });
    const res = await admin.send('POST', url(s.yearId, true), Buffer.from(broken), zip);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('users.csv');
  });

  it('400 with the report for a file of another year, and nothing stored', async () => {
    const other = await buildSchool(database.db);
    const adminOther = await signIn(
      app,
      (await buildPerson(database.db, { schoolId: other.schoolId, roles: ['admin'] })).login,
    );
    const before = await rosterCounts(database.db, other.schoolId);
    const res = await adminOther.send(
      'POST',
      url(other.yearId),
      Buffer.from(rosterZip(handRoster('2026'))),
      zip,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('academicSessions.csv, строка 2, «schoolYear»');
    expect(res.json().report.applied).toBe(false);
    expect(await rosterCounts(database.db, other.schoolId)).toEqual(before);
  });

  it('400 for a bad yearId, 401 without a session, 403 for the deputy, 404 for a year of another school', async () => {
    const body = Buffer.from(rosterZip(handRoster()));
    expect(
      (await admin.send('POST', '/api/exchange/oneroster/preview?yearId=abc', body, zip)).statusCode,
    ).toBe(400);
    const anonymous = await app.inject({
      method: 'POST',
      url: url(s.yearId, true),
      payload: body,
      headers: zip,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await deputy.send('POST', url(s.yearId, true), body, zip)).statusCode).toBe(403);
    const other = await buildSchool(database.db);
    expect((await admin.send('POST', url(other.yearId, true), body, zip)).statusCode).toBe(404);
    expect((await admin.send('POST', url(other.yearId), body, zip)).statusCode).toBe(404);
  });
});
