import type { Role } from '../../domain/roles.ts';
import type { Db } from '../access/actor.ts';
import { nameKey } from './roster-import-model.ts';

/** A person of the school as matching sees them. */
export interface ExistingPerson {
  id: number;
  birthDate: string | null;
  roles: Set<Role>;
}

/** A course of the year as matching sees it. */
export interface ExistingCourse {
  id: number;
  subjectId: number;
  groupId: number;
  teacherId: number;
  groupKind: 'class' | 'subgroup' | 'cross';
  groupClassId: number | null;
  groupName: string;
}

/** What the school already holds, loaded at once for matching the archive's rows. */
export interface Existing {
  /** `${entity}:${sourcedId}` → local id, from roster_ids. */
  rosterIds: Map<string, number>;
  persons: Map<number, ExistingPerson>;
  studentsByFileNumber: Map<string, number>;
  personsByLogin: Map<string, number>;
  personsByName: Map<string, ExistingPerson[]>;
  /** `${grade}${letter}` → the year's class and its class group. */
  classesByName: Map<string, { id: number; groupId: number | null }>;
  classIds: Set<number>;
  subjectsByName: Map<string, number>;
  courses: ExistingCourse[];
  /** `${groupId}:${studentId}:${startsOn}` → membership id. */
  memberships: Map<string, number>;
  membershipIds: Set<number>;
  /** `${guardianId}:${studentId}` of live guardianships. */
  guardianships: Set<string>;
}

/**
 * The ids this school's own OneRoster export gives its rows (`otmetka-<school>-<entity>-<id>`,
 * see roster-export-build.ts): importing the school's own export matches every row to itself.
 */
function ownExportIds(schoolId: number, rows: Record<string, number[]>): [string, number][] {
  return Object.entries(rows).flatMap(([entity, localIds]) =>
    localIds.map((id): [string, number] => [`${entity}:otmetka-${schoolId}-${entity}-${id}`, id]),
  );
}

/** Loads the school's persons, the year's classes, courses and memberships, and the roster ids. */
export async function loadExisting(db: Db, schoolId: number, yearId: number): Promise<Existing> {
  const [ids, persons, roles, profiles, accounts, classes, subjects, courses, memberships, links] =
    await Promise.all([
      db
        .selectFrom('rosterIds')
        .select(['entity', 'sourcedId', 'localId'])
        .where('schoolId', '=', schoolId)
        .execute(),
      db
        .selectFrom('persons')
        .select(['id', 'lastName', 'firstName', 'middleName', 'birthDate'])
        .where('schoolId', '=', schoolId)
        .where('archivedAt', 'is', null)
        .execute(),
      db
        .selectFrom('roleAssignments')
        .select(['personId', 'role'])
        .where('schoolId', '=', schoolId)
        .where('revokedAt', 'is', null)
        .execute(),
      db
        .selectFrom('studentProfiles')
        .select(['personId', 'fileNumber'])
        .where('schoolId', '=', schoolId)
        .execute(),
      db
        .selectFrom('accounts')
        .innerJoin('persons', 'persons.id', 'accounts.personId')
        .select(['accounts.personId', 'accounts.login'])
        .where('persons.schoolId', '=', schoolId)
        .execute(),
      db
        .selectFrom('classes')
        .leftJoin('groups', (j) =>
          j.onRef('groups.classId', '=', 'classes.id').on('groups.kind', '=', 'class'),
        )
        .select(['classes.id', 'classes.grade', 'classes.letter', 'groups.id as groupId'])
        .where('classes.academicYearId', '=', yearId)
        .where('classes.archivedAt', 'is', null)
        .execute(),
      db
        .selectFrom('subjects')
        .select(['id', 'name'])
        .where('schoolId', '=', schoolId)
        .where('archivedAt', 'is', null)
        .execute(),
      db
        .selectFrom('courses')
        .innerJoin('groups', 'groups.id', 'courses.groupId')
        .select([
          'courses.id',
          'courses.subjectId',
          'courses.groupId',
          'courses.teacherId',
          'groups.kind as groupKind',
          'groups.classId as groupClassId',
          'groups.name as groupName',
        ])
        .where('courses.academicYearId', '=', yearId)
        .where('courses.archivedAt', 'is', null)
        .execute(),
      db
        .selectFrom('groupMemberships')
        .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
        .select([
          'groupMemberships.id',
          'groupMemberships.groupId',
          'groupMemberships.studentId',
          'groupMemberships.startsOn',
        ])
        .where('groups.academicYearId', '=', yearId)
        .where('groups.schoolId', '=', schoolId)
        .execute(),
      db
        .selectFrom('guardianships')
        .select(['guardianId', 'studentId'])
        .where('schoolId', '=', schoolId)
        .where('archivedAt', 'is', null)
        .execute(),
    ]);
  const byId = new Map<number, ExistingPerson>();
  const byName = new Map<string, ExistingPerson[]>();
  for (const p of persons) {
    const person: ExistingPerson = { id: p.id, birthDate: p.birthDate, roles: new Set() };
    byId.set(p.id, person);
    const key = nameKey(p.lastName, p.firstName, p.middleName);
    byName.set(key, [...(byName.get(key) ?? []), person]);
  }
  for (const r of roles) byId.get(r.personId)?.roles.add(r.role as Role);
  return {
    rosterIds: new Map([
      ...ownExportIds(schoolId, {
        user: persons.map((p) => p.id),
        class: classes.map((c) => c.id),
        course: courses.map((c) => c.id),
        enrollment: memberships.map((m) => m.id),
      }),
      ...ids.map((r): [string, number] => [`${r.entity}:${r.sourcedId}`, r.localId]),
    ]),
    persons: byId,
    studentsByFileNumber: new Map(profiles.map((p) => [p.fileNumber, p.personId])),
    personsByLogin: new Map(accounts.map((a) => [a.login.toLowerCase(), a.personId])),
    personsByName: byName,
    classesByName: new Map(classes.map((c) => [`${c.grade}${c.letter}`, { id: c.id, groupId: c.groupId }])),
    classIds: new Set(classes.map((c) => c.id)),
    subjectsByName: new Map(subjects.map((s) => [s.name.trim().toLowerCase(), s.id])),
    courses,
    memberships: new Map(memberships.map((m) => [`${m.groupId}:${m.studentId}:${m.startsOn}`, m.id])),
    membershipIds: new Set(memberships.map((m) => m.id)),
    guardianships: new Set(links.map((l) => `${l.guardianId}:${l.studentId}`)),
  };
}
