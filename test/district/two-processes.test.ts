import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { startSmtp, useLocalSmtp } from '../../src/server/notify/notify.test-helpers.ts';
import { type DemoSummary, seedDemoSchool } from '../../src/server/seed/seed-demo-school.ts';
import { engines } from '../databases.ts';
import { type ChildServer, type EmptyDatabase, emptyDatabase } from '../processes.ts';
import { call, logIn, startServers, stopServer, until } from './cluster.ts';

// Issue #10's «done when»: two identical server processes on one PostgreSQL, driven through HTTP
// only, as a load balancer would, share sessions and uploads and do each scheduled thing once.
const postgres = engines().find((e) => e.name === 'postgres');

/** The first school days of the current academic year: a small journal, seeded in seconds. */
function earlyInYear(now = new Date()): Date {
  const year = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return new Date(Date.UTC(year, 8, 4, 10));
}

describe.skipIf(!postgres)('two server processes on one PostgreSQL', () => {
  let empty: EmptyDatabase;
  let database: Database;
  let demo: DemoSummary;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let servers: ChildServer[] = [];
  /** The processes being started: afterAll stops them even when beforeAll ran out of time. */
  let starting: Promise<ChildServer[]> | undefined;
  let a: string;
  let b: string;
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'otmetka-district-backup-')));
  const address = 'parent-district@example.test';
  /** The parent wants a letter at once for a «2» or lower, and nothing else. */
  const prefs = {
    emailEnabled: true,
    telegramEnabled: false,
    absencesInstant: false,
    markThreshold: 2,
    digest: false,
  };

  beforeAll(async () => {
    empty = await emptyDatabase(postgres!);
    database = openDatabase(empty.url, { poolSize: 2 });
    await migrateToLatest(database);
    smtp = await startSmtp();
    // The processes start (and their first backup runs) while the school is seeded: a backup
    // reads one consistent snapshot whenever it runs.
    const seeded = seedDemoSchool(database.db, { today: earlyInYear() }).then(async (summary) => {
      await useLocalSmtp(database.db, summary.schoolId, smtp.port);
      return summary;
    });
    const started = startServers(2, {
      DATABASE_URL: empty.url,
      DATABASE_POOL_SIZE: '4',
      WEB_DIR: 'test/no-web',
      TZ: 'UTC',
      NOTIFY_WORKER: 'true',
      NOTIFY_INTERVAL_SECONDS: '0.2',
      NOTIFY_HOLD_SECONDS: '0',
      BACKUP_SCHEDULER: 'true',
      // Due since midnight: both schedulers find tonight's slot due at their first tick.
      BACKUP_AT: '00:00',
      BACKUP_DIRS: dirs.join(','),
      BACKUP_KEY: randomBytes(32).toString('hex'),
    });
    starting = started;
    const [summary, children] = await Promise.allSettled([seeded, started]);
    if (children.status === 'fulfilled') servers = children.value;
    if (summary.status === 'rejected') throw summary.reason;
    if (children.status === 'rejected') throw children.reason;
    demo = summary.value;
    [a, b] = servers.map((s) => s.base) as [string, string];
  }, 180_000);

  afterAll(async () => {
    if (!servers.length && starting) servers = await starting.catch(() => []);
    await Promise.all(servers.map((s) => stopServer(s)));
    await smtp?.close();
    await database?.close();
    await empty?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('a session made on one process works on the other, and ends on both', async () => {
    const parent = await logIn(a, demo.logins.parent);
    expect((await call(b, parent, 'GET', '/api/me')).status).toBe(200);
    const saved = await call(b, parent, 'PUT', '/api/notifications/settings', { prefs, email: address });
    expect(saved.status, saved.body.toString()).toBe(200);
    expect(
      (await call(a, parent, 'GET', '/api/notifications/settings')).json<{ email: string }>().email,
    ).toBe(address);

    const other = await logIn(a, demo.logins.parent);
    expect((await call(b, other, 'POST', '/api/auth/logout', {})).status).toBe(200);
    expect((await call(a, other, 'GET', '/api/me')).status).toBe(401);
    expect((await call(b, other, 'GET', '/api/me')).status).toBe(401);
    expect((await call(a, parent, 'GET', '/api/me')).status).toBe(200);
  });

  it('a low mark saved on one process reaches the parent once, though both workers run', async () => {
    const parent = await logIn(b, demo.logins.parent);
    expect(
      (await call(b, parent, 'PUT', '/api/notifications/settings', { prefs, email: address })).status,
    ).toBe(200);
    const found = await sql<{ lessonId: number; studentId: number; login: string }>`
      select l.id as lesson_id, gm.student_id, acc.login
      from lessons l
      join courses c on c.id = l.course_id
      join group_memberships gm on gm.group_id = c.group_id and gm.ends_on is null
      join guardianships g on g.student_id = gm.student_id and g.archived_at is null
      join accounts acc on acc.person_id = l.teacher_id
      where g.guardian_id = ${demo.people.parent}
        and not exists (select 1 from marks m where m.lesson_id = l.id and m.student_id = gm.student_id)
      order by (l.teacher_id = ${demo.people.teacher}) desc, l.date desc, l.id
      limit 1`.execute(database.db);
    const target = found.rows[0]!;
    const workKind = await database.db
      .selectFrom('workKinds')
      .select('id')
      .where('schoolId', '=', demo.schoolId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const teacher = await logIn(a, target.login);
    const mark = {
      lessonId: target.lessonId,
      studentId: target.studentId,
      workKindId: workKind.id,
      value: '2',
      version: null,
    };
    const saved = await call(a, teacher, 'POST', '/api/journal/marks', mark);
    expect(saved.status, saved.body.toString()).toBe(200);
    const mine = () =>
      smtp.letters.filter((l) => l.to.includes(address) && l.subject.includes('получил(а) 2'));
    await until('the letter', async () => mine().length > 0, 20_000);
    // Both workers go round many more times (every 0.2 s) with the row due: still one letter.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(mine()).toHaveLength(1);
    const rows = await database.db
      .selectFrom('outbox')
      .select('status')
      .where('address', '=', address)
      .where('subject', 'like', '%получил(а) 2%')
      .execute();
    expect(rows).toEqual([{ status: 'sent' }]);
  }, 30_000);

  it('a file uploaded on one process downloads on the other', async () => {
    const teacher = await logIn(a, demo.logins.teacher);
    const content = randomBytes(3000);
    const up = await call(
      a,
      teacher,
      'POST',
      '/api/messages/files?name=plan.bin',
      content,
      'application/octet-stream',
    );
    expect(up.status, up.body.toString()).toBe(201);
    const down = await call(b, teacher, 'GET', `/api/messages/files/${up.json<{ id: number }>().id}`);
    expect(down.status).toBe(200);
    expect(down.body.equals(content)).toBe(true);
  });

  it('prints requested on both processes at once are each made once and download from the other', async () => {
    const deputy = await logIn(a, demo.logins.deputy);
    const classes = await database.db
      .selectFrom('classes')
      .select('id')
      .where('schoolId', '=', demo.schoolId)
      .orderBy('id')
      .limit(2)
      .execute();
    // Each process wakes its own runner; both runners then take jobs from the one queue.
    const asked = await Promise.all(
      [a, b].map((base, i) =>
        call(base, deputy, 'POST', '/api/print-jobs', { kind: 'classJournal', classId: classes[i]!.id }),
      ),
    );
    for (const res of asked) expect(res.status, res.body.toString()).toBe(202);
    const ids = asked.map((res) => res.json<{ id: number }>().id);
    for (const [i, id] of ids.entries()) {
      const other = i === 0 ? b : a;
      const job = await until(
        'the print',
        async () => {
          const state = (await call(other, deputy, 'GET', `/api/print-jobs/${id}`)).json<{
            status: string;
          }>();
          return state.status === 'done' || state.status === 'failed' ? state : null;
        },
        40_000,
      );
      expect(job.status).toBe('done');
      const file = await call(other, deputy, 'GET', `/api/print-jobs/${id}/file`);
      expect(file.status).toBe(200);
      expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const jobs = await database.db
      .selectFrom('printJobs')
      .select(['id', 'status', 'error'])
      .orderBy('id')
      .execute();
    // The two were asked at once: either may have the lower id.
    expect(jobs).toEqual([...ids].sort((x, y) => x - y).map((id) => ({ id, status: 'done', error: null })));
  }, 60_000);

  it("tonight's backup runs once for both schedulers: one run, one file per directory", async () => {
    const runs = () =>
      database.db
        .selectFrom('backupRuns')
        .select(['slot', 'status', 'fileName'])
        .where('trigger', '=', 'schedule')
        .execute();
    await until(
      'the scheduled backup',
      async () => (await runs()).some((r) => r.status !== 'running'),
      60_000,
    );
    // Last: the backup started with the processes and ran while the tests above did.
    // Both schedulers tick again after a minute; the slot is taken by then in any case.
    const done = await runs();
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({
      slot: expect.stringMatching(/^schedule:\d{4}-\d\d-\d\d$/),
      status: 'ok',
    });
    for (const dir of dirs) {
      expect(
        readdirSync(dir).filter((name) => name.endsWith('.otb')),
        String(readdirSync(dir)),
      ).toEqual([done[0]!.fileName]);
    }
  }, 65_000);
});
