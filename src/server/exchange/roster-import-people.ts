import type { Role } from '../../domain/roles.ts';
import type { GuardianKind } from '../db/schema.ts';
import type { Existing } from './roster-import-existing.ts';
import {
  draftOf,
  fail,
  isIsoDate,
  listOf,
  nameKey,
  type PlannedGuardianship,
  type PlannedPerson,
  type RosterFiles,
  type RowDraft,
} from './roster-import-model.ts';

/** OneRoster roles (roles.csv) → Otmetka roles; the others are not carried over. */
const roleMap: Record<string, Role> = {
  student: 'student',
  teacher: 'teacher',
  principal: 'director',
  siteAdministrator: 'deputy',
  systemAdministrator: 'admin',
  parent: 'parent',
  guardian: 'parent',
  relative: 'parent',
};

/** The name shown for a person's row: «Фамилия Имя Отчество». */
function fullName(values: Record<string, string>): string {
  return [values.familyName, values.givenName, values.middleName].filter(Boolean).join(' ');
}

function sexOf(value: string | undefined): 'm' | 'f' | null {
  if (value === 'male') return 'm';
  if (value === 'female') return 'f';
  return null;
}

/** Finds the school's person a row stands for: by roster id, file number, login, or full name + birth date. */
function matchPerson(
  p: PlannedPerson,
  username: string,
  existing: Existing,
): { id: number; byRosterId: boolean } | null {
  const known = existing.rosterIds.get(`user:${p.sourcedId}`);
  if (known !== undefined && existing.persons.has(known)) return { id: known, byRosterId: true };
  if (p.kind === 'student') {
    const id = p.fileNumber ? existing.studentsByFileNumber.get(p.fileNumber) : undefined;
    return id === undefined ? null : { id, byRosterId: false };
  }
  const byLogin = username ? existing.personsByLogin.get(username.toLowerCase()) : undefined;
  if (byLogin !== undefined) return { id: byLogin, byRosterId: false };
  const wanted: Role[] = p.kind === 'parent' ? ['parent'] : ['teacher', 'deputy', 'director', 'admin'];
  const same = (existing.personsByName.get(nameKey(p.lastName, p.firstName, p.middleName)) ?? []).filter(
    (e) => e.birthDate === p.birthDate && wanted.some((r) => e.roles.has(r)),
  );
  return same.length === 1 ? { id: same[0]!.id, byRosterId: false } : null;
}

/** Reads users.csv with roles.csv and demographics.csv: who each person is and whether they exist. */
export function planPeople(
  files: RosterFiles,
  existing: Existing,
  drafts: Map<string, RowDraft[]>,
): PlannedPerson[] {
  const rolesOf = new Map<string, string[]>();
  const roleDrafts: RowDraft[] = [];
  for (const row of files.get('roles.csv')?.rows ?? []) {
    const draft = draftOf('roles.csv', row, `${row.values.userSourcedId} — ${row.values.role}`);
    draft.outcome = roleMap[row.values.role ?? ''] ? 'match' : 'skip';
    if (draft.outcome === 'skip')
      draft.note = { column: 'role', key: 'rosterImportNoRole', params: { role: row.values.role ?? '' } };
    if (row.values.status !== 'tobedeleted') {
      rolesOf.set(row.values.userSourcedId ?? '', [
        ...(rolesOf.get(row.values.userSourcedId ?? '') ?? []),
        row.values.role ?? '',
      ]);
    }
    roleDrafts.push(draft);
  }
  const demographics = new Map(
    (files.get('demographics.csv')?.rows ?? []).map((r) => [r.values.sourcedId ?? '', r.values]),
  );
  const people: PlannedPerson[] = [];
  const userDrafts: RowDraft[] = [];
  const seen = new Map<string, number>();
  const fileNumbers = new Map<string, number>();
  for (const row of files.get('users.csv')?.rows ?? []) {
    const v = row.values;
    const draft = draftOf('users.csv', row, fullName(v));
    userDrafts.push(draft);
    const sourcedId = v.sourcedId ?? '';
    if (!sourcedId) fail(draft, 'sourcedId', 'rosterImportRequired');
    else if (seen.has(sourcedId))
      fail(draft, 'sourcedId', 'rosterImportDuplicate', { line: seen.get(sourcedId)! });
    else seen.set(sourcedId, row.line);
    if (v.status === 'tobedeleted') {
      draft.outcome = draft.outcome === 'error' ? 'error' : 'skip';
      continue;
    }
    const held = [
      ...new Set((rolesOf.get(sourcedId) ?? []).flatMap((r) => (roleMap[r] ? [roleMap[r]] : []))),
    ];
    if (held.length === 0) {
      if (draft.outcome !== 'error') draft.outcome = 'skip';
      draft.note = {
        column: 'sourcedId',
        key: 'rosterImportNoRole',
        params: { role: (rolesOf.get(sourcedId) ?? ['—']).join(', ') },
      };
      continue;
    }
    const kind = held.includes('student')
      ? 'student'
      : held.every((r) => r === 'parent')
        ? 'parent'
        : 'staff';
    const roles: Role[] =
      kind === 'student' ? ['student'] : kind === 'parent' ? ['parent'] : held.filter((r) => r !== 'student');
    if (!v.familyName) fail(draft, 'familyName', 'rosterImportRequired');
    if (!v.givenName) fail(draft, 'givenName', 'rosterImportRequired');
    const demo = demographics.get(sourcedId);
    const birthDate = demo?.birthDate ? demo.birthDate : null;
    if (birthDate && !isIsoDate(birthDate))
      fail(draft, 'birthDate', 'rosterImportBadDate', { value: birthDate });
    const fileNumber = kind === 'student' ? (v.identifier ?? '') : null;
    if (kind === 'student') {
      if (!fileNumber) fail(draft, 'identifier', 'rosterImportRequired');
      else if (fileNumbers.has(fileNumber))
        fail(draft, 'identifier', 'rosterImportFileNumberTaken', {
          value: fileNumber,
          line: fileNumbers.get(fileNumber)!,
        });
      else fileNumbers.set(fileNumber, row.line);
    }
    const person: PlannedPerson = {
      draft,
      sourcedId,
      kind,
      lastName: v.familyName ?? '',
      firstName: v.givenName ?? '',
      middleName: v.middleName ?? '',
      birthDate: birthDate && isIsoDate(birthDate) ? birthDate : null,
      sex: sexOf(demo?.sex),
      fileNumber: fileNumber || null,
      roles,
      localId: null,
    };
    const match = matchPerson(person, v.username ?? '', existing);
    if (match) {
      person.localId = match.id;
      if (draft.outcome !== 'error') draft.outcome = 'match';
    }
    people.push(person);
  }
  drafts.set('users.csv', userDrafts);
  drafts.set('roles.csv', roleDrafts);
  return people;
}

