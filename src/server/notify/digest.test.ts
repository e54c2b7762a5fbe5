import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { linkGuardian } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { journalSchool } from '../journal/journal.test-helpers.ts';
import { localDate, queueDigests } from './digest.ts';
import { outboxOf } from './notify.test-helpers.ts';
import { setJobValue } from './telegram.ts';

describe.each(engines())('the daily digest on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof journalSchool>>;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await journalSchool(database.db);
    await linkGuardian(database.db, {
      schoolId: s.schoolId,
      guardianId: s.people.parent.id,
      studentId: s.students.alekseev,
    });
    const parent = await signIn(app, s.people.parent.login);
    const prefs = {
      emailEnabled: true,
      telegramEnabled: false,
      absencesInstant: false,
      markThreshold: null,
      digest: true,
    };
    const saved = await parent.send('PUT', '/api/notifications/settings', {
      prefs,
      email: 'digest-parent@example.test',
    });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('tells of a mark entered after the previous day’s digest, not only of today’s', async () => {
    const ivanova = await signIn(app, s.people.ivanova.login);
    const marked = await ivanova.send('POST', '/api/journal/marks', {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.alekseev,
      workKindId: s.workKinds.answer,
      value: '4',
      version: null,
    });
    expect(marked.statusCode).toBe(200);
    // Tomorrow at 19:00; yesterday's (today's) digest went at 18:00 and the mark came at 21:00.
    const now = new Date();
    now.setDate(now.getDate() + 1);
    now.setHours(19, 0, 0, 0);
    const previous = new Date(now);
    previous.setDate(previous.getDate() - 1);
    previous.setHours(18, 0, 0, 0);
    const entered = new Date(previous);
    entered.setHours(21, 0, 0, 0);
    await database.db
      .updateTable('marks')
      // The entry time is set once by the journal; a test moves it back.
      .set({ createdAt: entered.toISOString() } as never)
      .where('studentId', '=', s.students.alekseev)
      .execute();
    await database.db
      .deleteFrom('jobState')
      .where('key', '=', `digest.${localDate(now)}`)
      .execute();
    await setJobValue(database.db, `digest.${localDate(previous)}`, previous.toISOString());
    expect(await queueDigests(database.db, 0, now, s.schoolId)).toBe(1);
    const rows = (await outboxOf(database.db, s.schoolId)).filter((r) => r.kind === 'digest');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toContain('Отметка 4 — Математика');
  });
});
