import type { Kysely, KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Ctx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { addColumn } from './add-column.ts';
import { cellHistory } from './cell-history.ts';
import { closePeriod, journalSchool, reopenPeriod } from './journal.test-helpers.ts';
import { saveAttendance } from './save-attendance.ts';
import { saveAttendanceColumn } from './save-attendance-column.ts';
import { saveMark } from './save-mark.ts';
import { savePeriodMark } from './save-period-mark.ts';

/** Makes every insert into the audit trail fail: the change it records must not stay either. */
const brokenAudit: KyselyPlugin = {
  transformQuery(args) {
    const node = args.node;
    if (node.kind === 'InsertQueryNode' && JSON.stringify(node.into).includes('audit_events'))
      throw new Error('audit unavailable');
    return node;
  },
  async transformResult(args) {
    return args.result;
  },
};

describe.each(engines())('journal writes on $name', (engine) => {
  let database: Database;
  let db: Kysely<DB>;
  let s: Awaited<ReturnType<typeof journalSchool>>;

  const audits = async (entity: string) =>
    db
      .selectFrom('auditEvents')
      .select(['action', 'entityId', 'before', 'after'])
      .where('entity', '=', entity)
      .where('schoolId', '=', s.schoolId)
      .orderBy('id')
      .execute();
  const markRows = (lessonId: number, studentId: number) =>
    db
      .selectFrom('marks')
      .select(['id', 'value', 'version', 'deletedAt'])
      .where('lessonId', '=', lessonId)
      .where('studentId', '=', studentId)
      .execute();

  beforeAll(async () => {
    database = await engine.open();
    db = database.db;
    s = await journalSchool(db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('sets, changes, clears and revives a mark in one row, each change audited from → to', async () => {
    const cell = {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.alekseev,
      workKindId: s.workKinds.answer,
    };
    const set = await saveMark(s.ctx.ivanova, { ...cell, value: '4', version: null });
    expect(set.cell).toMatchObject({ value: '4', version: 1 });
    const changed = await saveMark(s.ctx.ivanova, { ...cell, value: '5−', comment: 'Молодец', version: 1 });
    expect(changed.cell).toEqual({ ...cell, value: '5-', comment: 'Молодец', version: 2 });
    // A save without the comment keeps it (same value and comment: nothing changes).
    expect((await saveMark(s.ctx.ivanova, { ...cell, value: '5-', version: 2 })).cell?.comment).toBe(
      'Молодец',
    );
    expect((await saveMark(s.ctx.ivanova, { ...cell, value: '', version: 2 })).cell).toBeNull();
    const revived = await saveMark(s.ctx.ivanova, { ...cell, value: '3', version: null });
    expect(revived.cell).toMatchObject({ value: '3', version: 4 });
    const rows = await markRows(cell.lessonId, cell.studentId);
    expect(rows).toEqual([expect.objectContaining({ value: '3', version: 4, deletedAt: null })]);
    const events = (await audits('mark')).filter((e) => e.entityId === String(rows[0]!.id));
    expect(
      events.map((e) => [
        e.action,
        JSON.parse(e.before ?? 'null')?.value ?? null,
        JSON.parse(e.after!).value,
      ]),
    ).toEqual([
      ['journal.mark.set', null, '4'],
      ['journal.mark.set', '4', '5-'],
      ['journal.mark.clear', '5-', null],
      ['journal.mark.set', null, '3'],
    ]);
    const history = await cellHistory(s.ctx.petrov, { kind: 'mark', ...cell });
    expect(history.events.map((e) => [e.actor, e.from, e.to, e.comment])).toEqual([
      ['Иванова Иван Иванович', null, '4', null],
      ['Иванова Иван Иванович', '4', '5-', 'Молодец'],
      ['Иванова Иван Иванович', '5-', null, null],
      ['Иванова Иван Иванович', null, '3', null],
    ]);
  });

  it('409 on a stale version: tells the current cell and writes nothing', async () => {
    const cell = {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.borisova,
      workKindId: s.workKinds.answer,
    };
    await saveMark(s.ctx.ivanova, { ...cell, value: '5', version: null });
    const before = (await audits('mark')).length;
    await expect(saveMark(s.ctx.ivanova, { ...cell, value: '2', version: null })).rejects.toMatchObject({
      current: { ...cell, value: '5', comment: null, version: 1 },
    });
    await expect(saveMark(s.ctx.ivanova, { ...cell, value: '', version: 7 })).rejects.toMatchObject({
      current: { value: '5', version: 1 },
    });
    expect((await markRows(cell.lessonId, cell.studentId)).map((r) => r.value)).toEqual(['5']);
    expect((await audits('mark')).length).toBe(before);
  });

  it('two saves of an empty cell sent at once: one is stored, the other gets the conflict', async () => {
    const cell = {
      lessonId: s.lessons.mathOld,
      studentId: s.students.vasiliev,
      workKindId: s.workKinds.test,
    };
    const results = await Promise.allSettled([
      saveMark(s.ctx.ivanova, { ...cell, value: '5', version: null }),
      saveMark(s.ctx.ivanova, { ...cell, value: '2', version: null }),
      saveMark(s.ctx.ivanova, { ...cell, value: '3', version: null }),
    ]);
    const stored = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(stored).toHaveLength(1);
    expect(refused.map((r) => (r as PromiseRejectedResult).reason.name)).toEqual([
      'CellConflict',
      'CellConflict',
    ]);
    const rows = await markRows(cell.lessonId, cell.studentId);
    expect(rows.filter((r) => r.deletedAt === null)).toHaveLength(1);
  });

  it('writes the mark and its audit event together or not at all', async () => {
    const broken: Ctx = { ...s.ctx.ivanova, db: db.withPlugin(brokenAudit) };
    const cell = {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.vasiliev,
      workKindId: s.workKinds.answer,
    };
    await expect(saveMark(broken, { ...cell, value: '5', version: null })).rejects.toThrow(
      'audit unavailable',
    );
    expect(await markRows(cell.lessonId, cell.studentId)).toEqual([]);
  });

  it('refuses bad input naming the field', async () => {
    const cell = {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.vasiliev,
      workKindId: s.workKinds.answer,
    };
    await expect(saveMark(s.ctx.ivanova, { ...cell, value: '6', version: null })).rejects.toMatchObject({
      fields: { value: 'journalMarkInvalid' },
      params: { allowed: '5, 4, 3, 2, 1, 5-, 4+, 4-, зач, незач, «.»' },
    });
    await expect(saveMark(s.ctx.ivanova, { ...cell, value: '5/4', version: null })).rejects.toMatchObject({
      fields: { value: 'journalMarkInvalid' },
    });
    await expect(
      saveMark(s.ctx.ivanova, { ...cell, workKindId: 999_999, value: '5', version: null }),
    ).rejects.toMatchObject({
      fields: { workKindId: 'journalWorkKindUnknown' },
    });
    // Борисова left 5А-1 on 15 November: the lesson of 23 November is not hers.
    await expect(
      saveMark(s.ctx.sidorova, {
        lessonId: s.lessons.englishA2,
        studentId: s.students.borisova,
        workKindId: s.workKinds.answer,
        value: '5',
        version: null,
      }),
    ).rejects.toMatchObject({ fields: { studentId: 'journalNotMember' } });
    await db
      .updateTable('schools')
      .set({ settings: JSON.stringify({ editWindowDays: 365, markedGrades: [1] }) })
      .where('id', '=', s.schoolId)
      .execute();
    try {
      await expect(saveMark(s.ctx.ivanova, { ...cell, value: '5', version: null })).rejects.toMatchObject({
        fields: { value: 'journalNotMarked' },
      });
    } finally {
      await db
        .updateTable('schools')
        .set({ settings: JSON.stringify({ editWindowDays: 365 }) })
        .where('id', '=', s.schoolId)
        .execute();
    }
    expect(await markRows(cell.lessonId, cell.studentId)).toEqual([]);
  });

  it('past the edit window a change needs a reason, kept in the audit and the history', async () => {
    await db
      .updateTable('schools')
      .set({ settings: JSON.stringify({ editWindowDays: 0 }) })
      .where('id', '=', s.schoolId)
      .execute();
    try {
      const cell = {
        lessonId: s.lessons.mathOld,
        studentId: s.students.alekseev,
        workKindId: s.workKinds.answer,
      };
      await expect(saveMark(s.ctx.ivanova, { ...cell, value: '4', version: null })).rejects.toMatchObject({
        code: 'validation',
        fields: { editReason: 'journalReasonRequired' },
      });
      await saveMark(s.ctx.ivanova, { ...cell, value: '4', version: null, editReason: 'Пересдача' });
      const history = await cellHistory(s.ctx.deputy, { kind: 'mark', ...cell });
      expect(history.events).toEqual([expect.objectContaining({ to: '4', reason: 'Пересдача' })]);
    } finally {
      await db
        .updateTable('schools')
        .set({ settings: JSON.stringify({ editWindowDays: 365 }) })
        .where('id', '=', s.schoolId)
        .execute();
    }
  });

  it('sets, changes and clears attendance in one row; a column at once, leaving unlisted students', async () => {
    const one = { lessonId: s.lessons.mathOld, studentId: s.students.borisova };
    const absent = await saveAttendance(s.ctx.ivanova, {
      ...one,
      value: 'absent',
      reason: 'illness',
      version: null,
    });
    expect(absent.cell).toEqual({ ...one, value: 'absent', reason: 'illness', version: 1 });
    const late = await saveAttendance(s.ctx.ivanova, { ...one, value: 'late', version: 1 });
    expect(late.cell).toMatchObject({ value: 'late', reason: 'illness', version: 2 });
    expect((await saveAttendance(s.ctx.ivanova, { ...one, value: null, version: 2 })).cell).toBeNull();
    expect(
      (await saveAttendance(s.ctx.ivanova, { ...one, value: 'absent', reason: null, version: null })).cell,
    ).toMatchObject({ version: 4 });
    const history = await cellHistory(s.ctx.ivanova, { kind: 'attendance', ...one });
    expect(history.events.map((e) => `${e.from}→${e.to}`)).toEqual(['null→б', 'б→оп', 'оп→null', 'null→н']);

    const lessonId = s.lessons.mathRecent;
    await saveAttendance(s.ctx.ivanova, {
      lessonId,
      studentId: s.students.vasiliev,
      value: 'absent',
      version: null,
    });
    const column = await saveAttendanceColumn(s.ctx.ivanova, lessonId, {
      entries: [
        { studentId: s.students.alekseev, value: 'absent', version: null },
        { studentId: s.students.borisova, value: 'late', version: null },
      ],
    });
    expect(column.cells.map((c) => [c.studentId, c.value]).sort()).toEqual(
      [
        [s.students.alekseev, 'absent'],
        [s.students.borisova, 'late'],
        [s.students.vasiliev, 'absent'],
      ].sort(),
    );
    const taken = await db
      .selectFrom('lessons')
      .select('attendanceTakenAt')
      .where('id', '=', lessonId)
      .executeTakeFirstOrThrow();
    expect(taken.attendanceTakenAt).toBe(column.attendanceTakenAt);
    // One stale entry: nothing at all is written.
    const before = (await audits('attendance')).length;
    await expect(
      saveAttendanceColumn(s.ctx.ivanova, lessonId, {
        entries: [
          { studentId: s.students.alekseev, value: null, version: 1 },
          { studentId: s.students.borisova, value: null, version: null },
        ],
      }),
    ).rejects.toMatchObject({ current: { studentId: s.students.borisova, value: 'late', version: 1 } });
    expect((await audits('attendance')).length).toBe(before);
    const present = await saveAttendanceColumn(s.ctx.ivanova, lessonId, {
      entries: [{ studentId: s.students.alekseev, value: null, version: 1 }],
    });
    expect(present.cells.map((c) => c.studentId).sort()).toEqual(
      [s.students.borisova, s.students.vasiliev].sort(),
    );
    // A correction keeps when attendance was first taken: timeliness is judged by it.
    expect(present.attendanceTakenAt).toBe(column.attendanceTakenAt);
  });

  it('opens another mark column once', async () => {
    const lessonId = s.lessons.englishA1;
    expect(await addColumn(s.ctx.sidorova, lessonId, s.workKinds.test)).toEqual({
      columns: [s.workKinds.answer, s.workKinds.test],
    });
    expect(await addColumn(s.ctx.sidorova, lessonId, s.workKinds.test)).toEqual({
      columns: [s.workKinds.answer, s.workKinds.test],
    });
    expect((await audits('lesson')).filter((e) => e.action === 'journal.column.add')).toHaveLength(1);
  });

  it('sets period marks: own teachers only, a fitting period, a member, not after closing', async () => {
    const body = {
      courseId: s.courses.math5,
      studentId: s.students.alekseev,
      periodId: s.periods.q1,
      value: '5',
      version: null,
    };
    expect((await savePeriodMark(s.ctx.ivanova, body)).cell).toEqual({
      studentId: s.students.alekseev,
      periodId: s.periods.q1,
      value: '5',
      version: 1,
    });
    await expect(savePeriodMark(s.ctx.ivanova, { ...body, value: '4' })).rejects.toMatchObject({
      current: { value: '5' },
    });
    expect((await savePeriodMark(s.ctx.ivanova, { ...body, value: 'осв', version: 1 })).cell?.value).toBe(
      'осв',
    );
    await expect(savePeriodMark(s.ctx.ivanova, { ...body, value: '4+', version: 2 })).rejects.toMatchObject({
      fields: { value: 'journalPeriodMarkInvalid' },
    });
    await expect(savePeriodMark(s.ctx.ivanova, { ...body, periodId: s.periods.exam })).rejects.toMatchObject({
      fields: { periodId: 'journalPeriodNotForCourse' },
    });
    await expect(savePeriodMark(s.ctx.plain, { ...body, version: 2 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(savePeriodMark(s.ctx.petrov, { ...body, version: 2 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      savePeriodMark(s.ctx.orlova, {
        ...body,
        courseId: s.courses.english5b,
        studentId: s.students.borisova,
        version: null,
      }),
    ).rejects.toMatchObject({ fields: { studentId: 'journalNotMemberPeriod' } });
    const closure = await closePeriod(db, s.schoolId, s.periods.q1, s.classes.c5.classId, s.people.deputy.id);
    await expect(savePeriodMark(s.ctx.ivanova, { ...body, value: '4', version: 2 })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'journalPeriodClosed',
    });
    await reopenPeriod(db, closure, s.people.deputy.id);
    expect((await savePeriodMark(s.ctx.ivanova, { ...body, value: '4', version: 2 })).cell?.version).toBe(3);
    const history = await cellHistory(s.ctx.ivanova, {
      kind: 'periodMark',
      studentId: s.students.alekseev,
      periodId: s.periods.q1,
      courseId: s.courses.math5,
    });
    expect(history.events.map((e) => e.to)).toEqual(['5', 'осв', '4']);
  });
});