function kindOf(guardian: PlannedPerson, roles: string[]): GuardianKind {
  if (roles.includes('guardian')) return 'guardian';
  if (roles.includes('parent'))
    return guardian.sex === 'f' ? 'mother' : guardian.sex === 'm' ? 'father' : 'other';
  return 'other';
}

/** Parents linked to children by agentSourcedIds, in either direction; an unknown agent is an error. */
export function planGuardianships(files: RosterFiles, people: PlannedPerson[], existing: Existing) {
  const bySourcedId = new Map(people.map((p) => [p.sourcedId, p]));
  const roleRows = new Map<string, string[]>();
  for (const r of files.get('roles.csv')?.rows ?? []) {
    const id = r.values.userSourcedId ?? '';
    roleRows.set(id, [...(roleRows.get(id) ?? []), r.values.role ?? '']);
  }
  const allUsers = new Set((files.get('users.csv')?.rows ?? []).map((r) => r.values.sourcedId ?? ''));
  const pairs = new Map<string, PlannedGuardianship>();
  let existingLinks = 0;
  for (const row of files.get('users.csv')?.rows ?? []) {
    const person = bySourcedId.get(row.values.sourcedId ?? '');
    for (const agentId of listOf(row.values.agentSourcedIds)) {
      if (!allUsers.has(agentId)) {
        if (person)
          fail(person.draft, 'agentSourcedIds', 'rosterImportUnknownRef', { id: agentId, file: 'users.csv' });
        continue;
      }
      const agent = bySourcedId.get(agentId);
      if (!person || !agent) continue;
      const [guardian, student] =
        person.kind === 'parent' && agent.kind === 'student'
          ? [person, agent]
          : person.kind === 'student' && agent.kind === 'parent'
            ? [agent, person]
            : [null, null];
      if (!guardian || !student) continue;
      const key = `${guardian.sourcedId}\n${student.sourcedId}`;
      if (pairs.has(key)) continue;
      if (
        guardian.localId !== null &&
        student.localId !== null &&
        existing.guardianships.has(`${guardian.localId}:${student.localId}`)
      ) {
        existingLinks += 1;
        pairs.set(key, { guardian, student, kind: 'other' });
        continue;
      }
      pairs.set(key, { guardian, student, kind: kindOf(guardian, roleRows.get(guardian.sourcedId) ?? []) });
    }
  }
  const fresh = [...pairs.values()].filter(
    (g) =>
      !(
        g.guardian.localId !== null &&
        g.student.localId !== null &&
        existing.guardianships.has(`${g.guardian.localId}:${g.student.localId}`)
      ),
  );
  return { guardianships: fresh, existingLinks };
}
