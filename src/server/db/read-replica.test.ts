import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines, type TestEngine } from '../../../test/databases.ts';
import { emptyDatabase } from '../../../test/processes.ts';
import { diaryWeek } from '../../contract/diary.ts';
import { readConfig } from '../config.ts';
import { diarySchool, testWeek } from '../diary/diary.test-helpers.ts';
import { serve } from '../main.ts';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

type School = Awaited<ReturnType<typeof diarySchool>>;

/** A seeded primary and a copy of it taken while nothing was connected; `drop` removes both. */
interface Pair {
  primaryUrl: string;
  copyUrl: string;
  drop(): Promise<void>;
}

async function seeded(url: string, seed: (database: Database) => Promise<void>): Promise<void> {
  const database = openDatabase(url, { poolSize: 2 });
  await migrateToLatest(database);
  await seed(database);
  await database.close();
}

let counter = 0;

async function primaryWithCopy(engine: TestEngine, seed: (d: Database) => Promise<void>): Promise<Pair> {
  if (engine.name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'otmetka-replica-'));
    const primaryUrl = join(dir, 'primary.db');
    const copyUrl = join(dir, 'replica.db');
    // Closing the last connection checkpoints the WAL into the file: the file alone is the copy.
    await seeded(primaryUrl, seed);
    copyFileSync(primaryUrl, copyUrl);
    return { primaryUrl, copyUrl, drop: async () => {} };
  }
  counter += 1;
  const base = `otmetka_replica_${process.pid}_${Date.now()}_${counter}`;
  const admin = openDatabase(engine.url(), { poolSize: 1 });
  const urlOf = (name: string) => Object.assign(new URL(engine.url()), { pathname: `/${name}` }).toString();
  await sql.raw(`create database ${base}_p`).execute(admin.db);
  await seeded(urlOf(`${base}_p`), seed);
  await sql.raw(`create database ${base}_r template ${base}_p`).execute(admin.db);
  return {
    primaryUrl: urlOf(`${base}_p`),
    copyUrl: urlOf(`${base}_r`),
    async drop() {
      await sql.raw(`drop database if exists ${base}_p`).execute(admin.db);
      await sql.raw(`drop database if exists ${base}_r`).execute(admin.db);
      await admin.close();
    },
  };
}

