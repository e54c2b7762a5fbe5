import type { Role } from './roles.ts';

/** Everything an actor may try to do; later modules add their actions here. */
export const actions = [
  'school.view',
  'school.settings.edit',
  'staff.manage',
  'structure.view',
  'structure.manage',
  'calendar.manage',
  'groups.manage',
  'timetable.view',
  'timetable.manage',
  'class.view',
  'student.view',
  'student.personal',
  'student.edit',
  'student.import',
  'credentials.family',
  'schools.manage',
  'journal.view',
  'journal.edit',
  'journal.reasons',
  'journal.close',
  'diary.view',
  'diary.acknowledge',
  'diary.notice',
  'diary.review',
  'notify.self',
  'mail.manage',
  'messages.use',
  'messages.announceClass',
  'messages.announceSchool',
  'district.view',
  'reports.view',
  'remarks.write',
  'remarks.fix',
  'print.journal',
  'archive.export',
  'roster.exchange',
  'council.record',
  'backups.manage',
  'audit.verify',
  'personal.download',
  'support.use',
  'support.manage',
  'regulation.view',
  'regulation.approve',
] as const;
/** One action. */
export type Action = (typeof actions)[number];

/**
 * How far a role's grant reaches. `school`: everything in the actor's school; `district`: every
 * school of the actor's district; the rest are relationships checked by set-based queries.
 */
export type Scope = 'school' | 'district' | 'classTeacher' | 'teaches' | 'guardian' | 'self';

/** The capability map: for each role, the actions it grants and the scopes they reach. */
export const capabilities = {
  admin: {
    'school.view': ['school'],
    'school.settings.edit': ['school'],
    'staff.manage': ['school'],
    'structure.view': ['school'],
    'structure.manage': ['school'],
    'calendar.manage': ['school'],
    'groups.manage': ['school'],
    'timetable.view': ['school'],
    'timetable.manage': ['school'],
    'class.view': ['school'],
    'student.view': ['school'],
    'student.personal': ['school'],
    'student.edit': ['school'],
    'student.import': ['school'],
    'credentials.family': ['school'],
    'mail.manage': ['school'],
    'messages.use': ['school'],
    'messages.announceSchool': ['school'],
    'archive.export': ['school'],
    'roster.exchange': ['school'],
    'backups.manage': ['school'],
    'audit.verify': ['school'],
    'support.use': ['school'],
    'support.manage': ['school'],
    'regulation.view': ['school'],
  },
  director: {
    'regulation.view': ['school'],
    'regulation.approve': ['school'],
    'audit.verify': ['school'],
    'school.view': ['school'],
    'structure.view': ['school'],
    'timetable.view': ['school'],
    'class.view': ['school'],
    'student.view': ['school'],
    'student.personal': ['school'],
    'journal.view': ['school'],
    'journal.close': ['school'],
    'diary.review': ['school'],
    'messages.use': ['school'],
    'messages.announceSchool': ['school'],
    'reports.view': ['school'],
    'remarks.write': ['school'],
    'print.journal': ['school'],
    'archive.export': ['school'],
    'council.record': ['school'],
    'support.use': ['school'],
  },
  deputy: {
    'regulation.view': ['school'],
    'school.view': ['school'],
    'structure.view': ['school'],
    'timetable.view': ['school'],
    'timetable.manage': ['school'],
    'class.view': ['school'],
    'student.view': ['school'],
    'student.personal': ['school'],
    'journal.view': ['school'],
    'journal.close': ['school'],
    'diary.review': ['school'],
    'messages.use': ['school'],
    'messages.announceSchool': ['school'],
    'reports.view': ['school'],
    'remarks.write': ['school'],
    'print.journal': ['school'],
    'archive.export': ['school'],
    'council.record': ['school'],
    'support.use': ['school'],
  },
  teacher: {
    'school.view': ['school'],
    'structure.view': ['school'],
    'timetable.view': ['school'],
    'groups.manage': ['classTeacher'],
    'class.view': ['school'],
    'student.view': ['classTeacher', 'teaches'],
    'student.personal': ['classTeacher'],
    'student.edit': ['classTeacher'],
    'student.import': ['classTeacher'],
    'credentials.family': ['classTeacher'],
    'journal.view': ['teaches', 'classTeacher'],
    'journal.edit': ['teaches'],
    'journal.reasons': ['classTeacher'],
    'diary.review': ['classTeacher'],
    'messages.use': ['teaches', 'classTeacher'],
    'messages.announceClass': ['classTeacher'],
    'reports.view': ['teaches', 'classTeacher'],
    'remarks.fix': ['teaches'],
    'print.journal': ['teaches', 'classTeacher'],
    'council.record': ['classTeacher'],
    'support.use': ['school'],
  },
  parent: {
    'student.view': ['guardian'],
    'diary.view': ['guardian'],
    'diary.acknowledge': ['guardian'],
    'diary.notice': ['guardian'],
    'notify.self': ['self'],
    'messages.use': ['guardian'],
    'personal.download': ['self'],
    'support.use': ['self'],
  },
  student: {
    'student.view': ['self'],
    'diary.view': ['self'],
    'messages.use': ['self'],
    'support.use': ['self'],
  },
  district: {
    'district.view': ['district'],
    'schools.manage': ['district'],
    'school.view': ['district'],
    'structure.view': ['district'],
    'timetable.view': ['district'],
    'class.view': ['district'],
    'reports.view': ['district'],
    'backups.manage': ['district'],
  },
} as const satisfies Record<Role, Partial<Record<Action, readonly Scope[]>>>;

/** The scopes through which any of the held roles grants the action (empty: never). */
export function scopesFor(held: readonly Role[], action: Action): Scope[] {
  const out = new Set<Scope>();
  for (const role of held) {
    const grants: Partial<Record<Action, readonly Scope[]>> = capabilities[role];
    for (const s of grants[action] ?? []) out.add(s);
  }
  return [...out];
}

/** The actions the held roles grant at all (relationship checks still apply per item). */
export function abilitiesOf(held: readonly Role[]): Action[] {
  return actions.filter((a) => scopesFor(held, a).length > 0);
}
