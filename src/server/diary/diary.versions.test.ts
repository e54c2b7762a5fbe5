import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { diarySchool } from './diary.test-helpers.ts';

// A mark saved for one student must leave every other diary of the school valid (#10): the week's
// ETag moves with the child's own changes and the school-wide ones, never with a classmate's.
describe.each(engines())('diary versions on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof diarySchool>>;
  let parent: Client;
  let ivanova: Client;
  let url: string;
  let child: number;
  let classmate: number;

  /** The week's ETag now, checked against the one before: a 304 exactly when it has not moved. */
  async function etagAfter(before: string | null): Promise<string> {
    const res = await parent.get(url, before ? { 'if-none-match': before } : {});
    expect([200, 304]).toContain(res.statusCode);
    return res.headers.etag as string;
  }

  const mark = (studentId: number, value: string) =>
    ivanova.send('POST', '/api/journal/marks', {
      lessonId: s.lessons.mathRecent,
      studentId,
      workKindId: s.workKinds.answer,
      value,
      version: null,
    });

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await diarySchool(database.db);
    parent = await signIn(app, s.people.parent.login);
    ivanova = await signIn(app, s.people.ivanova.login);
    child = s.diary.grigoriev.id;
    classmate = s.students.vasiliev;
    url = `/api/diary/${child}/week?date=2026-11-25`;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("keeps the ETag for a classmate's mark, attendance and period mark (304)", async () => {
    const etag = await etagAfter(null);
    expect((await mark(classmate, '5')).statusCode).toBe(200);
    const attendance = await ivanova.send('POST', '/api/journal/attendance', {
      lessonId: s.lessons.mathRecent,
      studentId: classmate,
      value: 'late',
      version: null,
    });
    expect(attendance.statusCode).toBe(200);
    const periodMark = await ivanova.send('POST', '/api/journal/period-marks', {
      courseId: s.courses.math5,
      studentId: classmate,
      periodId: s.periods.q2,
      value: '5',
      version: null,
    });
    expect(periodMark.statusCode, periodMark.body).toBe(200);
    const again = await parent.get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.headers.etag).toBe(etag);
  });

  it('keeps the ETag when a column of attendance is taken with the child present', async () => {
    const etag = await etagAfter(null);
    const versionOf = async () =>
      Number(
        (
          await database.db
            .selectFrom('dataVersions')
            .select('version')
            .where('schoolId', '=', s.schoolId)
            .executeTakeFirstOrThrow()
        ).version,
      );
    const reportsBefore = await versionOf();
    const column = await ivanova.send('POST', `/api/journal/lessons/${s.lessons.mathRecent}/attendance`, {
      entries: [{ studentId: s.diary.dmitrieva.id, value: 'absent', version: null }],
    });
    expect(column.statusCode, column.body).toBe(200);
    expect(await versionOf()).toBeGreaterThan(reportsBefore);
    const again = await parent.get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
  });

  it("moves the ETag for the child's own mark, attendance and period mark", async () => {
    let etag = await etagAfter(null);
    expect((await mark(child, '4')).statusCode).toBe(200);
    const afterMark = await parent.get(url, { 'if-none-match': etag });
    expect(afterMark.statusCode).toBe(200);
    expect(afterMark.body).toContain('"4"');
    etag = afterMark.headers.etag as string;

    const attendance = await ivanova.send('POST', '/api/journal/attendance', {
      lessonId: s.lessons.mathRecent,
      studentId: child,
      value: 'absent',
      version: null,
    });
    expect(attendance.statusCode).toBe(200);
    const afterAttendance = await etagAfter(etag);
    expect(afterAttendance).not.toBe(etag);

    const periodMark = await ivanova.send('POST', '/api/journal/period-marks', {
      courseId: s.courses.math5,
      studentId: child,
      periodId: s.periods.q2,
      value: '4',
      version: null,
    });
    expect(periodMark.statusCode, periodMark.body).toBe(200);
    expect(await etagAfter(afterAttendance)).not.toBe(afterAttendance);
  });

  it("moves the ETag for a topic or homework of the child's lesson (every diary of the school)", async () => {
    const etag = await etagAfter(null);
    const saved = await ivanova.send('POST', `/api/journal/lessons/${s.lessons.mathRecent}`, {
      homework: 'Стр. 42, №7',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await parent.get(url, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Стр. 42, №7');
  });

  it("leaves the classmate's own diary to move with the classmate's mark", async () => {
    const other = `/api/diary/${s.diary.dmitrieva.id}/week?date=2026-11-25`;
    const before = (await parent.get(other)).headers.etag as string;
    const childEtag = await etagAfter(null);
    expect((await mark(s.diary.dmitrieva.id, '3')).statusCode).toBe(200);
    expect((await parent.get(other, { 'if-none-match': before })).statusCode).toBe(200);
    expect(await etagAfter(childEtag)).toBe(childEtag);
  });
});
