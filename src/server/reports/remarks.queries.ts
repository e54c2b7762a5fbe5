import type { RemarkItem, RemarkStatus } from '../../contract/remarks.ts';
import { remarkState } from '../../domain/remarks.ts';
import { addDays } from '../../domain/school-days.ts';
import { zonedInstant } from '../../domain/timeliness.ts';
import type { Db } from '../access/actor.ts';
import { shortName } from '../timetable/timetable.queries.ts';

/** Which remarks of a school to read; every condition given narrows the list. */
export interface RemarkFilter {
  /** `active`: open and fixed, not yet closed. */
  status?: RemarkStatus | 'active';
  /** The course's teacher or second teacher. */
  teacherId?: number;
  courseId?: number;
  /** Only these courses (an empty list reads nothing). */
  courseIds?: readonly number[];
  /** Only the courses this person teaches or co-teaches (a teacher's own remarks). */
  taughtBy?: number;
  id?: number;
  /** Written on or after this date (YYYY-MM-DD, the day of the writing in `timeZone`). */
  from?: string;
  /** Written on or before this date. */
  to?: string;
  /** The school's time zone the days of `from` and `to` are in (default UTC). */
  timeZone?: string;
}

/** A remark's row with the course's teachers, for the checks of the use cases. */
export type RemarkRow = RemarkItem & { secondTeacherId: number | null };

/**
 * The instant a local day starts, as the ISO string the column holds. A day before 1970 is taken
 * as the beginning of time, 0001-01-01 UTC: no remark is older, `Intl` writes early years without
 * their four digits, and PostgreSQL refuses the year 0 that 1 Jan 0001 in Moscow starts in by UTC.
 */
function dayStart(date: string, timeZone: string): string {
  if (date < '1970-01-01') return '0001-01-01T00:00:00.000Z';
  return new Date(zonedInstant(date, '00:00', timeZone)).toISOString();
}

const stamp = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/**
 * The remarks of a school with the names every list shows, newest first: one query, whatever the
 * number of remarks (the course, subject, group, class, the four people and the lesson are joined).
 */
export async function readRemarks(db: Db, schoolId: number, filter: RemarkFilter = {}): Promise<RemarkRow[]> {
  if (filter.courseIds !== undefined && filter.courseIds.length === 0) return [];
  let q = db
    .selectFrom('remarks as r')
    .innerJoin('courses as c', 'c.id', 'r.courseId')
    .innerJoin('subjects as s', 's.id', 'c.subjectId')
    .innerJoin('groups as g', 'g.id', 'c.groupId')
    .leftJoin('classes as cl', 'cl.id', 'g.classId')
    .innerJoin('persons as t', 't.id', 'c.teacherId')
    .innerJoin('persons as a', 'a.id', 'r.authorId')
    .leftJoin('persons as f', 'f.id', 'r.fixedBy')
    .leftJoin('persons as x', 'x.id', 'r.closedBy')
    .leftJoin('lessons as l', 'l.id', 'r.lessonId')
    .select([
      'r.id',
      'r.courseId',
      'r.lessonId',
      'r.text',
      'r.createdAt',
      'r.fixedAt',
      'r.fixNote',
      'r.closedAt',
      's.name as subject',
      'g.name as group',
      'cl.grade',
      'cl.letter',
      'c.teacherId',
      'c.secondTeacherId',
      't.lastName as tLast',
      't.firstName as tFirst',
      't.middleName as tMiddle',
      'a.lastName as aLast',
      'a.firstName as aFirst',
      'a.middleName as aMiddle',
      'f.lastName as fLast',
      'f.firstName as fFirst',
      'f.middleName as fMiddle',
      'x.lastName as xLast',
      'x.firstName as xFirst',
      'x.middleName as xMiddle',
      'l.date as lessonDate',
      'l.lessonNumber',
    ])
    .where('r.schoolId', '=', schoolId);
  if (filter.id !== undefined) q = q.where('r.id', '=', filter.id);
  if (filter.courseId !== undefined) q = q.where('r.courseId', '=', filter.courseId);
  if (filter.courseIds !== undefined) q = q.where('r.courseId', 'in', [...filter.courseIds]);
  for (const person of [filter.teacherId, filter.taughtBy]) {
    if (person !== undefined)
      q = q.where((w) => w.or([w('c.teacherId', '=', person), w('c.secondTeacherId', '=', person)]));
  }
  if (filter.status === 'open') q = q.where('r.fixedAt', 'is', null).where('r.closedAt', 'is', null);
  if (filter.status === 'fixed') q = q.where('r.fixedAt', 'is not', null).where('r.closedAt', 'is', null);
  if (filter.status === 'closed') q = q.where('r.closedAt', 'is not', null);
  if (filter.status === 'active') q = q.where('r.closedAt', 'is', null);
  // ISO timestamps with «Z» compare the same way on SQLite's text and PostgreSQL's timestamptz.
  const zone = filter.timeZone ?? 'UTC';
  if (filter.from !== undefined) q = q.where('r.createdAt', '>=', dayStart(filter.from, zone));
  // The last day the calendar writes has no next day to stop before: nothing is written after it.
  if (filter.to !== undefined && filter.to < '9999-12-31')
    q = q.where('r.createdAt', '<', dayStart(addDays(filter.to, 1), zone));
  const rows = await q.orderBy('r.createdAt', 'desc').orderBy('r.id', 'desc').execute();
  return rows.map((r) => {
    const fixedAt = stamp(r.fixedAt);
    const closedAt = stamp(r.closedAt);
    return {
      id: r.id,
      courseId: r.courseId,
      subject: r.subject,
      group: r.group,
      className: r.grade === null || r.letter === null ? null : `${r.grade}${r.letter}`,
      teacher: shortName({ lastName: r.tLast, firstName: r.tFirst, middleName: r.tMiddle }),
      teacherId: r.teacherId,
      secondTeacherId: r.secondTeacherId,
      lessonId: r.lessonId,
      lessonDate: r.lessonDate === null ? null : String(r.lessonDate),
      lessonNumber: r.lessonNumber === null ? null : Number(r.lessonNumber),
      text: r.text,
      author: shortName({ lastName: r.aLast, firstName: r.aFirst, middleName: r.aMiddle }),
      createdAt: String(r.createdAt),
      fixedAt,
      fixNote: r.fixNote,
      fixedBy:
        r.fLast === null
          ? null
          : shortName({ lastName: r.fLast, firstName: r.fFirst ?? '', middleName: r.fMiddle ?? '' }),
      closedAt,
      closedBy:
        r.xLast === null
          ? null
          : shortName({ lastName: r.xLast, firstName: r.xFirst ?? '', middleName: r.xMiddle ?? '' }),
      status: remarkState({ fixedAt, closedAt }),
    };
  });
}

/** A remark without the checks' extra field: what goes on the wire. */
export function publicRemark({ secondTeacherId: _, ...item }: RemarkRow): RemarkItem {
  return item;
}
