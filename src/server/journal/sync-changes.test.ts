import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildSchool } from '../../../test/factories.ts';
import type { ChangeResult, OfflineChange } from '../../contract/offline.ts';
import type { Ctx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { closePeriod, journalSchool, reopenPeriod } from './journal.test-helpers.ts';
import { saveMark } from './save-mark.ts';
import { testDevice } from './sync.test-helpers.ts';
import { syncChanges } from './sync-changes.ts';

/** The device loaded its course on the lesson's morning: changes made that day count as made then. */
const since = '2026-11-24T05:00:00.000Z';
const during = '2026-11-24T09:30:00.000Z';

describe.each(engines())('offline sync on $name', (engine) => {
  let database: Database;
  let db: Kysely<DB>;
  let s: Awaited<ReturnType<typeof journalSchool>>;
  let ivanova: Ctx;

  const device = (courseId = s.courses.math5) => testDevice(db, s.people.ivanova.id, courseId, since);
  const sync = (ctx: Ctx, deviceId: string, changes: OfflineChange[]) =>
    syncChanges(ctx, { deviceId, changes }).then((r) => r.results);
  const mark = (
    studentId: number,
    value: string,
    base: { value: string; version: number } | null = null,
    workKindId = s.workKinds.test,
  ) => ({
    kind: 'mark' as const,
    lessonId: s.lessons.mathRecent,
    studentId,
    workKindId,
    value,
    base,
  });
  const markRow = (studentId: number, workKindId = s.workKinds.test) =>
    db
      .selectFrom('marks')
      .select(['id', 'value', 'version', 'createdAt'])
      .where('lessonId', '=', s.lessons.mathRecent)
      .where('studentId', '=', studentId)
      .where('workKindId', '=', workKindId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
  const eventsOf = (entity: string, entityId: number) =>
    db
      .selectFrom('auditEvents')
      .select(['action', 'after'])
      .where('entity', '=', entity)
      .where('entityId', '=', String(entityId))
      .orderBy('id')
      .execute();
  const statuses = (results: ChangeResult[]) => results.map((r) => r.status);
  const conflictOf = (r: ChangeResult | undefined) => {
    if (r?.status !== 'conflict') throw new Error(`expected a conflict, got ${JSON.stringify(r)}`);
    return r;
  };

  beforeAll(async () => {
    database = await engine.open();
    db = database.db;
    s = await journalSchool(db);
    ivanova = s.ctx.ivanova;
  });
  afterAll(async () => {
    await database.close();
  });

  it('applies a batch in seq order whatever order it is sent in, and refuses a seq already passed', async () => {
    const d = await device();
    const st = s.students.alekseev;
    const first = d.change(mark(st, '3'));
    const second = d.change(mark(st, '4', { value: '3', version: 1 }));
    const third = d.change(mark(st, '5', { value: '4', version: 2 }));
    const results = await sync(ivanova, d.deviceId, [third, first, second]);
    // Each change's base is the one before it: only seq order applies all three.
    expect(statuses(results)).toEqual(['applied', 'applied', 'applied']);
    expect(results.map((r) => r.id)).toEqual([third.id, first.id, second.id]);
    expect(await markRow(st)).toMatchObject({ value: '5', version: 3 });

    const late = { ...d.change(mark(st, '2', { value: '5', version: 3 })), seq: 2 };
    const [refused] = await sync(ivanova, d.deviceId, [late]);
    expect(refused).toEqual({ id: late.id, seq: 2, status: 'outOfOrder', lastSeq: 3 });
    expect(await markRow(st)).toMatchObject({ value: '5', version: 3 });
    expect(await db.selectFrom('offlineChanges').select('id').where('id', '=', late.id).execute()).toEqual(
      [],
    );
  });

  it('answers a batch sent twice from the first time: nothing applied again, one audit event each', async () => {
    const d = await device();
    const batch = [
      d.change(mark(s.students.borisova, '4')),
      d.change({
        kind: 'attendance',
        lessonId: s.lessons.mathRecent,
        studentId: s.students.vasiliev,
        value: 'late',
        base: null,
      }),
      d.change(mark(s.students.vasiliev, '5', { value: '9', version: 7 })),
    ];
    const once = await sync(ivanova, d.deviceId, batch);
    expect(statuses(once)).toEqual(['applied', 'applied', 'conflict']);
    const row = await markRow(s.students.borisova);
    const twice = await sync(ivanova, d.deviceId, batch);
    expect(statuses(twice)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(twice.map((r) => (r.status === 'duplicate' ? r.first : null))).toEqual(once);
    expect(await markRow(s.students.borisova)).toEqual(row);
    expect(await eventsOf('mark', row!.id)).toHaveLength(1);
    const absence = await db
      .selectFrom('attendance')
      .select(['id', 'version'])
      .where('lessonId', '=', s.lessons.mathRecent)
      .where('studentId', '=', s.students.vasiliev)
      .executeTakeFirstOrThrow();
    expect(absence.version).toBe(1);
    expect(await eventsOf('attendance', absence.id)).toHaveLength(1);
    // The same id again within one batch is a repeat too.
    const again = d.change(mark(s.students.borisova, '4', null, s.workKinds.answer));
    const inBatch = await sync(ivanova, d.deviceId, [again, { ...again, seq: again.seq + 1 }]);
    expect(statuses(inBatch)).toEqual(['applied', 'duplicate']);
  });

  it('applies a batch sent twice at once exactly once: one answer applied, the other duplicate', async () => {
    const d = await device();
    const lesson = await db
      .insertInto('lessons')
      .values({
        schoolId: s.schoolId,
        courseId: s.courses.math5,
        teacherId: s.people.ivanova.id,
        date: '2026-11-24',
        lessonNumber: 8,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const batch = [
      d.change({ ...mark(s.students.alekseev, '4'), lessonId: lesson.id }),
      d.change({ ...mark(s.students.vasiliev, '3'), lessonId: lesson.id }),
    ];
    const both = await Promise.all([sync(ivanova, d.deviceId, batch), sync(ivanova, d.deviceId, batch)]);
    for (const k of [0, 1]) {
      expect(both.map((results) => results[k]!.status).sort()).toEqual(['applied', 'duplicate']);
    }
    const marks = await db
      .selectFrom('marks')
      .select(['id', 'version'])
      .where('lessonId', '=', lesson.id)
      .execute();
    expect(marks.map((m) => m.version)).toEqual([1, 1]);
    for (const m of marks) expect(await eventsOf('mark', m.id)).toHaveLength(1);
  });

  it('records when the change was made and when it arrived in the audit event, and stores the made time', async () => {
    const d = await device();
    const [result] = await sync(ivanova, d.deviceId, [
      {
        ...d.change(mark(s.students.alekseev, '4', null, s.workKinds.answer)),
        madeAt: '2026-11-24T12:30:00+03:00',
      },
    ]);
    expect(result).toMatchObject({ status: 'applied', madeAt: during, clamped: false });
    const row = await markRow(s.students.alekseev, s.workKinds.answer);
    expect(new Date(row!.createdAt).toISOString()).toBe(during);
    const [event] = await eventsOf('mark', row!.id);
    const after = JSON.parse(event!.after!);
    expect(after).toMatchObject({ value: '4', offline: true, madeAt: during });
    expect(after.arrivedAt).toBe(result?.status === 'applied' ? result.arrivedAt : 'none');
    expect(Date.parse(after.arrivedAt)).toBeGreaterThan(Date.parse(during));
  });

  it('clamps a made time before the checkpoint, after the arrival or without a checkpoint, and says so', async () => {
    const d = await device();
    const lesson = await db
      .insertInto('lessons')
      .values({
        schoolId: s.schoolId,
        courseId: s.courses.math5,
        teacherId: s.people.ivanova.id,
        date: '2026-11-24',
        lessonNumber: 5,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const at = (studentId: number) => ({
      kind: 'mark' as const,
      lessonId: lesson.id,
      studentId,
      workKindId: s.workKinds.test,
      value: '5',
      base: null,
    });
    const results = await sync(ivanova, d.deviceId, [
      { ...d.change(at(s.students.alekseev)), madeAt: '2026-11-20T08:00:00Z' },
      { ...d.change(at(s.students.borisova)), madeAt: '2099-01-01T00:00:00Z' },
      { ...d.change(at(s.students.vasiliev)), madeAt: during, checkpointId: 2_000_000_000 },
    ]);
    expect(results.map((r) => (r.status === 'applied' ? r.clamped : null))).toEqual([true, true, true]);
    const rows = await db
      .selectFrom('marks')
      .select(['id', 'studentId'])
      .where('lessonId', '=', lesson.id)
      .execute();
    const why = async (studentId: number) =>
      JSON.parse((await eventsOf('mark', rows.find((r) => r.studentId === studentId)!.id))[0]!.after!);
    expect(await why(s.students.alekseev)).toMatchObject({
      clamped: 'beforeCheckpoint',
      madeAt: since,
      claimedMadeAt: '2026-11-20T08:00:00Z',
    });
    const future = await why(s.students.borisova);
    expect(future).toMatchObject({ clamped: 'afterArrival', claimedMadeAt: '2099-01-01T00:00:00Z' });
    expect(future.madeAt).toBe(future.arrivedAt);
    const unknown = await why(s.students.vasiliev);
    expect(unknown).toMatchObject({ clamped: 'noCheckpoint' });
    expect(unknown.madeAt).toBe(unknown.arrivedAt);
  });

  it('never overwrites a cell changed meanwhile: cellChanged with both values, resolved by a new change', async () => {
    const d = await device();
    const st = s.students.vasiliev;
    const cell = { lessonId: s.lessons.mathRecent, studentId: st, workKindId: s.workKinds.answer };
    await saveMark(ivanova, { ...cell, value: '3', version: null });
    const mine = d.change({ kind: 'mark', ...cell, value: '5', base: null });
    const conflict = conflictOf((await sync(ivanova, d.deviceId, [mine]))[0]);
    expect(conflict.reason).toBe('cellChanged');
    expect(conflict.server).toMatchObject({
      cell: { value: '3', version: 1 },
      by: expect.stringContaining('Иванова'),
    });
    expect(conflict.yours).toMatchObject({ value: '5', base: null });
    expect(conflict.message).toMatch(/изменили/);
    expect(await markRow(st, s.workKinds.answer)).toMatchObject({ value: '3', version: 1 });
    // The teacher keeps their value: a new change on the server's version.
    const chosen = d.change({ kind: 'mark', ...cell, value: '5', base: { value: '3', version: 1 } });
    expect(statuses(await sync(ivanova, d.deviceId, [chosen]))).toEqual(['applied']);
    expect(await markRow(st, s.workKinds.answer)).toMatchObject({ value: '5', version: 2 });
  });

  it('refuses a change into a period closed meanwhile: periodClosed', async () => {
    const d = await device();
    const closure = await closePeriod(db, s.schoolId, s.periods.q2, s.classes.c5.classId, s.people.deputy.id);
    try {
      const conflict = conflictOf(
        (
          await sync(ivanova, d.deviceId, [
            d.change(mark(s.students.alekseev, '2', { value: '5', version: 3 })),
          ])
        )[0],
      );
      expect(conflict.reason).toBe('periodClosed');
      expect(conflict.server).toMatchObject({ cell: { value: '5', version: 3 } });
      expect(await markRow(s.students.alekseev)).toMatchObject({ value: '5', version: 3 });
    } finally {
      await reopenPeriod(db, closure, s.people.deputy.id);
    }
  });

  it('refuses a student who was not in the group on the date (moved): studentMoved', async () => {
    const d = await testDevice(db, s.people.sidorova.id, s.courses.english5a, since);
    const change = d.change({
      kind: 'attendance',
      lessonId: s.lessons.englishA2,
      studentId: s.students.borisova,
      value: 'absent',
      base: null,
    });
    const conflict = conflictOf((await sync(s.ctx.sidorova, d.deviceId, [change]))[0]);
    expect(conflict.reason).toBe('studentMoved');
    expect(conflict.server).toEqual({ cell: null, by: null, at: null });
  });

  it('asks for a reason past the edit window (editWindow), and applies the change sent again with one', async () => {
    const d = await device();
    await db
      .updateTable('schools')
      .set({ settings: JSON.stringify({ editWindowDays: 0 }) })
      .where('id', '=', s.schoolId)
      .execute();
    try {
      const cell = {
        kind: 'attendance' as const,
        lessonId: s.lessons.mathRecent,
        studentId: s.students.alekseev,
        value: 'absent' as const,
        base: null,
      };
      const conflict = conflictOf((await sync(ivanova, d.deviceId, [d.change(cell)]))[0]);
      expect(conflict.reason).toBe('editWindow');
      expect(conflict.message).toMatch(/причин/);
      const [again] = await sync(ivanova, d.deviceId, [
        d.change({ ...cell, editReason: 'Работал без связи' }),
      ]);
      expect(again?.status).toBe('applied');
    } finally {
      await db
        .updateTable('schools')
        .set({ settings: JSON.stringify({ editWindowDays: 365 }) })
        .where('id', '=', s.schoolId)
        .execute();
    }
  });

  it('refuses a lesson the teacher may not write or does not see (forbidden), without showing its cells', async () => {
    const d = await device();
    const results = await sync(s.ctx.plain, d.deviceId, [
      d.change(mark(s.students.alekseev, '2', { value: '5', version: 3 })),
      d.change({ kind: 'attendanceTaken', lessonId: s.lessons.englishB1 }),
    ]);
    expect(results.map((r) => conflictOf(r).reason)).toEqual(['forbidden', 'forbidden']);
    expect(results.map((r) => conflictOf(r).server)).toEqual([null, null]);
    expect(await markRow(s.students.alekseev)).toMatchObject({ value: '5', version: 3 });
  });

  it('refuses a change to a lesson cancelled or removed meanwhile: lessonGone', async () => {
    const d = await device();
    const lesson = await db
      .insertInto('lessons')
      .values({
        schoolId: s.schoolId,
        courseId: s.courses.math5,
        teacherId: s.people.ivanova.id,
        date: '2026-11-24',
        lessonNumber: 6,
        cancelledAt: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Another school's lesson answers as a missing one (nothing tells whether its id exists).
    const other = await buildSchool(db);
    const foreign = await db
      .insertInto('lessons')
      .values({
        schoolId: other.schoolId,
        courseId: s.courses.math5,
        teacherId: s.people.ivanova.id,
        date: '2026-11-20',
        lessonNumber: 9,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const results = await sync(ivanova, d.deviceId, [
      d.change({ ...mark(s.students.alekseev, '5'), lessonId: lesson.id }),
      d.change({ ...mark(s.students.alekseev, '5'), lessonId: 2_000_000_000 }),
      d.change({ ...mark(s.students.alekseev, '5'), lessonId: foreign.id }),
    ]);
    expect(results.map((r) => conflictOf(r).reason)).toEqual(['lessonGone', 'lessonGone', 'lessonGone']);
    const stored = await db.selectFrom('marks').select('id').where('lessonId', '=', foreign.id).execute();
    expect(stored).toEqual([]);
  });

  it('stamps attendance taken and the lesson page with the made time, and the page checks its base', async () => {
    const d = await device();
    const lesson = await db
      .insertInto('lessons')
      .values({
        schoolId: s.schoolId,
        courseId: s.courses.math5,
        teacherId: s.people.ivanova.id,
        date: '2026-11-24',
        lessonNumber: 7,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const results = await sync(ivanova, d.deviceId, [
      { ...d.change({ kind: 'attendanceTaken', lessonId: lesson.id }), madeAt: during },
      {
        ...d.change({ kind: 'lessonPage', lessonId: lesson.id, topic: 'Дроби', base: { topic: null } }),
        madeAt: during,
      },
      d.change({ kind: 'lessonPage', lessonId: lesson.id, topic: 'Проценты', base: { topic: null } }),
    ]);
    expect(statuses(results)).toEqual(['applied', 'applied', 'conflict']);
    expect(conflictOf(results[2]).server).toMatchObject({ cell: { topic: 'Дроби' } });
    const row = await db
      .selectFrom('lessons')
      .select(['topic', 'topicEnteredAt', 'attendanceTakenAt'])
      .where('id', '=', lesson.id)
      .executeTakeFirstOrThrow();
    expect(row.topic).toBe('Дроби');
    expect(new Date(row.topicEnteredAt!).toISOString()).toBe(during);
    expect(new Date(row.attendanceTakenAt!).toISOString()).toBe(during);
  });
});
