import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines, freshDatabase } from '../../../test/databases.ts';
import { buildDistrict, buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { backgroundRuns } from './run-backup.ts';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

describe.each(engines())('backup routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let bare: FastifyInstance;
  let root: string;
  let dirs: [string, string];
  let admin: Client;
  let adminLogin: string;
  let official: Client;
  let teacher: Client;
  let parent: Client;
  let student: Client;

  beforeAll(async () => {
    // A database of its own: the runs listed and «a run is going» must be this test's alone.
    database = await freshDatabase(engine);
    root = mkdtempSync(join(tmpdir(), 'otmetka-backup-routes-'));
    dirs = [join(root, 'disk-a'), join(root, 'usb-b')];
    for (const dir of dirs) mkdirSync(dir);
    app = await testApp(database, {
      BACKUP_DIRS: dirs.join(','),
      BACKUP_KEY: randomBytes(32).toString('hex'),
      BACKUP_AT: '02:30',
      BACKUP_SCHEDULER: 'false',
      BACKUP_SCRATCH_DIR: root,
    });
    bare = await testApp(database);
    const db = database.db;
    const { schoolId } = await buildSchool(db);
    const districtId = await buildDistrict(db);
    const person = async (roles: Parameters<typeof buildPerson>[1]['roles'], district = false) =>
      signIn(
        app,
        (
          await buildPerson(db, {
            schoolId: district ? null : schoolId,
            districtId: district ? districtId : undefined,
            roles,
          })
        ).login,
      );
    const a = await buildPerson(db, { schoolId, roles: ['admin'] });
    adminLogin = a.login;
    admin = await signIn(app, a.login);
    official = await person(['district'], true);
    teacher = await person(['teacher']);
    parent = await person(['parent']);
    student = await person(['student']);
  });
  afterAll(async () => {
    await backgroundRuns();
    await app?.close();
    await bare?.close();
    await database?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows the schedule, retention, each destination’s last good copy and the runs', async () => {
    const db = database.db;
    const old = hoursAgo(29.9);
    const recent = hoursAgo(1.9);
    const oldStart = hoursAgo(30);
    const recentStart = hoursAgo(2);
    const good = await db
      .insertInto('backupRuns')
      .values({
        trigger: 'schedule',
        slot: 'schedule:2026-11-28',
        status: 'ok',
        fileName: 'otmetka-20261128-023000.otb',
        bytes: 3_500_000,
        rowCount: 1234,
        startedAt: oldStart,
        finishedAt: old,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const failed = await db
      .insertInto('backupRuns')
      .values({
        trigger: 'manual',
        status: 'failed',
        error: 'usb-b: нет места',
        startedAt: recentStart,
        finishedAt: recent,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('backupCopies')
      .values([
        { runId: good.id, destination: dirs[0], path: join(dirs[0], 'a.otb'), status: 'ok', createdAt: old },
        { runId: good.id, destination: dirs[1], path: join(dirs[1], 'a.otb'), status: 'ok', createdAt: old },
        {
          runId: failed.id,
          destination: dirs[0],
          path: join(dirs[0], 'b.otb'),
          status: 'ok',
          createdAt: recent,
        },
        {
          runId: failed.id,
          destination: dirs[1],
          path: join(dirs[1], 'b.otb'),
          status: 'failed',
          error: 'нет места',
          createdAt: recent,
        },
      ])
      .execute();

    for (const client of [admin, official]) {
      const res = await client.get('/api/backups');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toEqual({
        configured: true,
        problems: [],
        schedule: '02:30',
        keep: { daily: 7, weekly: 4, monthly: 12 },
        destinations: [
          { destination: dirs[0], lastGoodAt: recent, lastGoodFile: null, stale: false, lastError: null },
          {
            destination: dirs[1],
            lastGoodAt: old,
            lastGoodFile: 'otmetka-20261128-023000.otb',
            stale: true,
            lastError: 'нет места',
          },
        ],
        runs: [
          {
            id: failed.id,
            trigger: 'manual',
            status: 'failed',
            fileName: null,
            bytes: null,
            rowCount: null,
            error: 'usb-b: нет места',
            startedAt: recentStart,
            finishedAt: recent,
          },
          {
            id: good.id,
            trigger: 'schedule',
            status: 'ok',
            fileName: 'otmetka-20261128-023000.otb',
            bytes: 3_500_000,
            rowCount: 1234,
            error: null,
            startedAt: oldStart,
            finishedAt: old,
          },
        ],
      });
    }

    const run = await admin.get(`/api/backups/runs/${failed.id}`);
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({
      id: failed.id,
      trigger: 'manual',
      status: 'failed',
      error: 'usb-b: нет места',
      sha256: null,
      copies: [
        { destination: dirs[0], status: 'ok', error: null },
        { destination: dirs[1], status: 'failed', error: 'нет места' },
      ],
    });

    // Public health: the directory's name only, never its full path.
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({
      backupsConfigured: true,
      backups: [
        { destination: 'disk-a', stale: false },
        { destination: 'usb-b', stale: true },
      ],
    });
    expect(health.body).not.toContain(root);
  });

  it('says in words what is missing when backups are not configured', async () => {
    const client = await signIn(bare, adminLogin);
    const res = await client.get('/api/backups');
    expect(res.json()).toMatchObject({ configured: false, destinations: [] });
    expect(res.json().problems.join(' ')).toContain('BACKUP_DIRS');
    const en = await client.get('/api/backups', { 'accept-language': 'en' });
    expect(en.json().problems.join(' ')).toContain('No directories');
    const start = await client.send('POST', '/api/backups');
    expect(start.statusCode).toBe(409);
    expect(start.json().message).toContain('BACKUP_DIRS');
    expect((await bare.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({
      backupsConfigured: false,
      backups: [],
    });
  });

  it('refuses strangers (401), teachers and families (403); a bad id is 400, an unknown one 404', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/backups' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/backups', payload: {} })).statusCode).toBe(401);
    for (const client of [teacher, parent, student]) {
      expect((await client.get('/api/backups')).statusCode).toBe(403);
      expect((await client.send('POST', '/api/backups')).statusCode).toBe(403);
      expect((await client.get('/api/backups/runs/1')).statusCode).toBe(403);
    }
    for (const id of ['abc', '0', '2147483648']) {
      expect((await admin.get(`/api/backups/runs/${id}`)).statusCode).toBe(400);
    }
    expect((await admin.get('/api/backups/runs/2147483647')).statusCode).toBe(404);
  });

  it('answers 409 while another run is going', async () => {
    const db = database.db;
    const busy = await db
      .insertInto('backupRuns')
      .values({ trigger: 'cli', status: 'running', startedAt: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const res = await official.send('POST', '/api/backups');
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe('Резервная копия уже создаётся. Дождитесь её окончания.');
    } finally {
      await db.updateTable('backupRuns').set({ status: 'failed' }).where('id', '=', busy.id).execute();
    }
  });

  it('makes a copy on demand: 202 with the run, which ends ok with a verified copy in each directory', async () => {
    const res = await admin.send('POST', '/api/backups');
    expect(res.statusCode).toBe(202);
    const { runId } = res.json();
    let run = (await admin.get(`/api/backups/runs/${runId}`)).json();
    expect(run.trigger).toBe('manual');
    for (let i = 0; i < 150 && run.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = (await admin.get(`/api/backups/runs/${runId}`)).json();
    }
    expect(run).toMatchObject({
      status: 'ok',
      error: null,
      fileName: expect.stringMatching(/^otmetka-\d{8}-\d{6}\.otb$/),
    });
    expect(run.copies.map((c: { destination: string; status: string }) => [c.destination, c.status])).toEqual(
      [
        [dirs[0], 'ok'],
        [dirs[1], 'ok'],
      ],
    );
    expect(run.rowCount).toBeGreaterThan(0);
    const status = (await admin.get('/api/backups')).json();
    expect(status.destinations.map((d: { stale: boolean }) => d.stale)).toEqual([false, false]);
    expect(status.runs[0]).toMatchObject({ id: runId, status: 'ok' });
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('action', '=', 'backup.request')
      .execute();
    expect(audit).toEqual([{ action: 'backup.request', entityId: String(runId) }]);
    const health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health.backups).toEqual(
      dirs.map((d) => ({ destination: basename(d), lastGoodAt: expect.any(String), stale: false })),
    );
  });
});
