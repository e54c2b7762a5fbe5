import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/server/db/schema.ts';
import {
  buildClass,
  buildCourse,
  buildDistrict,
  buildPerson,
  buildSchool,
  enroll,
  linkGuardian,
} from '../factories.ts';
import { type Ids, journalWorld } from './bad-input.cases.ts';

/**
 * The schools the hostile-input walk runs on, who calls which route, and a digest of the whole
 * database that a refused request must leave as it was.
 */

/** Who calls a route: the first actor whose pattern matches (the administrator otherwise). */
export const callers: [actor: Actor, route: RegExp][] = [
  ['district official', /^\/api\/district/],
  ['parent', /^\/api\/(diary\/:studentId|notifications|messages|calendar\/:token|privacy\/my-data)/],
  // The leadership prints, closes periods and records council decisions; the administrator may not.
  ['deputy', /^\/api\/(print|classes\/:classId|students\/:studentId|journal\/(periods|closures))/],
  ['class teacher', /^\/api\/(journal|diary\/classes|remarks\/:id\/fix|timetable\/teachers)/],
  ['deputy', /^\/api\/(reports|remarks)/],
];
export type Actor = 'administrator' | 'class teacher' | 'deputy' | 'parent' | 'district official';
export const callerOf = (url: string): Actor =>
  callers.find(([, re]) => re.test(url))?.[0] ?? 'administrator';

/** A school with its people (logins), a class with two students and a parent, a course, a lesson. */
export async function buildWorld(db: Kysely<DB>) {
  const districtId = await buildDistrict(db);
  const official = await buildPerson(db, { schoolId: null, districtId, roles: ['district'] });
  const { schoolId, yearId } = await buildSchool(db, { districtId });
  const admin = await buildPerson(db, { schoolId, roles: ['admin'] });
  const deputy = await buildPerson(db, { schoolId, roles: ['deputy'] });
  const teacher = await buildPerson(db, { schoolId, roles: ['teacher'] });
  const colleague = await buildPerson(db, { schoolId, roles: ['teacher'] });
  const { classId, groupId } = await buildClass(db, { schoolId, yearId, classTeacherId: teacher.id });
  const courseId = await buildCourse(db, { schoolId, yearId, groupId, teacherId: teacher.id });
  const { subjectId } = await db
    .selectFrom('courses')
    .select('subjectId')
    .where('id', '=', courseId)
    .executeTakeFirstOrThrow();
  const parent = await buildPerson(db, { schoolId, roles: ['parent'] });
  const students: number[] = [];
  for (const lastName of ['Андреев', 'Борисов']) {
    const student = await buildPerson(db, { schoolId, roles: ['student'], lastName });
    await enroll(db, { schoolId, groupId, studentId: student.id });
    await linkGuardian(db, { schoolId, guardianId: parent.id, studentId: student.id });
    students.push(student.id);
  }
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('personId', '=', students[1]!)
    .executeTakeFirstOrThrow();
  const journal = await journalWorld(db, { schoolId, yearId, courseId, teacherId: teacher.id });
  const ids: Ids = {
    ...journal,
    ...{ schoolId, yearId, classId, groupId, toGroupId: groupId, courseId, subjectId },
    ...{ teacherId: teacher.id, classTeacherId: teacher.id, substituteTeacherId: teacher.id },
    ...{ studentId: students[0]!, personId: students[0]!, guardianId: parent.id, accountId: account.id },
    staffId: colleague.id,
  };
  const logins: Record<Actor, string> = {
    administrator: admin.login,
    'class teacher': teacher.login,
    deputy: deputy.login,
    parent: parent.login,
    'district official': official.login,
  };
  return { ids, logins, teacherId: teacher.id };
}

// Sign-in bookkeeping changes on refusals by design (failed logins are throttled).
const unwatched = new Set(['login_throttles', 'job_state']);

/**
 * A cheap digest of every table: its row count, its largest id and the sum of its `version`s.
 * Returns a function computing it; a refusal must leave it as it was.
 */
export async function digester(db: Kysely<DB>) {
  const tables = (await db.introspection.getTables()).filter(
    (t) => !unwatched.has(t.name) && !t.name.startsWith('kysely_'),
  );
  const parts = tables.map((t) => {
    const has = (c: string) => t.columns.some((col) => col.name === c);
    const name = sql.table(t.name);
    const id = has('id') ? sql`coalesce(cast(max(id) as varchar(40)), '0')` : sql`0`;
    const version = has('version') ? sql`coalesce(sum(version), 0)` : sql`0`;
    return sql`(select concat_ws(':', count(*), ${id}, ${version}) from ${name})`;
  });
  const names = tables.map((t) => t.name);
  return async (): Promise<Record<string, string>> => {
    const { rows } = await sql<{ d: string }>`select concat_ws(',', ${sql.join(parts)}) as d`.execute(db);
    const values = rows[0]!.d.split(',');
    return Object.fromEntries(names.map((n, i) => [n, values[i]!]));
  };
}

/** The tables whose digest differs between two snapshots. */
export function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((t) => before[t] !== after[t]);
}
