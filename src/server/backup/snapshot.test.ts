import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases.ts';
import { buildClass, buildCourse, buildPerson, buildSchool, enroll } from '../../../test/factories.ts';
import { appendAuditRows } from '../audit/append-audit.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { differences, exportDatabase, loadDatabase, type Snapshot, summarize } from './snapshot.ts';

/** A school with a class, marks, attendance, a lesson file (bytes) and an audit event. */
async function buildData(db: Kysely<DB>) {
  const { schoolId, yearId } = await buildSchool(db);
  const teacher = await buildPerson(db, { schoolId, roles: ['teacher'] });
  const { groupId } = await buildClass(db, { schoolId, yearId });
  const courseId = await buildCourse(db, { schoolId, yearId, groupId, teacherId: teacher.id });
  const students: number[] = [];
  for (const lastName of ['Ёлкина', 'Петров', 'Сидорова']) {
    const student = await buildPerson(db, { schoolId, roles: ['student'], lastName, account: false });
    await enroll(db, { schoolId, groupId, studentId: student.id });
    students.push(student.id);
  }
  const workKind = await db
    .selectFrom('workKinds')
    .select('id')
    .where('schoolId', '=', schoolId)
    .executeTakeFirstOrThrow();
  const lessons = await db
    .insertInto('lessons')
    .values(
      Array.from({ length: 30 }, (_, i) => ({
        schoolId,
        courseId,
        teacherId: teacher.id,
        date: `2026-09-${String(1 + (i % 28)).padStart(2, '0')}`,
        lessonNumber: 1 + Math.floor(i / 28),
        topic: i % 3 ? `Тема «${i}»\nс переводом строки` : null,
      })),
    )
    .returning('id')
    .execute();
  const at = (i: number) => new Date(Date.UTC(2026, 8, 1, 8, 30, i % 60, 123)).toISOString();
  await db
    .insertInto('marks')
    .values(
      lessons.flatMap((lesson, i) =>
        students.map((studentId, j) => ({
          schoolId,
          lessonId: lesson.id,
          studentId,
          workKindId: workKind.id,
          value: String(2 + ((i + j) % 4)),
          createdBy: teacher.id,
          createdAt: at(i + j),
        })),
      ),
    )
    .execute();
  await db
    .insertInto('attendance')
    .values(
      lessons.slice(0, 10).map((lesson) => ({
        schoolId,
        lessonId: lesson.id,
        studentId: students[0]!,
        value: 'н',
        createdBy: teacher.id,
      })),
    )
    .execute();
  await db
    .insertInto('lessonFiles')
    .values({
      schoolId,
      lessonId: lessons[0]!.id,
      name: 'задание.bin',
      mime: 'application/octet-stream',
      size: 256,
      content: Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      createdBy: teacher.id,
    })
    .execute();
  await db.transaction().execute((trx) =>
    appendAuditRows(trx, [
      {
        schoolId,
        at: at(1),
        actorId: teacher.id,
        actorKind: 'person',
        action: 'mark.recorded',
        entity: 'mark',
        entityId: '1',
        before: null,
        after: JSON.stringify({ value: '5', comment: 'молодец 👍' }),
        ip: null,
        requestId: null,
      },
    ]),
  );
  return { schoolId, lessonId: lessons[0]!.id };
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

async function* replay(bytes: Buffer, size = 1000): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const rowsOf = (snapshot: Snapshot, table: string) => snapshot.tables.find((t) => t.name === table)?.rows;

describe.each(engines())('export and load on $name', (engine) => {
  let source: Database;
  let payload: Buffer;
  let exported: Snapshot;
  const opened: Database[] = [];
  const fresh = async () => {
    const database = await freshDatabase(engine);
    opened.push(database);
    return database;
  };

  beforeAll(async () => {
    source = await fresh();
    await buildData(source.db);
    const { chunks, summary } = exportDatabase(source);
    payload = await collect(chunks);
    exported = await summary;
  }, 60_000);
  afterAll(async () => {
    for (const database of opened) await database.close();
  });

  it('carries every table with its rows, and the trailer matches the source', async () => {
    const lines = payload.toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      format: 'otmetka-data',
      schemaVersion: exported.schemaVersion,
    });
    expect(JSON.parse(lines.at(-1)!)).toEqual(exported);
    expect(exported.schemaVersion).toMatch(/^\d{4}-/);
    expect(exported.tables.map((t) => t.name)).not.toContain('kysely_migration');
    expect(rowsOf(exported, 'marks')).toBe(90);
    expect(rowsOf(exported, 'attendance')).toBe(10);
    expect(rowsOf(exported, 'lesson_files')).toBe(1);
    expect(differences(exported, await summarize(source))).toEqual([]);
    const names = exported.tables.map((t) => t.name);
    expect(names.indexOf('schools')).toBeLessThan(names.indexOf('persons'));
    expect(names.indexOf('lessons')).toBeLessThan(names.indexOf('marks'));
  });

  it('loads into an empty database: same summary, same bytes, identities continue', async () => {
    const target = await fresh();
    const loaded = await loadDatabase(target, replay(payload));
    expect(loaded).toEqual(exported);
    expect(differences(exported, await summarize(target))).toEqual([]);
    const file = await target.db
      .selectFrom('lessonFiles')
      .select(['content', 'name'])
      .executeTakeFirstOrThrow();
    expect(file.name).toBe('задание.bin');
    expect([...file.content]).toEqual(Array.from({ length: 256 }, (_, i) => i));
    const top = await target.db
      .selectFrom('subjects')
      .select(['id', 'schoolId'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const added = await target.db
      .insertInto('subjects')
      .values({ schoolId: top.schoolId, name: 'Новый', shortName: 'Нов' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(added.id).toBeGreaterThan(top.id);
    await target.db.deleteFrom('subjects').where('id', '=', added.id).execute();
    const mark = await target.db
      .selectFrom('marks')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await target.db.updateTable('marks').set({ value: '1' }).where('id', '=', mark.id).execute();
    expect(differences(exported, await summarize(target))).toEqual(['marks: контрольная сумма не совпадает']);
    await target.db.deleteFrom('marks').where('id', '=', mark.id).execute();
    expect(differences(exported, await summarize(target))).toEqual(['marks: строк 89 вместо 90']);
  });

  it('refuses a database that already holds data, and leaves it as it was', async () => {
    const before = await summarize(source);
    await expect(loadDatabase(source, replay(payload))).rejects.toThrow(/не пуста/);
    expect(differences(before, await summarize(source))).toEqual([]);
  });

  it('refuses a database at another schema version', async () => {
    const target = await fresh();
    await target.db
      .deleteFrom('kyselyMigration' as never)
      .where('name' as never, '=', exported.schemaVersion as never)
      .execute();
    await expect(loadDatabase(target, replay(payload))).rejects.toThrow(/версии схемы/);
  });

  it('refuses a changed or cut stream and loads nothing', async () => {
    const text = payload.toString('utf8');
    const changed = Buffer.from(text.replace('"задание.bin"', '"задание.exe"'));
    const target = await fresh();
    await expect(loadDatabase(target, replay(changed))).rejects.toThrow(/lesson_files: контрольная сумма/);
    await expect(loadDatabase(target, replay(payload.subarray(0, payload.length - 200)))).rejects.toThrow(
      /повреждена/,
    );
    const after = await summarize(target);
    expect(after.tables.every((t) => t.rows === 0)).toBe(true);
  });
});
