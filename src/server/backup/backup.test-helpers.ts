import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { TestEngine } from '../../../test/databases.ts';
import { buildClass, buildCourse, buildPerson, buildSchool, enroll } from '../../../test/factories.ts';
import type { BackupConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { dropDatabase, withDatabaseName } from './scratch.ts';

/** A fixed test key (64 hex digits). */
export const testKey = 'a1'.repeat(32);

/** A new temporary directory. */
export function tempDir(prefix = 'otmetka-backup-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A backup configuration over the given directories with the test key and no schedule. */
export function testBackupConfig(dirs: string[], over: Partial<BackupConfig> = {}): BackupConfig {
  return {
    dirs,
    key: testKey,
    keyFile: null,
    at: null,
    keep: { daily: 7, weekly: 4, monthly: 12 },
    scheduler: false,
    scratchDir: null,
    ...over,
  };
}

/**
 * A school with an administrator (with an e-mail), a teacher, a class of three students, a
 * course with three lessons, marks and attendance: enough rows in the tables a backup must keep.
 */
export async function seedSchool(db: Kysely<DB>) {
  const { schoolId, yearId } = await buildSchool(db);
  const admin = await buildPerson(db, { schoolId, roles: ['admin'], lastName: 'Админова' });
  await db
    .updateTable('persons')
    .set({ email: `admin${admin.id}@example.test` })
    .where('id', '=', admin.id)
    .execute();
  const teacher = await buildPerson(db, { schoolId, roles: ['teacher'] });
  const { groupId } = await buildClass(db, { schoolId, yearId });
  const courseId = await buildCourse(db, { schoolId, yearId, groupId, teacherId: teacher.id });
  const workKind = await db
    .selectFrom('workKinds')
    .select('id')
    .where('schoolId', '=', schoolId)
    .executeTakeFirstOrThrow();
  const students: number[] = [];
  for (const lastName of ['Ёлкина', 'Борисов', 'Щукина']) {
    const s = await buildPerson(db, { schoolId, roles: ['student'], lastName, account: false });
    await enroll(db, { schoolId, groupId, studentId: s.id });
    students.push(s.id);
  }
  for (const [i, date] of ['2026-11-23', '2026-11-24', '2026-11-25'].entries()) {
    const lesson = await db
      .insertInto('lessons')
      .values({
        schoolId,
        courseId,
        teacherId: teacher.id,
        date,
        lessonNumber: 1,
        topic: `Дроби, урок ${i + 1}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [j, studentId] of students.entries()) {
      const by = { schoolId, lessonId: lesson.id, studentId, createdBy: teacher.id };
      await db
        .insertInto('marks')
        .values({ ...by, workKindId: workKind.id, value: String(3 + ((i + j) % 3)) })
        .execute();
      if (j === i)
        await db
          .insertInto('attendance')
          .values({ ...by, value: 'н', reason: null })
          .execute();
    }
  }
  return { schoolId, adminId: admin.id, teacherId: teacher.id };
}

/** An empty PostgreSQL database (no tables) on the test server, for restores; dropped by `drop`. */
export async function emptyPostgres(engine: TestEngine): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = openDatabase(engine.url(), { poolSize: 1 });
  const name = `otmetka_restore_${process.pid}_${Date.now()}`;
  await sql.raw(`create database ${name}`).execute(admin.db);
  return {
    url: withDatabaseName(engine.url(), name),
    async drop() {
      await dropDatabase(admin, name);
      await admin.close();
    },
  };
}

/** The rows of a table (for checks on what a run recorded). */
export function runsOf(database: Database) {
  return database.db.selectFrom('backupRuns').selectAll().orderBy('id').execute();
}
