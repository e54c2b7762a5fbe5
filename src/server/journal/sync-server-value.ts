import type { z } from 'zod';
import type { OfflineChange, serverValue } from '../../contract/offline.ts';
import type { Db } from '../access/actor.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import { presentAttendance, presentMark } from './journal.present.ts';

/** What the server holds of a change's cell, who last changed it and when. */
export type ServerValue = z.infer<typeof serverValue>;

/** The page fields an offline change may carry. */
export const pageFields = ['topic', 'lessonKind', 'plan', 'homework', 'homeworkDueOn', 'planItemId'] as const;

interface Stamped {
  createdAt: string;
  createdBy: number;
  updatedAt: string | null;
  updatedBy: number | null;
  deletedAt: string | null;
}

async function nameOf(db: Db, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const p = await db
    .selectFrom('persons')
    .select(['lastName', 'firstName', 'middleName'])
    .where('id', '=', id)
    .executeTakeFirst();
  return p ? shortName(p) : null;
}

/** The live row, or else the newest cleared one (who cleared it and when). */
function newest<T extends Stamped & { id: number }>(rows: T[]): T | undefined {
  return rows.find((r) => r.deletedAt === null) ?? [...rows].sort((a, b) => b.id - a.id)[0];
}

async function stamped<T extends Stamped>(db: Db, row: T | undefined, cell: unknown): Promise<ServerValue> {
  if (!row) return { cell: null, by: null, at: null };
  return {
    cell: cell as ServerValue['cell'],
    by: await nameOf(db, row.updatedBy ?? row.createdBy),
    at: row.updatedAt ?? row.createdAt,
  };
}

/** The server's side of a conflict on a change: the cell (or page) as stored now, who and when. */
export async function serverValueOf(db: Db, change: OfflineChange): Promise<ServerValue> {
  const stamps = ['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt'] as const;
  if (change.kind === 'mark') {
    const rows = await db
      .selectFrom('marks')
      .select([...stamps, 'lessonId', 'studentId', 'workKindId', 'value', 'comment', 'version'])
      .where('lessonId', '=', change.lessonId)
      .where('studentId', '=', change.studentId)
      .where('workKindId', '=', change.workKindId)
      .execute();
    const row = newest(rows);
    return stamped(db, row, row && row.deletedAt === null ? presentMark(row) : null);
  }
  if (change.kind === 'attendance') {
    const rows = await db
      .selectFrom('attendance')
      .select([...stamps, 'lessonId', 'studentId', 'value', 'reason', 'version'])
      .where('lessonId', '=', change.lessonId)
      .where('studentId', '=', change.studentId)
      .execute();
    const row = newest(rows);
    return stamped(db, row, row && row.deletedAt === null ? presentAttendance(row) : null);
  }
  const lesson = await db
    .selectFrom('lessons')
    .select([...pageFields, 'attendanceTakenAt'])
    .where('id', '=', change.lessonId)
    .executeTakeFirst();
  if (!lesson) return { cell: null, by: null, at: null };
  if (change.kind === 'attendanceTaken')
    return { cell: { attendanceTakenAt: lesson.attendanceTakenAt }, by: null, at: lesson.attendanceTakenAt };
  return { cell: Object.fromEntries(pageFields.map((f) => [f, lesson[f]])), by: null, at: null };
}
