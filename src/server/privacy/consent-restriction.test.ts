import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { systemCtx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import { queueJournalNotices } from '../notify/journal-notices.ts';
import { loadClassSections } from '../print/journal-class-data.ts';
import { buildPrivacyWorld, type PrivacyWorld } from './privacy.test-helpers.ts';

/**
 * 152-ФЗ: after a parent withdraws consent their contacts are hidden from every staff view, no
 * notice is queued for them, the journal records about the child stay; consent given again restores.
 */
describe.each(engines())('consent withdrawal restricts processing on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let w: PrivacyWorld;
  let teacher: Client;
  let admin: Client;
  const withdrawUrl = () => `/api/students/${w.s.id}/guardians/${w.mother.id}/consent/withdraw`;

  const queueLowMark = async () => {
    await queueJournalNotices(database.db, systemCtx(database.db), {
      schoolId: w.schoolId,
      lessonId: w.lessonId,
      items: [{ kind: 'mark', id: w.markId, studentId: w.s.id, value: '2' }],
    });
  };
  const lettersTo = async (personId: number) =>
    database.db
      .selectFrom('outbox')
      .select(['status', 'dedupeKey'])
      .where('personId', '=', personId)
      .orderBy('id')
      .execute();
  const usersCsv = async () => {
    const res = await admin.get(`/api/exchange/oneroster?yearId=${w.yearId}`);
    expect(res.statusCode).toBe(200);
    return strFromU8(unzipSync(new Uint8Array(res.rawPayload))['users.csv']!);
  };

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    w = await buildPrivacyWorld(database.db);
    teacher = await signIn(app, w.classTeacher.login);
    admin = await signIn(app, w.admin.login);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('refuses the withdrawal without a session (401), to a subject teacher (403), elsewhere (404)', async () => {
    const body = { withdrawnOn: '2026-11-01' };
    const anonymous = await app.inject({ method: 'POST', url: withdrawUrl(), payload: body });
    expect(anonymous.statusCode).toBe(401);
    const subject = await signIn(app, w.subjectTeacher.login);
    expect((await subject.send('POST', withdrawUrl(), body)).statusCode).toBe(403);
    const other = await signIn(app, w.otherClassTeacher.login);
    expect((await other.send('POST', withdrawUrl(), body)).statusCode).toBe(404);
    const stranger = `/api/students/${w.s.id}/guardians/${w.father.id}/consent/withdraw`;
    expect((await teacher.send('POST', stranger, body)).statusCode).toBe(404);
    const consents = await database.db
      .selectFrom('consents')
      .select('withdrawnOn')
      .where('guardianId', '=', w.mother.id)
      .execute();
    expect(consents).toEqual([{ withdrawnOn: null }]);
  });

  it('before: the staff see the mother’s contacts and a low mark queues her a letter', async () => {
    const card = (await teacher.get(`/api/students/${w.s.id}`)).json();
    expect(card.guardians[0]).toMatchObject({ phone: '+7 900 000-00-01', email: 'mother@example.org' });
    expect(await usersCsv()).toContain('mother@example.org');
    await queueLowMark();
    expect(await lettersTo(w.mother.id)).toEqual([expect.objectContaining({ status: 'pending' })]);
  });

  it('after: contacts hidden on the card, roster, export and printed journal; letters cancelled, none queued; marks stay', async () => {
    const res = await teacher.send('POST', withdrawUrl(), { withdrawnOn: '2026-11-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json().guardians[0]).toMatchObject({
      name: expect.stringContaining('Яковлева'),
      phone: null,
      extraPhone: null,
      email: null,
      workplace: null,
      consentWithdrawnOn: '2026-11-01',
    });
    const card = (await teacher.get(`/api/students/${w.s.id}`)).json();
    expect(card.guardians[0]).toMatchObject({ phone: null, email: null, workplace: null });
    const roster = (await teacher.get(`/api/classes/${w.a.classId}/roster`)).json();
    const s = roster.students.find((x: { id: number }) => x.id === w.s.id);
    expect(s.guardians[0]).toMatchObject({ phone: null, consentWithdrawnOn: '2026-11-01' });
    const csv = await usersCsv();
    expect(csv).toContain('Яковлева');
    expect(csv).not.toContain('mother@example.org');
    expect(csv).not.toContain('900 000-00-01');

    const journal = await loadClassSections(
      database.db,
      {
        schoolId: w.schoolId,
        classId: w.a.classId,
        academicYearId: w.yearId,
        periodId: null,
        courseIds: null,
        printedOn: '2026-11-02',
        lang: 'ru',
      },
      [],
      [],
    );
    const printed = journal.students.find((x) => x.id === w.s.id);
    expect(printed?.parents).toEqual([
      expect.objectContaining({
        lastName: 'Яковлева',
        phone: null,
        workplace: 'Согласие отозвано 01.11.2026',
      }),
    ]);

    expect(await lettersTo(w.mother.id)).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    await database.db.deleteFrom('outbox').where('personId', '=', w.mother.id).execute();
    await queueLowMark();
    expect(await lettersTo(w.mother.id)).toEqual([]);

    const marks = await database.db
      .selectFrom('marks')
      .select(['value', 'deletedAt'])
      .where('studentId', '=', w.s.id)
      .execute();
    expect(marks).toEqual([{ value: '2', deletedAt: null }]);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select('after')
      .where('schoolId', '=', w.schoolId)
      .where('action', '=', 'consent.withdrawn')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ withdrawnOn: '2026-11-01', lettersCancelled: 1 });
  });

  it('the mother still downloads her data, the withdrawal in it', async () => {
    const mother = await signIn(app, w.mother.login);
    const file = (await mother.get('/api/privacy/my-data')).json();
    expect(file.you.consents).toEqual([expect.objectContaining({ withdrawnOn: '2026-11-01' })]);
    expect(file.children[0].marks).toHaveLength(1);
  });

  it('consent given again restores the contacts and the notices', async () => {
    const res = await teacher.send('POST', `/api/students/${w.s.id}/guardians/${w.mother.id}/consent`, {
      givenOn: '2026-11-02',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().guardians[0]).toMatchObject({ phone: '+7 900 000-00-01', consentWithdrawnOn: null });
    const roster = (await teacher.get(`/api/classes/${w.a.classId}/roster`)).json();
    const s = roster.students.find((x: { id: number }) => x.id === w.s.id);
    expect(s.guardians[0].phone).toBe('+7 900 000-00-01');
    await queueLowMark();
    expect(await lettersTo(w.mother.id)).toEqual([expect.objectContaining({ status: 'pending' })]);
  });
});
