import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases.ts';
import { percentile, startTeacherWrites } from '../../../test/teacher-writes.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { batchOf, insertAll, insertReturningIds } from '../seed/batches.ts';
import { runsOf, seedSchool, tempDir, testBackupConfig } from './backup.test-helpers.ts';
import { runBackup } from './run-backup.ts';

/** Marks added to the school: enough that a whole backup takes seconds on either engine. */
const bulkMarks = 30_000;
/**
 * The bound on how long a teacher's write may wait while a backup runs (SQLite). On
 * PostgreSQL a write waits on the server, whose two cores here also load the verification copy:
 * there it may not be held back for the length of a step (a lock), measured as 1 s.
 */
const boundMs = { sqlite: 50, postgres: 1000 };
/** What a write may wait for the thread when the machine is saturated by other work. */
const saturatedBoundMs = 250;

/** A teacher's comment to a mark, long enough that the copies hold megabytes. */
const comment =
  'Ошибки в вычислениях и в записи ответа; повторить правила действий с дробями, переписать работу. '.repeat(
    3,
  );

/** Adds `count` marks to the seeded school's course (new lessons day after day); answers some ids. */
async function addMarks(db: Kysely<DB>, schoolId: number, teacherId: number, count: number) {
  const course = await db
    .selectFrom('courses')
    .select('id')
    .where('schoolId', '=', schoolId)
    .executeTakeFirstOrThrow();
  const students = (
    await db.selectFrom('groupMemberships').select('studentId').where('schoolId', '=', schoolId).execute()
  ).map((r) => r.studentId);
  const kinds = (
    await db.selectFrom('workKinds').select('id').where('schoolId', '=', schoolId).execute()
  ).map((r) => r.id);
  const perLesson = students.length * kinds.length;
  const lessonRows = Array.from({ length: Math.ceil(count / perLesson) }, (_, i) => ({
    schoolId,
    courseId: course.id,
    teacherId,
    date: new Date(Date.UTC(2010, 0, 1) + Math.floor(i / 8) * 86_400_000).toISOString().slice(0, 10),
    lessonNumber: (i % 8) + 1,
    topic: `Тема урока ${i + 1}: повторение пройденного`,
  }));
  const lessons = await insertReturningIds(lessonRows, (batch) =>
    db.insertInto('lessons').values(batch).returning('id').execute(),
  );
  const marks = Array.from({ length: count }, (_, n) => ({
    schoolId,
    lessonId: lessons[Math.floor(n / perLesson)]!,
    studentId: students[n % students.length]!,
    workKindId: kinds[Math.floor(n / students.length) % kinds.length]!,
    value: String(2 + (n % 4)),
    comment: n % 2 === 0 ? comment : null,
    createdBy: teacherId,
  }));
  await insertAll(marks, (batch) => db.insertInto('marks').values(batch).execute(), batchOf(8));
  const some = await db
    .selectFrom('marks')
    .select('id')
    .where('schoolId', '=', schoolId)
    .limit(500)
    .execute();
  return some.map((r) => r.id);
}

describe.each(engines())('a whole backup while teachers write ($name)', (engine) => {
  let database: Database;
  let markIds: number[];

  beforeAll(async () => {
    database = await freshDatabase(engine);
    const started = performance.now();
    const school = await seedSchool(database.db);
    markIds = await addMarks(database.db, school.schoolId, school.teacherId, bulkMarks);
    console.info(
      `${engine.name}: ${bulkMarks} marks in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 60_000);
  afterAll(() => database.close());

  const bound = boundMs[engine.name];
  it(`no write waits more than ${bound} ms during export, encryption, two copies, verification and retention`, async () => {
    // The same writes with no backup first: on a machine busy with other work (CI runs test files
    // in parallel) some wait longer than the bound with no backup at all; that is not the backup's.
    const idle = startTeacherWrites(database.db, markIds);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const noise = Math.max(...(await idle.stop()).delays);
    const dirs = [tempDir(), tempDir()];
    const load = startTeacherWrites(database.db, markIds);
    const started = performance.now();
    const outcome = await runBackup(database, testBackupConfig(dirs), 'cli', null);
    const took = performance.now() - started;
    const { waits, delays, errors, maxBlockMs } = await load.stop();

    const worst = Math.max(...waits);
    const held = Math.max(...delays);
    const slow = waits.filter((w) => w > 50).length;
    console.info(
      `${engine.name}: whole backup ${(took / 1000).toFixed(1)} s; ${waits.length} writes, p50 ${percentile(waits, 0.5).toFixed(1)} ms, p95 ${percentile(waits, 0.95).toFixed(1)} ms, max ${worst.toFixed(1)} ms (${slow} over 50 ms); longest event-loop block ${maxBlockMs.toFixed(0)} ms; the longest a write waited for the thread ${held.toFixed(1)} ms, with no backup ${noise.toFixed(1)} ms`,
    );
    expect(outcome.error).toBeNull();
    expect(outcome.status).toBe('ok');
    expect(outcome.copies.map((c) => [c.destination, c.status])).toEqual(dirs.map((d) => [d, 'ok']));
    for (const dir of dirs) expect(readdirSync(dir)).toContain(outcome.fileName);
    const run = (await runsOf(database)).find((r) => r.id === outcome.runId)!;
    expect(run.status).toBe('ok');
    expect(run.rowCount).toBeGreaterThan(bulkMarks);
    // The backup must have lasted long enough for the bound to mean something.
    expect(took).toBeGreaterThan(1500);
    expect(errors).toEqual([]);
    expect(waits.length).toBeGreaterThan(took / 5 / 4);
    // What the backup's own work holds back: a write waiting for the thread. A write's own commit
    // (SQLite: an fsync on the server's thread) waits on the disk, shared here with other work;
    // its whole wait is logged above and in bench/backup.ts.
    // On a machine saturated by other work (load above its cores) the scheduler alone holds the
    // thread back by tens of ms: there only a gross block (a whole step on the thread) is caught.
    const saturated = loadavg()[0]! > availableParallelism();
    if (saturated)
      console.info(
        `load ${loadavg()[0]!.toFixed(1)}: checked against ${Math.max(saturatedBoundMs, bound)} ms only`,
      );
    expect(held).toBeLessThanOrEqual(saturated ? Math.max(saturatedBoundMs, bound) : Math.max(bound, noise));
  }, 120_000);
});
