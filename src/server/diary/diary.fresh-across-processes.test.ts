import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { diarySchool } from './diary.test-helpers.ts';
import { weekCache } from './diary-cache.ts';
import type { DiaryWeek } from './week.ts';

// #5: a write invalidates the cached diary week at once, also in another server process. Two apps
// over the same database (the same SQLite file, the same PostgreSQL database), each with its own
// connection and its own module instances — hence its own week cache and any other process state:
// app A takes the teacher's writes, app B serves the parent's diary. An invalidation that only
// reached the writing process's memory would leave app B's cached week and ETag standing.
describe.each(engines())('diary freshness across two app instances on $name', (engine) => {
  let databaseA: Database;
  let databaseB: Database;
  let appA: FastifyInstance;
  let appB: FastifyInstance;
  let s: Awaited<ReturnType<typeof diarySchool>>;
  let teacherOnA: Client;
  let parentOnB: Client;
  let url: string;
  let child: number;

  /** The lesson of the week as app B's answer shows it. */
  function lessonOf(res: LightMyRequestResponse, lessonId: number) {
    const week = res.json() as DiaryWeek;
    const lesson = week.days.flatMap((d) => d.lessons).find((l) => l.lessonId === lessonId);
    if (!lesson) throw new Error(`lesson ${lessonId} is not in the week`);
    return lesson;
  }

  /** Warms the week on app B: 200, then 304 with its ETag (the body now sits in B's cache). */
  async function warmOnB(): Promise<{ first: LightMyRequestResponse; etag: string }> {
    const first = await parentOnB.get(url);
    expect(first.statusCode, first.body).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const cached = await parentOnB.get(url, { 'if-none-match': etag });
    expect(cached.statusCode).toBe(304);
    return { first, etag };
  }

  /**
   * After a write through app A: app B's next plain read (its cache) and its read with the old
   * ETag are both fresh, and the new ETag is then honoured with a 304.
   */
  async function freshOnB(etag: string): Promise<LightMyRequestResponse> {
    const plain = await parentOnB.get(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers.etag).not.toBe(etag);
    const conditional = await parentOnB.get(url, { 'if-none-match': etag });
    expect(conditional.statusCode, 'the old ETag must not get a 304').toBe(200);
    expect(conditional.body).toBe(plain.body);
    const again = await parentOnB.get(url, { 'if-none-match': conditional.headers.etag as string });
    expect(again.statusCode).toBe(304);
    return plain;
  }

  beforeAll(async () => {
    databaseA = await engine.open();
    s = await diarySchool(databaseA.db);
    appA = await testApp(databaseA);
    // App B: a module graph of its own (its own weekCache and any other module state), and its
    // own connection to the same database — as a second server process would have.
    vi.resetModules();
    const b = {
      app: await import('../../../test/app.ts'),
      database: await import('../db/database.ts'),
      cache: await import('./diary-cache.ts'),
    };
    expect(b.cache.weekCache).not.toBe(weekCache);
    databaseB = b.database.openDatabase(databaseA.url, { poolSize: 4 });
    appB = await b.app.testApp(databaseB);
    teacherOnA = await signIn(appA, s.people.ivanova.login);
    parentOnB = await b.app.signIn(appB, s.people.parent.login);
    child = s.diary.grigoriev.id;
    url = `/api/diary/${child}/week?date=2026-11-25`;
  });
  afterAll(async () => {
    await appB?.close();
    await databaseB?.close();
    await appA?.close();
    await databaseA?.close();
  });

  it("shows a mark saved through app A in app B's very next read (no 304 for the old ETag)", async () => {
    const { first, etag } = await warmOnB();
    expect(lessonOf(first, s.lessons.mathRecent).marks).toEqual([]);
    const saved = await teacherOnA.send('POST', '/api/journal/marks', {
      lessonId: s.lessons.mathRecent,
      studentId: child,
      workKindId: s.workKinds.answer,
      value: '4',
      version: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await freshOnB(etag);
    expect(lessonOf(after, s.lessons.mathRecent).marks.map((m) => m.value)).toEqual(['4']);
  });

  it("shows attendance taken through app A in app B's very next read", async () => {
    const { first, etag } = await warmOnB();
    expect(lessonOf(first, s.lessons.mathRecent).attendance).toBeNull();
    const saved = await teacherOnA.send('POST', '/api/journal/attendance', {
      lessonId: s.lessons.mathRecent,
      studentId: child,
      value: 'absent',
      version: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await freshOnB(etag);
    expect(lessonOf(after, s.lessons.mathRecent).attendance?.value).toBe('absent');
  });

  it("shows homework edited through app A in app B's very next read", async () => {
    const { first, etag } = await warmOnB();
    const homework = 'Стр. 57, №3 (across processes)';
    expect(lessonOf(first, s.lessons.mathRecent).homework).not.toBe(homework);
    const saved = await teacherOnA.send('POST', `/api/journal/lessons/${s.lessons.mathRecent}`, { homework });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await freshOnB(etag);
    expect(lessonOf(after, s.lessons.mathRecent).homework).toBe(homework);
  });
});
