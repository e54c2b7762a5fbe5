import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, enroll } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { saveLessonPage } from '../lessons/lesson-page.ts';
import { addColumn } from './add-column.ts';
import { cellHistory } from './cell-history.ts';
import { lockClassesForClose } from './journal.policy.ts';
import { journalSchool, reopenPeriod } from './journal.test-helpers.ts';
import { saveAttendance } from './save-attendance.ts';
import { saveAttendanceColumn } from './save-attendance-column.ts';
import { saveMark } from './save-mark.ts';
import { savePeriodMark } from './save-period-mark.ts';

/** Guards of the journal: whose history a reader reaches, archived courses, races with closing. */
describe.each(engines())('journal guards on $name', (engine) => {
  let database: Database;
  let db: Kysely<DB>;
  let s: Awaited<ReturnType<typeof journalSchool>>;
  let app: FastifyInstance;
  let ivanova: Client;

  const editWindow = (days: number) =>
    db
      .updateTable('schools')
      .set({ settings: JSON.stringify({ editWindowDays: days }) })
      .where('id', '=', s.schoolId)
      .execute();
  const columnsOf = async (lessonId: number) => {
    const row = await db
      .selectFrom('lessons')
      .select('markColumns')
      .where('id', '=', lessonId)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.markColumns ?? '[]') as number[];
  };

  beforeAll(async () => {
    database = await engine.open();
    db = database.db;
    app = await testApp(database);
    s = await journalSchool(db);
    ivanova = await signIn(app, s.people.ivanova.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('a period mark of a student never in the course group is not in its history (404)', async () => {
    const other = await buildPerson(db, {
      schoolId: s.schoolId,
      roles: ['student'],
      lastName: 'Гаврилов',
      firstName: 'Глеб',
      account: false,
    });
    await enroll(db, { schoolId: s.schoolId, groupId: s.classes.c6.groupId, studentId: other.id });
    await savePeriodMark(s.ctx.ivanova, {
      courseId: s.courses.math6,
      studentId: other.id,
      periodId: s.periods.q1,
      value: '3',
      version: null,
    });
    const own = await cellHistory(s.ctx.ivanova, {
      kind: 'periodMark',
      courseId: s.courses.math6,
      studentId: other.id,
      periodId: s.periods.q1,
    });
    expect(own.events.map((e) => e.to)).toEqual(['3']);
    // Простова substitutes one lesson of Математика 5А; Петров leads 5А: neither reaches 6Б's marks.
    for (const who of [s.ctx.plain, s.ctx.petrov])
      await expect(
        cellHistory(who, {
          kind: 'periodMark',
          courseId: s.courses.math5,
          studentId: other.id,
          periodId: s.periods.q1,
        }),
      ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a mark of a student not in the group on the lesson date is not in its history (404)', async () => {
    const q = {
      kind: 'mark' as const,
      lessonId: s.lessons.mathRecent,
      studentId: s.students.vasiliev,
      workKindId: s.workKinds.answer,
    };
    await saveMark(s.ctx.ivanova, { ...q, value: '4', version: null });
    expect((await cellHistory(s.ctx.plain, q)).events.map((e) => e.to)).toEqual(['4']);
    // His membership is corrected: he left 5А before that lesson.
    await db
      .updateTable('groupMemberships')
      .set({ endsOn: '2026-11-01' })
      .where('groupId', '=', s.classes.c5.groupId)
      .where('studentId', '=', s.students.vasiliev)
      .execute();
    for (const kind of ['mark', 'attendance'] as const)
      await expect(cellHistory(s.ctx.plain, { ...q, kind })).rejects.toMatchObject({ code: 'not_found' });
    await db
      .updateTable('groupMemberships')
      .set({ endsOn: null })
      .where('groupId', '=', s.classes.c5.groupId)
      .where('studentId', '=', s.students.vasiliev)
      .execute();
  });

  it('a column added past the edit window takes the reason and keeps it in the audit', async () => {
    await editWindow(0);
    try {
      const url = `/api/journal/lessons/${s.lessons.mathOld}/columns`;
      const bare = await ivanova.send('POST', url, { workKindId: s.workKinds.test });
      expect(bare.statusCode).toBe(400);
      expect(Object.keys(bare.json().fields)).toEqual(['editReason']);
      const given = await ivanova.send('POST', url, {
        workKindId: s.workKinds.test,
        editReason: 'Пропущена КР',
      });
      expect(given.statusCode).toBe(200);
      expect(given.json().columns).toContain(s.workKinds.test);
      const event = await db
        .selectFrom('auditEvents')
        .select('after')
        .where('action', '=', 'journal.column.add')
        .where('entityId', '=', String(s.lessons.mathOld))
        .executeTakeFirstOrThrow();
      expect(JSON.parse(event.after ?? '{}').editReason).toBe('Пропущена КР');
    } finally {
      await editWindow(365);
    }
  });

  it('columns added at the same moment all stay', async () => {
    const kinds = await db
      .selectFrom('workKinds')
      .select('id')
      .where('schoolId', '=', s.schoolId)
      .where('archivedAt', 'is', null)
      .orderBy('id')
      .execute();
    const extra = kinds.slice(1).map((k) => k.id);
    expect(extra.length).toBeGreaterThanOrEqual(2);
    for (const lessonId of [s.lessons.englishA1, s.lessons.englishA2]) {
      await Promise.all(extra.map((kind) => addColumn(s.ctx.sidorova, lessonId, kind)));
      expect((await columnsOf(lessonId)).sort((a, b) => a - b)).toEqual([kinds[0]!.id, ...extra]);
    }
  });

  it('a student listed twice in an attendance column is told on «Посещаемость»', async () => {
    const url = `/api/journal/lessons/${s.lessons.mathRecent}/attendance`;
    const entry = { studentId: s.students.alekseev, value: 'absent', version: null };
    const ru = await ivanova.send('POST', url, { entries: [entry, entry] });
    expect(ru.statusCode).toBe(400);
    expect(ru.json().message).toContain('«Посещаемость»');
    expect(ru.json().fields).toEqual({ entries: 'Ученик указан в списке дважды.' });
    const en = await ivanova.send('POST', url, { entries: [entry, entry] }, { 'accept-language': 'en' });
    expect(en.json().message).toContain('«Attendance»');
    expect(en.json().fields).toEqual({ entries: 'The student is listed twice.' });
    const stranger = await ivanova.send('POST', url, {
      entries: [{ ...entry, studentId: s.people.petrov.id }],
    });
    expect(stranger.json().fields).toEqual({ entries: 'Ученик не был в группе в день урока.' });
  });

  it('an archived course stays readable but takes no writes (409)', async () => {
    const course = s.courses.math5;
    const lessonId = s.lessons.mathRecent;
    await db
      .updateTable('courses')
      .set({ archivedAt: new Date().toISOString() })
      .where('id', '=', course)
      .execute();
    try {
      const grid = await ivanova.get(`/api/journal/courses/${course}?periodId=${s.periods.q2}`);
      expect(grid.statusCode).toBe(200);
      expect(grid.json().lessons.map((l: { canEdit: boolean }) => l.canEdit)).not.toContain(true);
      expect(grid.json().canSetPeriodMarks).toBe(false);
      const cell = { lessonId, studentId: s.students.alekseev, workKindId: s.workKinds.answer };
      const writes = [
        ['/api/journal/marks', { ...cell, value: '5', version: null }],
        [
          '/api/journal/attendance',
          { lessonId, studentId: s.students.alekseev, value: 'late', version: null },
        ],
        [`/api/journal/lessons/${lessonId}/attendance`, { entries: [] }],
        [`/api/journal/lessons/${lessonId}/columns`, { workKindId: s.workKinds.test }],
        [
          '/api/journal/period-marks',
          {
            courseId: course,
            studentId: s.students.alekseev,
            periodId: s.periods.q2,
            value: '5',
            version: null,
          },
        ],
        [`/api/journal/lessons/${lessonId}`, { topic: 'Дроби' }],
        [`/api/journal/courses/${course}/plan/items`, { topic: 'Дроби' }],
      ] as const;
      for (const [url, body] of writes) {
        const res = await ivanova.send('POST', url, body);
        expect([url, res.statusCode, res.json().message]).toEqual([
          url,
          409,
          'Курс в архиве: его журнал можно только читать.',
        ]);
      }
      const en = await ivanova.send('POST', writes[0][0], writes[0][1], { 'accept-language': 'en' });
      expect(en.json().message).toBe('The course is archived: its journal can only be read.');
      const history = await ivanova.get(
        `/api/journal/history?kind=mark&lessonId=${lessonId}&studentId=${s.students.vasiliev}&workKindId=${s.workKinds.answer}`,
      );
      expect(history.statusCode).toBe(200);
    } finally {
      await db.updateTable('courses').set({ archivedAt: null }).where('id', '=', course).execute();
    }
  });

  it('a write racing a closing of its period waits for it and is refused (409), nothing written', async () => {
    const classId = s.classes.c5.classId;
    const cell = {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.alekseev,
      workKindId: s.workKinds.answer,
    };
    const writes = {
      mark: () => saveMark(s.ctx.ivanova, { ...cell, value: '5', version: null }),
      periodMark: () =>
        savePeriodMark(s.ctx.ivanova, {
          courseId: s.courses.math5,
          studentId: s.students.alekseev,
          periodId: s.periods.q2,
          value: '5',
          version: null,
        }),
      column: () => addColumn(s.ctx.ivanova, s.lessons.mathRecent, s.workKinds.test),
      attendance: () =>
        saveAttendance(s.ctx.ivanova, {
          lessonId: s.lessons.mathRecent,
          studentId: s.students.alekseev,
          value: 'late',
          version: null,
        }),
      attendanceColumn: () =>
        saveAttendanceColumn(s.ctx.ivanova, s.lessons.mathRecent, {
          entries: [{ studentId: s.students.alekseev, value: 'absent', version: null }],
        }),
      lessonPage: () => saveLessonPage(s.ctx.ivanova, s.lessons.mathRecent, { topic: 'Закрытая тема' }),
    };
    for (const [what, write] of Object.entries(writes)) {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const hasLock = new Promise<void>((resolve) => {
        locked = resolve;
      });
      let closureId = 0;
      // The deputy's closing, held open between its check and its commit.
      const closing = db.transaction().execute(async (trx) => {
        await lockClassesForClose(trx, [classId]);
        const row = await trx
          .insertInto('periodClosures')
          .values({
            schoolId: s.schoolId,
            periodId: s.periods.q2,
            classId,
            closedAt: new Date().toISOString(),
            closedBy: s.people.deputy.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        closureId = row.id;
        locked();
        await held;
      });
      await hasLock;
      const outcome = write().then(
        () => 'written',
        (error: { messageKey?: string }) => error.messageKey,
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
      release();
      await closing;
      expect([what, await outcome]).toEqual([what, 'journalPeriodClosed']);
      await reopenPeriod(db, closureId, s.people.deputy.id);
    }
    const marks = await db
      .selectFrom('marks')
      .select('id')
      .where('studentId', '=', s.students.alekseev)
      .execute();
    const periodMarks = await db
      .selectFrom('periodMarks')
      .select('id')
      .where('studentId', '=', s.students.alekseev)
      .execute();
    const attendance = await db
      .selectFrom('attendance')
      .select('id')
      .where('studentId', '=', s.students.alekseev)
      .execute();
    const lesson = await db
      .selectFrom('lessons')
      .select('topic')
      .where('id', '=', s.lessons.mathRecent)
      .executeTakeFirstOrThrow();
    expect([marks.length, periodMarks.length, attendance.length, lesson.topic]).toEqual([0, 0, 0, null]);
    expect(await columnsOf(s.lessons.mathRecent)).not.toContain(s.workKinds.test);
  });
});
