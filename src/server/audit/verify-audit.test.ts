import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { journalSchool } from '../journal/journal.test-helpers.ts';
import { saveAttendance } from '../journal/save-attendance.ts';
import { saveMark } from '../journal/save-mark.ts';
import { savePeriodMark } from '../journal/save-period-mark.ts';
import { verifyAudit } from './verify-audit.ts';

/**
 * Changes the audit trail behind Otmetka's back: its append-only triggers are taken off for the
 * change (SQLite: dropped and made again from their own text; PostgreSQL: disabled) and put back.
 */
async function tamper(database: Database, change: (db: Kysely<DB>) => Promise<unknown>): Promise<void> {
  const db = database.db;
  if (database.engine === 'postgres') {
    await sql`alter table audit_events disable trigger user`.execute(db);
    try {
      await change(db);
    } finally {
      await sql`alter table audit_events enable trigger user`.execute(db);
    }
    return;
  }
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_events'`.execute(db);
  expect(rows.length).toBeGreaterThan(0);
  for (const t of rows) await sql.raw(`drop trigger ${t.name}`).execute(db);
  try {
    await change(db);
  } finally {
    for (const t of rows) await sql.raw(t.sql).execute(db);
  }
}

describe.each(engines())('verifying the audit history on $name', (engine) => {
  let database: Database;
  let db: Kysely<DB>;
  let other: number;

  /** A school with a few audited changes (the school, its people). */
  async function schoolWithHistory(): Promise<number> {
    const { schoolId } = await buildSchool(db);
    for (let i = 0; i < 5; i += 1) await buildPerson(db, { schoolId, roles: ['teacher'] });
    return schoolId;
  }
  const events = (schoolId: number) =>
    db.selectFrom('auditEvents').selectAll().where('schoolId', '=', schoolId).orderBy('seq').execute();
  const check = async (schoolId: number) => {
    const [report] = await verifyAudit(db, { schoolId });
    return report!;
  };
  const kinds = async (schoolId: number) =>
    (await check(schoolId)).problems.map((p) => [p.kind, p.seq ?? p.entityId]);

  beforeAll(async () => {
    // A database of its own: the tests take the triggers of the audit trail off for a moment.
    database = await freshDatabase(engine);
    db = database.db;
    other = await schoolWithHistory();
  });
  afterAll(async () => {
    expect(await kinds(other)).toEqual([]);
    await database?.close();
  });

  it('finds an intact journal with its history intact: marks, attendance and period marks', async () => {
    const s = await journalSchool(db);
    const cell = {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.alekseev,
      workKindId: s.workKinds.answer,
    };
    await saveMark(s.ctx.ivanova, { ...cell, value: '4', version: null });
    await saveMark(s.ctx.ivanova, { ...cell, value: '5', comment: 'Молодец', version: 1 });
    const other = { ...cell, studentId: s.students.vasiliev };
    await saveMark(s.ctx.ivanova, { ...other, value: '3', version: null });
    await saveMark(s.ctx.ivanova, { ...other, value: '', version: 1 });
    const seat = { lessonId: s.lessons.mathRecent, studentId: s.students.borisova };
    await saveAttendance(s.ctx.ivanova, { ...seat, value: 'absent', reason: 'illness', version: null });
    await saveAttendance(s.ctx.ivanova, { ...seat, value: 'late', version: 1 });
    await savePeriodMark(s.ctx.ivanova, {
      courseId: s.courses.math5,
      studentId: s.students.alekseev,
      periodId: s.periods.q2,
      value: '5',
      version: null,
    });
    const report = await check(s.schoolId);
    expect(report.problems).toEqual([]);
    expect(report.rows).toBe(4);
    expect(report.events).toBe((await events(s.schoolId)).length);
    expect(report.head?.seq).toBe(report.events);

    // A mark changed in the table, not through Otmetka: its history says otherwise.
    const mark = await db
      .selectFrom('marks')
      .select('id')
      .where('studentId', '=', s.students.alekseev)
      .where('lessonId', '=', cell.lessonId)
      .executeTakeFirstOrThrow();
    await db.updateTable('marks').set({ value: '2' }).where('id', '=', mark.id).execute();
    const changed = await check(s.schoolId);
    expect(changed.problems).toMatchObject([
      { kind: 'valueMismatch', entity: 'mark', entityId: String(mark.id), expected: '5', found: '2' },
    ]);
    // A cleared mark brought back in the table, and a mark with no history at all.
    await db
      .updateTable('marks')
      .set({ deletedAt: null })
      .where('studentId', '=', s.students.vasiliev)
      .where('lessonId', '=', cell.lessonId)
      .execute();
    const kindId = s.workKinds.test;
    const bare = await db
      .insertInto('marks')
      .values({
        schoolId: s.schoolId,
        ...cell,
        workKindId: kindId,
        value: '4',
        createdBy: s.people.ivanova.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const all = await check(s.schoolId);
    expect(all.problemCount).toBe(3);
    expect(all.problems.at(-1)).toMatchObject({ entityId: String(bare.id), eventId: null, expected: null });
  });

  it('finds a mark and an attendance entry deleted from their tables by their history', async () => {
    const s = await journalSchool(db);
    const cell = {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.alekseev,
      workKindId: s.workKinds.answer,
    };
    await saveMark(s.ctx.ivanova, { ...cell, value: '2', version: null });
    const seat = { lessonId: s.lessons.mathRecent, studentId: s.students.borisova };
    await saveAttendance(s.ctx.ivanova, { ...seat, value: 'absent', version: null });
    expect((await check(s.schoolId)).problems).toEqual([]);
    const mark = await db
      .selectFrom('marks')
      .select('id')
      .where('schoolId', '=', s.schoolId)
      .executeTakeFirstOrThrow();
    const entry = await db
      .selectFrom('attendance')
      .select('id')
      .where('schoolId', '=', s.schoolId)
      .executeTakeFirstOrThrow();
    // The bad mark and the absence removed behind Otmetka's back: the history still has them.
    await db.deleteFrom('marks').where('id', '=', mark.id).execute();
    await db.deleteFrom('attendance').where('id', '=', entry.id).execute();
    const report = await check(s.schoolId);
    expect(report.problems).toMatchObject([
      { kind: 'valueMismatch', entity: 'mark', entityId: String(mark.id), expected: '2', found: null },
      {
        kind: 'valueMismatch',
        entity: 'attendance',
        entityId: String(entry.id),
        expected: 'absent',
        found: null,
      },
    ]);
  });

  it('finds an edited event by its hash', async () => {
    const schoolId = await schoolWithHistory();
    const target = (await events(schoolId))[3]!;
    await tamper(database, (d) =>
      d
        .updateTable('auditEvents')
        .set({ after: '{"lastName":"Другой"}' })
        .where('id', '=', target.id)
        .execute(),
    );
    const report = await check(schoolId);
    expect(report.problems).toMatchObject([{ kind: 'edited', seq: target.seq, eventId: target.id }]);
  });

  it('finds a deleted event by the gap it leaves', async () => {
    const schoolId = await schoolWithHistory();
    const target = (await events(schoolId))[2]!;
    await tamper(database, (d) => d.deleteFrom('auditEvents').where('id', '=', target.id).execute());
    const report = await check(schoolId);
    expect(report.problems).toMatchObject([
      { kind: 'deleted', missingFrom: target.seq, missingTo: target.seq },
    ]);
  });

  it('finds a forged event put at the end of the chain', async () => {
    const schoolId = await schoolWithHistory();
    const last = (await events(schoolId)).at(-1)!;
    let forged = 0;
    await tamper(database, async (d) => {
      const { id: _id, ...copy } = last;
      const row = await d
        .insertInto('auditEvents')
        .values({ ...copy, seq: last.seq + 1, prevHash: 'f'.repeat(64), action: 'person.create' })
        .returning('id')
        .executeTakeFirstOrThrow();
      forged = row.id;
    });
    expect(await kinds(schoolId)).toEqual([
      ['inserted', last.seq + 1],
      ['headMismatch', last.seq],
    ]);
    expect((await check(schoolId)).problems[0]!.eventId).toBe(forged);
  });

  it('finds a cut tail by the head', async () => {
    const schoolId = await schoolWithHistory();
    const all = await events(schoolId);
    await tamper(database, (d) =>
      d
        .deleteFrom('auditEvents')
        .where(
          'id',
          'in',
          all.slice(-2).map((e) => e.id),
        )
        .execute(),
    );
    const report = await check(schoolId);
    expect(report.problems).toMatchObject([
      { kind: 'headMismatch', expected: String(all.length), found: String(all.length - 2) },
    ]);
  });

  it('checks every chain when no school is named', async () => {
    const reports = await verifyAudit(db);
    const keys = reports.map((r) => r.chainKey);
    expect(keys).toContain(other);
    expect(reports.find((r) => r.chainKey === other)!.problemCount).toBe(0);
    expect(reports.some((r) => r.problemCount > 0)).toBe(true);
  });
});
