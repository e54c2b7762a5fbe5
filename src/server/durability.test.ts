import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { engines } from '../../test/databases.ts';
import {
  buildClass,
  buildCourse,
  buildPerson,
  buildSchool,
  enroll,
  testPassword,
} from '../../test/factories.ts';
import { type ChildServer, emptyDatabase, startServer } from '../../test/processes.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';

/** How many times each engine's server is killed under load. */
const kills = 2;
/** Requests in flight at once. */
const inFlight = 24;
const lessonsPerRound = 50;
const studentCount = 12;
const markValues = ['5', '4', '3', '2'];
const attendanceValues = [
  { value: 'absent', reason: 'illness' },
  { value: 'absent', reason: 'excused' },
  { value: 'absent', reason: 'unexcused' },
  { value: 'late', reason: null },
] as const;

/** One write of the load: a cell of its own and the value it is given. */
type Write =
  | { kind: 'mark'; lessonId: number; studentId: number; value: string }
  | { kind: 'attendance'; lessonId: number; studentId: number; value: string; reason: string | null };

const keyOf = (w: { lessonId: number; studentId: number }) => `${w.lessonId}/${w.studentId}`;

/** A school with a teacher (with an account), a class of students, a course and its lessons. */
async function seed(database: Database) {
  const db = database.db;
  const { schoolId, yearId } = await buildSchool(db, { settings: { editWindowDays: 365 } });
  const teacher = await buildPerson(db, { schoolId, roles: ['teacher'] });
  const { groupId } = await buildClass(db, { schoolId, yearId });
  const studentIds: number[] = [];
  for (let i = 0; i < studentCount; i++) {
    const student = await buildPerson(db, { schoolId, roles: ['student'], account: false });
    await enroll(db, { schoolId, groupId, studentId: student.id });
    studentIds.push(student.id);
  }
  const courseId = await buildCourse(db, { schoolId, yearId, groupId, teacherId: teacher.id });
  // Lessons on September–November 2026 days, several a day, a separate set for each kill.
  const dates = Array.from({ length: 80 }, (_, i) =>
    new Date(Date.UTC(2026, 8, 1 + i)).toISOString().slice(0, 10),
  );
  const lessons = Array.from({ length: lessonsPerRound * kills }, (_, i) => ({
    schoolId,
    courseId,
    teacherId: teacher.id,
    date: dates[i % dates.length]!,
    lessonNumber: 1 + Math.floor(i / dates.length),
  }));
  const lessonIds = (await db.insertInto('lessons').values(lessons).returning('id').execute()).map(
    (r) => r.id,
  );
  const workKind = await db
    .selectFrom('workKinds')
    .select('id')
    .where('schoolId', '=', schoolId)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { login: teacher.login, studentIds, lessonIds, workKindId: workKind.id };
}

/** The writes of one round: a mark and an attendance entry for every student at each of its lessons. */
function writesOf(lessonIds: number[], studentIds: number[]): Write[] {
  const writes: Write[] = [];
  let n = 0;
  for (const lessonId of lessonIds) {
    for (const studentId of studentIds) {
      n += 1;
      writes.push({ kind: 'mark', lessonId, studentId, value: markValues[n % markValues.length]! });
      writes.push({
        kind: 'attendance',
        lessonId,
        studentId,
        ...attendanceValues[n % attendanceValues.length]!,
      });
    }
  }
  return writes;
}

/** Signs the teacher in: the session cookie and the CSRF token every write carries. */
async function signIn(base: string, login: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: testPassword }),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken, origin: base };
}

/**
 * Sends the writes `inFlight` at a time and SIGKILLs the server at a random moment 500–2000 ms in
 * (and not before 25 writes are acknowledged). Returns the writes answered 2xx; any other HTTP
 * answer fails the test, a refused or cut connection (after the kill) is simply unacknowledged.
 */