describe.each(engines())('read replica on $name', (engine) => {
  // The diary's body cache is per process and these databases share ids: each engine writes its
  // own value into the copy and moves the copy's data version far from the primary's, so no body
  // cached from one database can answer for another here.
  const copyValue = engine.name === 'sqlite' ? '2' : '3';
  const versionJump = engine.name === 'sqlite' ? 1000 : 2000;
  let pair: Pair;
  let s: School;
  let database: Database;
  let copy: Database;
  let app: FastifyInstance;
  let parent: Client;
  let ivanova: Client;
  let deputy: Client;
  let weekUrl: string;

  const mathMark = async (client: Client, url = weekUrl) => {
    const res = await client.get(url);
    expect(res.statusCode).toBe(200);
    const week = diaryWeek.parse(res.json());
    const lessons = week.days.flatMap((d) => d.lessons);
    return lessons.find((l) => l.lessonId === s.lessons.mathRecent)?.marks.map((m) => m.value);
  };
  const marksIn = (db: Database['db'], lessonId: number) =>
    db
      .selectFrom('marks')
      .select('value')
      .where('lessonId', '=', lessonId)
      .where('studentId', '=', s.diary.grigoriev.id)
      .execute();

  beforeAll(async () => {
    pair = await primaryWithCopy(engine, async (primary) => {
      s = await diarySchool(primary.db);
      const seeding = await testApp(primary);
      const teacher = await signIn(seeding, s.people.ivanova.login);
      const saved = await teacher.send('POST', '/api/journal/marks', {
        lessonId: s.lessons.mathRecent,
        studentId: s.diary.grigoriev.id,
        workKindId: s.workKinds.test,
        value: '4',
        comment: null,
        version: null,
      });
      expect(saved.statusCode).toBe(200);
      await seeding.close();
    });
    // The replica "receives" a change the primary never had: only a read from it can show it.
    copy = openDatabase(pair.copyUrl, { poolSize: 1 });
    await copy.db
      .updateTable('marks')
      .set({ value: copyValue })
      .where('lessonId', '=', s.lessons.mathRecent)
      .where('studentId', '=', s.diary.grigoriev.id)
      .execute();
    await copy.db
      .updateTable('dataVersions')
      .set({ version: sql`version + ${versionJump}`, diaryVersion: sql`diary_version + ${versionJump}` })
      .where('schoolId', '=', s.schoolId)
      .execute();
    database = openDatabase(pair.primaryUrl, { poolSize: 2, readUrl: pair.copyUrl });
    app = await testApp(database);
    parent = await signIn(app, s.people.parent.login);
    ivanova = await signIn(app, s.people.ivanova.login);
    deputy = await signIn(app, s.people.deputy.login);
    weekUrl = `/api/diary/${s.diary.grigoriev.id}/week?date=2026-11-25`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await copy?.close();
    await pair?.drop();
  });

  it('opens the replica as a second handle', () => {
    expect(database.reads).not.toBe(database.db);
    expect(database.readUrl).not.toBeNull();
  });

  it("the parent's diary week and marks read the replica", async () => {
    expect(await mathMark(parent)).toEqual([copyValue]);
    expect((await marksIn(database.db, s.lessons.mathRecent)).map((m) => m.value)).toEqual(['4']);
    const marks = await parent.get(`/api/diary/${s.diary.grigoriev.id}/marks?periodId=${s.periods.q2}`);
    expect(marks.statusCode).toBe(200);
    const values = marks.json().subjects.flatMap((x: { marks: { value: string }[] }) => x.marks);
    expect(values.map((m: { value: string }) => m.value)).toEqual([copyValue]);
  });

  it('a report and its export read the replica', async () => {
    const res = await deputy.get(`/api/reports/results?periodId=${s.periods.q2}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().totals.average).toBe(Number(copyValue));
    const xlsx = await deputy.get(`/api/reports/results/export?format=xlsx&periodId=${s.periods.q2}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.getWorksheet('По предметам')!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    const column = rows.find((r) => r[0] === 'Предмет')!.indexOf('Средний балл');
    expect(rows.find((r) => r[0] === 'Математика')?.[column]).toBe(Number(copyValue));
  });

  it("a parent's acknowledgement and a teacher's save land in the primary only", async () => {
    const ack = await parent.send('POST', `/api/diary/${s.diary.grigoriev.id}/acknowledge`, {
      weekStart: testWeek,
    });
    expect(ack.statusCode).toBe(200);
    const acks = (db: Database['db']) =>
      db
        .selectFrom('weekAcknowledgements')
        .select('weekStart')
        .where('studentId', '=', s.diary.grigoriev.id)
        .execute();
    expect(await acks(database.db)).toHaveLength(1);
    expect(await acks(copy.db)).toHaveLength(0);

    const saved = await ivanova.send('POST', '/api/journal/marks', {
      lessonId: s.lessons.mathSubstituted,
      studentId: s.diary.grigoriev.id,
      workKindId: s.workKinds.answer,
      value: '5',
      comment: null,
      version: null,
    });
    expect(saved.statusCode).toBe(200);
    expect((await marksIn(database.db, s.lessons.mathSubstituted)).map((m) => m.value)).toEqual(['5']);
    expect(await marksIn(copy.db, s.lessons.mathSubstituted)).toEqual([]);
    // The replica has not caught up: the parent does not see the new mark yet, the teacher does.
    const week = diaryWeek.parse((await parent.get(weekUrl)).json());
    const substituted = week.days
      .flatMap((d) => d.lessons)
      .find((l) => l.lessonId === s.lessons.mathSubstituted);
    expect(substituted?.marks).toEqual([]);
    const grid = await ivanova.get(`/api/journal/courses/${s.courses.math5}?periodId=${s.periods.q2}`);
    expect(grid.statusCode).toBe(200);
    expect(grid.body).toContain('"5"');
  });

  it('/api/ready and /api/health report the replica', async () => {
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', replica: 'reachable' });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok', replica: 'reachable' });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
  });

  it('the server opens DATABASE_READ_URL from its configuration', async () => {
    const running = await serve(
      readConfig({
        DATABASE_URL: pair.primaryUrl,
        DATABASE_READ_URL: pair.copyUrl,
        PORT: '0',
        LOG_LEVEL: 'silent',
        WEB_DIR: 'test/no-web',
        NOTIFY_WORKER: 'false',
        BACKUP_SCHEDULER: 'false',
      }),
      { signals: false },
    );
    try {
      expect(running.database.readUrl).not.toBeNull();
      const ready = await fetch(`${running.url}/api/ready`);
      expect(await ready.json()).toMatchObject({ status: 'ready', replica: 'reachable' });
      const reader = await signIn(running.app, s.people.parent.login);
      expect(await mathMark(reader)).toEqual([copyValue]);
    } finally {
      await running.stop();
    }
  });

  it('a dead replica makes the process not ready; health says so', async () => {
    const dead = openDatabase(pair.copyUrl, { poolSize: 1 });
    // Kysely opens lazily and closes only what it opened: open it, then close it for good.
    await sql`select 1`.execute(dead.db);
    await dead.close();
    const deadApp = await testApp({ ...database, reads: dead.db, readUrl: pair.copyUrl });
    try {
      const ready = await deadApp.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().message).toContain('DATABASE_READ_URL');
      const en = await deadApp.inject({
        method: 'GET',
        url: '/api/ready',
        headers: { 'accept-language': 'en' },
      });
      expect(en.json().message).toContain('read replica');
      const health = await deadApp.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json().replica).toBe('unreachable');
    } finally {
      await deadApp.close();
    }
  });

  it('a replica that lacks a migration makes the process not ready', async () => {
    const empty = await emptyDatabase(engine);
    const stale = openDatabase(empty.url, { poolSize: 1 });
    const staleApp = await testApp({ ...database, reads: stale.db, readUrl: empty.url });
    try {
      const ready = await staleApp.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().message).toMatch(/0001-\S+ \(DATABASE_READ_URL\)/);
    } finally {
      await staleApp.close();
      await stale.close();
      await empty.drop();
    }
  });

  it('without DATABASE_READ_URL everything reads the primary', async () => {
    const plain = openDatabase(pair.primaryUrl, { poolSize: 2 });
    const plainApp = await testApp(plain);
    try {
      expect(plain.reads).toBe(plain.db);
      expect(plain.readUrl).toBeNull();
      const reader = await signIn(plainApp, s.people.parent.login);
      expect(await mathMark(reader)).toEqual(['4']);
      const ready = await plainApp.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.json()).not.toHaveProperty('replica');
    } finally {
      await plainApp.close();
      await plain.close();
    }
  });
});

describe('DATABASE_READ_URL', () => {
  it('must be on the same engine as DATABASE_URL', () => {
    expect(() => readConfig({ DATABASE_URL: './data/a.db', DATABASE_READ_URL: 'postgres://h/db' })).toThrow(
      /^Неверная настройка DATABASE_READ_URL: .*DATABASE_URL/,
    );
    expect(() =>
      readConfig({ DATABASE_URL: 'postgres://h/db', DATABASE_READ_URL: './data/replica.db' }),
    ).toThrow(/DATABASE_READ_URL/);
    expect(() => openDatabase('./data/a.db', { readUrl: 'postgres://h/db' })).toThrow(/DATABASE_READ_URL/);
  });

  it('is optional and kept when the engines match', () => {
    expect(readConfig({}).databaseReadUrl).toBeNull();
    const config = readConfig({ DATABASE_URL: 'postgres://h/a', DATABASE_READ_URL: 'postgresql://r/a' });
    expect(config.databaseReadUrl).toBe('postgresql://r/a');
  });

  it('a SQLite replica file must exist (never created empty)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'otmetka-replica-'));
    expect(() => openDatabase(join(dir, 'a.db'), { readUrl: join(dir, 'missing.db') })).toThrow();
  });
});
