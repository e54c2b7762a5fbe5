import type { z } from 'zod';
import type { contact } from '../../contract/messages.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { notFound } from '../http/app-error.ts';
import { translate } from '../http/messages.ts';
import {
  accountHolders,
  actsAsStaff,
  childrenOf,
  type Messenger,
  membershipsOn,
  personName,
  requireMessaging,
  staffStudents,
} from './messages.policy.ts';

/** Someone the actor may start a dialog with, about a student. */
export type Contact = z.infer<typeof contact>;

interface Row {
  personId: number;
  lastName: string;
  firstName: string;
  middleName: string;
  sortKey: string;
  studentId: number;
}

interface Student {
  name: string;
  sortKey: string;
}

/** The class teacher and the teachers of today's courses of the children, with enabled accounts. */
async function teachersOfChildren(ctx: Ctx, childIds: number[], on: string) {
  const people = [
    'persons.id as personId',
    'persons.lastName',
    'persons.firstName',
    'persons.middleName',
  ] as const;
  const classTeachers = await membershipsOn(ctx.db, on)
    .innerJoin('classes', 'classes.id', 'groups.classId')
    .innerJoin('persons', 'persons.id', 'classes.classTeacherId')
    .select([...people, 'persons.sortKey', 'groupMemberships.studentId'])
    .where('groups.kind', '=', 'class')
    .where('classes.archivedAt', 'is', null)
    .where('groupMemberships.studentId', 'in', childIds)
    .where('persons.archivedAt', 'is', null)
    .where('persons.id', 'in', accountHolders(ctx.db))
    .execute();
  const subjectTeachers = await membershipsOn(ctx.db, on)
    .innerJoin('courses', 'courses.groupId', 'groups.id')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('persons', (j) =>
      j.on((eb) =>
        eb.or([
          eb('persons.id', '=', eb.ref('courses.teacherId')),
          eb('persons.id', '=', eb.ref('courses.secondTeacherId')),
        ]),
      ),
    )
    .select([...people, 'persons.sortKey', 'groupMemberships.studentId', 'subjects.name as subject'])
    .where('courses.archivedAt', 'is', null)
    .where('groupMemberships.studentId', 'in', childIds)
    .where('persons.archivedAt', 'is', null)
    .where('persons.id', 'in', accountHolders(ctx.db))
    .orderBy('subjects.sortOrder')
    .orderBy('subjects.name')
    .execute();
  return { classTeachers, subjectTeachers };
}

/** Live guardians with enabled accounts of the students the actor reaches as staff (or of one). */
function guardiansOfStudents(ctx: Ctx, m: Messenger, on: string, studentId?: number) {
  let q = ctx.db
    .selectFrom('guardianships')
    .innerJoin('persons', 'persons.id', 'guardianships.guardianId')
    .innerJoin('persons as child', 'child.id', 'guardianships.studentId')
    .select([
      'persons.id as personId',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
      'persons.sortKey',
      'child.id as studentId',
      'child.lastName as childLastName',
      'child.firstName as childFirstName',
      'child.sortKey as childSortKey',
    ])
    .where('guardianships.studentId', 'in', staffStudents(ctx.db, m, on))
    .where('guardianships.archivedAt', 'is', null)
    .where('child.archivedAt', 'is', null)
    .where('persons.archivedAt', 'is', null)
    .where('persons.id', '!=', m.personId)
    .where('persons.id', 'in', accountHolders(ctx.db));
  if (studentId !== undefined) q = q.where('guardianships.studentId', '=', studentId);
  return q.execute();
}

/**
 * The people the actor may write to, per student: a parent — the class teacher and the teachers of
 * the child's current courses; a teacher — the parents of the students they teach or whose class
 * they lead; the leadership and the administrator — the parents of any current student. With
 * `studentId` only about that student (404 when the actor does not reach them).
 */
export async function contactsOf(ctx: Ctx, m: Messenger, studentId?: number): Promise<Contact[]> {
  const on = today();
  const children = await childrenOf(ctx.db, m, studentId).execute();
  const staff = actsAsStaff(m);
  if (studentId !== undefined && children.length === 0) {
    const reached =
      staff &&
      (await staffStudents(ctx.db, m, on)
        .where('groupMemberships.studentId', '=', studentId)
        .executeTakeFirst());
    if (!reached) throw notFound();
  }
  const students = new Map<number, Student>(
    children.map((c) => [c.id, { name: `${c.lastName} ${c.firstName}`, sortKey: c.sortKey }]),
  );
  const found = new Map<string, { row: Row; roles: string[]; rank: number }>();
  const add = (row: Row, role: string, rank: number) => {
    const key = `${row.studentId}:${row.personId}`;
    const seen = found.get(key);
    if (!seen) found.set(key, { row, roles: [role], rank });
    else if (!seen.roles.includes(role)) {
      seen.roles.push(role);
      seen.rank = Math.min(seen.rank, rank);
    }
  };
  if (children.length) {
    const childIds = children.map((c) => c.id);
    const { classTeachers, subjectTeachers } = await teachersOfChildren(ctx, childIds, on);
    const classTeacher = translate(ctx.request.lang, 'messagesRoleClassTeacher');
    for (const t of classTeachers) if (t.personId !== m.personId) add(t, classTeacher, 0);
    for (const t of subjectTeachers) if (t.personId !== m.personId) add(t, t.subject, 1);
  }
  if (staff) {
    const parent = translate(ctx.request.lang, 'messagesRoleParent');
    for (const g of await guardiansOfStudents(ctx, m, on, studentId)) {
      if (!students.has(g.studentId))
        students.set(g.studentId, {
          name: `${g.childLastName} ${g.childFirstName}`,
          sortKey: g.childSortKey,
        });
      add(g, parent, 2);
    }
  }
  return [...found.values()]
    .map((f) => ({ ...f, student: students.get(f.row.studentId) ?? { name: '', sortKey: '' } }))
    .sort(
      (a, b) =>
        a.student.sortKey.localeCompare(b.student.sortKey) ||
        a.row.studentId - b.row.studentId ||
        a.rank - b.rank ||
        a.row.sortKey.localeCompare(b.row.sortKey) ||
        a.row.personId - b.row.personId,
    )
    .map((f) => ({
      personId: f.row.personId,
      name: personName(f.row),
      role: f.roles.join(', '),
      studentId: f.row.studentId,
      student: f.student.name,
    }));
}

/** `GET /api/messages/contacts`: whom the actor may write to (about one student). */
export async function listContacts(ctx: Ctx, studentId?: number): Promise<{ contacts: Contact[] }> {
  const m = requireMessaging(ctx);
  return { contacts: await contactsOf(ctx, m, studentId) };
}
