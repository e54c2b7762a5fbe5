import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildClass, buildCourse, buildPerson, buildSchool, enroll } from '../../../test/factories.ts';
import type { Database } from './database.ts';

describe.each(engines())('data model on $name', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  it('refuses to delete people, courses or lessons that journal data refers to (no cascades); one live attendance per lesson', async () => {
    const db = database.db;
    const { schoolId, yearId } = await buildSchool(db);
    const teacher = await buildPerson(db, { schoolId, roles: ['teacher'] });
    const student = await buildPerson(db, { schoolId, roles: ['student'], account: false });
    const cls = await buildClass(db, { schoolId, yearId });
    await enroll(db, { schoolId, groupId: cls.groupId, studentId: student.id });
    const courseId = await buildCourse(db, { schoolId, yearId, groupId: cls.groupId, teacherId: teacher.id });
    const kind = await db
      .selectFrom('workKinds')
      .select('id')
      .where('schoolId', '=', schoolId)
      .executeTakeFirstOrThrow();
    const lesson = await db
      .insertInto('lessons')
      .values({ schoolId, courseId, date: '2026-09-02', lessonNumber: 1, teacherId: teacher.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('marks')
      .values({
        schoolId,
        lessonId: lesson.id,
        studentId: student.id,
        workKindId: kind.id,
        value: '5',
        createdBy: teacher.id,
      })
      .execute();
    await db
      .insertInto('attendance')
      .values({ schoolId, lessonId: lesson.id, studentId: student.id, value: 'н', createdBy: teacher.id })
      .execute();

    await expect(
      db.deleteFrom('groupMemberships').where('studentId', '=', student.id).execute(),
    ).resolves.toBeDefined();
    await expect(db.deleteFrom('persons').where('id', '=', student.id).execute()).rejects.toThrow();
    await expect(db.deleteFrom('lessons').where('id', '=', lesson.id).execute()).rejects.toThrow();
    await expect(db.deleteFrom('courses').where('id', '=', courseId).execute()).rejects.toThrow();
    const marks = await db.selectFrom('marks').select('value').where('lessonId', '=', lesson.id).execute();
    expect(marks).toEqual([{ value: '5' }]);

    const second = {
      schoolId,
      lessonId: lesson.id,
      studentId: student.id,
      value: 'б',
      createdBy: teacher.id,
    };
    await expect(db.insertInto('attendance').values(second).execute()).rejects.toThrow();
    await db
      .updateTable('attendance')
      .set({ deletedAt: new Date().toISOString() })
      .where('lessonId', '=', lesson.id)
      .execute();
    await db.insertInto('attendance').values(second).execute();
    const history = await db
      .selectFrom('attendance')
      .select('value')
      .where('lessonId', '=', lesson.id)
      .orderBy('id')
      .execute();
    expect(history).toEqual([{ value: 'н' }, { value: 'б' }]);
  });

  it.runIf(engine.name === 'sqlite')('runs SQLite with WAL, foreign keys and durable commits', async () => {
    const pragma = async (name: string) =>
      Object.values((await sql.raw(`pragma ${name}`).execute(database.db)).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('synchronous')).toBe(2);
  });

  it('lists a class in Russian order (ё with е, any case) on this engine', async () => {
    const db = database.db;
    const { schoolId, yearId } = await buildSchool(db);
    const admin = await buildPerson(db, { schoolId, roles: ['admin'] });
    const cls = await buildClass(db, { schoolId, yearId });
    const names = ['Яковлев', 'Ёлкин', 'ершов', 'Елисеев', 'Абрамова', 'Абрамов', 'Жуков', 'Ефимов'];
    for (const lastName of names) {
      const s = await buildPerson(db, {
        schoolId,
        roles: ['student'],
        lastName,
        firstName: 'Пётр',
        account: false,
      });
      await enroll(db, { schoolId, groupId: cls.groupId, studentId: s.id });
    }
    const app = await testApp(database);
    try {
      const client = await signIn(app, admin.login);
      const list = (await client.get(`/api/classes/${cls.classId}/students`)).json().students;
      expect(list.map((s: { lastName: string }) => s.lastName)).toEqual([
        'Абрамов',
        'Абрамова',
        'Елисеев',
        'Ёлкин',
        'ершов',
        'Ефимов',
        'Жуков',
        'Яковлев',
      ]);
    } finally {
      await app.close();
    }
  });
});

describe.each(engines())('schema on $name', (engine) => {
  it('gives every school-owned table its school_id', async () => {
    const database = await engine.open();
    try {
      const tables = await database.db.introspection.getTables();
      const global = new Set([
        'districts',
        'schools',
        'persons',
        'accounts',
        'login_throttles',
        'role_assignments',
        'sessions',
        // An account's second factor and pending second login steps, like its sessions.
        'two_factor',
        'recovery_codes',
        'two_factor_challenges',
        // An account's login history and known devices, like its sessions (district accounts have no school).
        'sign_ins',
        'known_devices',
        'audit_events',
        // The head of each audit chain, keyed by school id or 0 for events of no school.
        'audit_heads',
        // A person's own settings and links, and the state of background jobs.
        'notification_prefs',
        'telegram_links',
        'telegram_codes',
        'job_state',
        // Backups are of the whole installation, every school at once.
        'backup_runs',
        'backup_copies',
        // Leases of background work, one holder across all processes.
        'leases',
        // A teacher's offline devices: their course checkpoints and the changes received, like sessions.
        'offline_checkpoints',
        'offline_changes',
      ]);
      const own = tables.filter((t) => !t.name.startsWith('kysely_') && !global.has(t.name));
      expect(own.length).toBeGreaterThan(20);
      for (const t of own) {
        const column = t.columns.find((c) => c.name === 'school_id');
        expect(column, t.name).toBeDefined();
        expect(column?.isNullable, t.name).toBe(false);
      }
      const persons = tables.find((t) => t.name === 'persons')!;
      expect(persons.columns.map((c) => c.name)).toContain('school_id');
    } finally {
      await database.close();
    }
  });
});