async function loadAndKill(
  server: ChildServer,
  headers: Record<string, string>,
  writes: Write[],
  workKindId: number,
) {
  const acknowledged: Write[] = [];
  const refused: string[] = [];
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (!killed && next < writes.length) {
      const w = writes[next++]!;
      const body =
        w.kind === 'mark'
          ? {
              lessonId: w.lessonId,
              studentId: w.studentId,
              workKindId,
              value: w.value,
              version: null,
              editReason: 'проверка',
            }
          : {
              lessonId: w.lessonId,
              studentId: w.studentId,
              value: w.value,
              reason: w.reason,
              version: null,
              editReason: 'проверка',
            };
      try {
        const res = await fetch(`${server.base}/api/journal/${w.kind === 'mark' ? 'marks' : 'attendance'}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
        });
        const text = await res.text();
        if (res.ok) acknowledged.push(w);
        else refused.push(`${res.status} ${text}`);
      } catch {
        // The connection was cut by the kill: not acknowledged.
      }
    }
  };
  const started = Date.now();
  const delayMs = 500 + Math.floor(Math.random() * 1500);
  const killer = (async () => {
    while (Date.now() - started < delayMs || acknowledged.length < 25) {
      if (next >= writes.length) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    server.child.kill('SIGKILL');
    killed = true;
    await server.exited;
  })();
  await Promise.all([killer, ...Array.from({ length: inFlight }, worker)]);
  expect(refused).toEqual([]);
  return { acknowledged, sent: next, atMs: Date.now() - started, delayMs };
}

/** The marks and attendance stored for the round's lessons, read from the database itself. */
async function stored(url: string, lessonIds: number[]) {
  const database = openDatabase(url, { poolSize: 1 });
  try {
    const marks = await database.db
      .selectFrom('marks')
      .select(['lessonId', 'studentId', 'value'])
      .where('lessonId', 'in', lessonIds)
      .where('deletedAt', 'is', null)
      .execute();
    const attendance = await database.db
      .selectFrom('attendance')
      .select(['lessonId', 'studentId', 'value', 'reason'])
      .where('lessonId', 'in', lessonIds)
      .where('deletedAt', 'is', null)
      .execute();
    return {
      marks: new Map(marks.map((m) => [keyOf(m), m.value])),
      attendance: new Map(attendance.map((a) => [keyOf(a), `${a.value}/${a.reason}`])),
    };
  } finally {
    await database.close();
  }
}

describe.each(engines())('kill -9 under write load on $name', (engine) => {
  it(`every write acknowledged before SIGKILL is in the database after a restart (${kills} kills)`, async () => {
    const target = await emptyDatabase(engine);
    const database = openDatabase(target.url, { poolSize: 2 });
    const log: string[] = [];
    let open = true;
    let server: ChildServer | undefined;
    try {
      if (engine.name === 'postgres') {
        const { rows } = await sql<{ fsync: string; synchronousCommit: string }>`
          select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit`.execute(
          database.db,
        );
        if (rows[0]!.fsync !== 'on' || rows[0]!.synchronousCommit === 'off')
          throw new Error(
            `PostgreSQL is not durable here: fsync=${rows[0]!.fsync}, synchronous_commit=${rows[0]!.synchronousCommit}`,
          );
      } else {
        expect(database.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(database.sqlite!.pragma('synchronous', { simple: true })).toBe(2); // FULL
      }
      await migrateToLatest(database);
      const school = await seed(database);
      await database.close();
      open = false;

      const env = { DATABASE_URL: target.url, LOG_LEVEL: 'info' };
      server = await startServer(env);
      for (let round = 0; round < kills; round++) {
        const lessonIds = school.lessonIds.slice(round * lessonsPerRound, (round + 1) * lessonsPerRound);
        const writes = writesOf(lessonIds, school.studentIds);
        const headers = await signIn(server.base, school.login);
        const { acknowledged, sent, atMs, delayMs } = await loadAndKill(
          server,
          headers,
          writes,
          school.workKindId,
        );
        expect(acknowledged.length).toBeGreaterThan(20);
        expect(acknowledged.length).toBeLessThan(writes.length); // killed mid-load, not after it

        server = await startServer(env);
        const after = await stored(target.url, lessonIds);
        const missing = acknowledged.filter((w) =>
          w.kind === 'mark'
            ? after.marks.get(keyOf(w)) !== w.value
            : after.attendance.get(keyOf(w)) !== `${w.value}/${w.reason}`,
        );
        expect(missing).toEqual([]);
        // Whatever else is there (sent, not acknowledged) holds exactly the value that was sent.
        const meant = new Map(
          writes.map((w) => [
            `${w.kind}:${keyOf(w)}`,
            w.kind === 'mark' ? w.value : `${w.value}/${w.reason}`,
          ]),
        );
        for (const [key, value] of after.marks) expect(value).toBe(meant.get(`mark:${key}`));
        for (const [key, value] of after.attendance) expect(value).toBe(meant.get(`attendance:${key}`));
        const found = after.marks.size + after.attendance.size;
        log.push(
          `${engine.name} kill ${round + 1} at ${atMs} ms (aimed at ${delayMs}): sent ${sent}, acknowledged ${acknowledged.length} (${Math.round((acknowledged.length * 1000) / atMs)}/s), all verified; in the database ${found}`,
        );
      }
    } finally {
      if (server && server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      if (open) await database.close();
      await target.drop();
      console.info(log.join('\n'));
    }
  }, 180_000);
});
