import type { Me } from '../../contract/auth.ts';

/** The guides, one per role and one for everyone («Начало работы»), in the order people are offered them. */
export const guides = [
  'start',
  'admin',
  'director',
  'deputy',
  'teacher',
  'class-teacher',
  'parent',
  'student',
  'district',
] as const;
/** One of the guides (its file is docs/help/<language>/<guide>.md). */
export type Guide = (typeof guides)[number];

/** A page's place in the guides: its section, in the first listed guide the person holds. */
type HelpEntry = { pattern: string; guides: readonly Guide[]; section: string };

/** The roles' guides (all but «Начало работы»), in the order of roles. */
const everyone: readonly Guide[] = guides.filter((g) => g !== 'start');
const leaders: readonly Guide[] = ['deputy', 'director'];

const entry = (pattern: string, section: string, ...owners: Guide[]): HelpEntry => ({
  pattern,
  guides: owners,
  section,
});
const leadership = (section: string, page = section): HelpEntry[] =>
  leaders.map((guide) => entry(`/${guide}/${page}`, section, guide));

/**
 * Every page of Otmetka and the guide section about it. test/help-guides.test.ts walks both ways:
 * every page has an entry here whose section exists, and every section of a guide has a page here.
 * A page a role only looks into from another's work (a deputy reading a course's КТП, an administrator
 * opening a class's page) opens the guide of the role that keeps it: the first listed.
 */
export const helpEntries: readonly HelpEntry[] = [
  entry('/password', 'password', 'start'),
  { pattern: '/', guides: everyone, section: 'start' },
  { pattern: '/security', guides: everyone, section: 'security' },
  // The district has no school to support it: no «Поддержка» there.
  { pattern: '/support', guides: everyone.filter((g) => g !== 'district'), section: 'support' },
  entry('/admin/first-steps', 'first-steps', 'admin'),
  entry('/admin/people', 'people', 'admin'),
  entry('/admin/credentials', 'credentials', 'admin'),
  entry('/admin/calendar', 'calendar', 'admin'),
  entry('/admin/structure', 'structure', 'admin'),
  entry('/admin/groups', 'groups', 'admin'),
  entry('/admin/timetable', 'timetable', 'admin'),
  entry('/admin/settings', 'settings', 'admin'),
  entry('/admin/mail', 'mail', 'admin'),
  entry('/admin/messages', 'messages', 'admin'),
  entry('/admin/backups', 'backups', 'admin'),
  entry('/admin/regulation', 'regulation', 'admin'),
  entry('/admin/audit', 'audit', 'admin'),
  entry('/admin/archive', 'archive', 'admin'),
  entry('/admin/exchange', 'exchange', 'admin'),
  entry('/admin/exchange/import', 'exchange-import', 'admin'),
  entry('/students/:id', 'student-card', 'class-teacher', 'admin'),
  entry('/teacher/today', 'today', 'teacher'),
  entry('/teacher/journal', 'journals', 'teacher'),
  entry('/journal/:courseId', 'journal-grid', 'teacher', 'deputy', 'director'),
  entry('/lessons/:id', 'lesson', 'teacher', 'deputy', 'director'),
  entry('/teacher/plan', 'plans', 'teacher'),
  entry('/plan/:courseId', 'plan', 'teacher'),
  entry('/teacher/remarks', 'remarks', 'teacher'),
  entry('/teacher/reports', 'reports', 'teacher'),
  entry('/teacher/print', 'print', 'teacher'),
  entry('/teacher/messages', 'messages', 'teacher'),
  entry('/class/:id', 'class', 'class-teacher'),
  entry('/class/:id/import', 'import', 'class-teacher'),
  entry('/class/:id/subgroups', 'subgroups', 'class-teacher'),
  entry('/class/:id/credentials', 'credentials', 'class-teacher'),
  entry('/class/:id/journal', 'class-journal', 'class-teacher'),
  entry('/class/:id/absences', 'absences', 'class-teacher'),
  entry('/class/:id/acknowledgements', 'acknowledgements', 'class-teacher'),
  entry('/class/:classId/council', 'council', 'class-teacher'),
  ...leadership('journals'),
  ...leadership('control'),
  ...leadership('remarks'),
  ...leadership('reports'),
  ...leadership('print'),
  ...leadership('archive'),
  ...leadership('periods'),
  ...leadership('messages'),
  ...leadership('regulation'),
  entry('/director/audit', 'audit', 'director'),
  entry('/children/:id/diary', 'diary', 'parent'),
  entry('/children/:id/marks', 'marks', 'parent'),
  entry('/children/:id/messages', 'messages', 'parent'),
  entry('/children/:id/absence', 'absence', 'parent'),
  entry('/parent/notifications', 'notifications', 'parent'),
  entry('/student/diary', 'diary', 'student'),
  entry('/student/marks', 'marks', 'student'),
  entry('/student/messages', 'messages', 'student'),
  entry('/district/schools', 'schools', 'district'),
  entry('/district/schools/:id', 'school', 'district'),
  entry('/district/reports', 'reports', 'district'),
  entry('/district/backups', 'backups', 'district'),
];

/** The pages shown before sign-in (at any address), and their sections. */
export const publicHelp = {
  login: { guide: 'start', section: 'login' },
  forcedPassword: { guide: 'start', section: 'password' },
  setup: { guide: 'admin', section: 'first-run' },
} as const satisfies Record<string, HelpTarget>;

/** Whether an address matches a wouter-style pattern (`:name` stands for one segment). */
export function matchesPattern(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const have = path.split('?')[0]?.split('#')[0]?.replace(/\/+$/, '').split('/') ?? [];
  if (pattern === '/') return have.length <= 1 || (have.length === 2 && have[1] === '');
  return want.length === have.length && want.every((part, i) => part.startsWith(':') || part === have[i]);
}

/** The guides a person holds, in the order of roles (class teacher right after teacher). */
export function guidesOf(me: Pick<Me, 'roles' | 'classTeacherOf'> | null): Guide[] {
  if (!me) return [];
  const held = new Set<string>(me.roles);
  if (me.classTeacherOf.length > 0) held.add('class-teacher');
  return everyone.filter((guide) => held.has(guide));
}

/** Where «Помощь» leads from a page: the guide and the section about it. */
export type HelpTarget = { guide: Guide; section: string };

/** The section about the page at `path` for this person (the start of their guide for an unknown page). */
export function helpFor(path: string, me: Pick<Me, 'roles' | 'classTeacherOf'> | null): HelpTarget {
  const held = guidesOf(me);
  const found = helpEntries.find((e) => matchesPattern(e.pattern, path));
  if (!found || held.length === 0) return { guide: held[0] ?? 'start', section: held[0] ? 'start' : 'login' };
  const guide = held.find((g) => found.guides.includes(g)) ?? found.guides[0] ?? 'start';
  return { guide, section: found.section };
}

/** The address of a guide section in the app. */
export function helpHref({ guide, section }: HelpTarget): string {
  return `/help/${guide}#${section}`;
}

/** The guide an address names: `/help` is «Начало работы»; anything but `/help/<guide>` is none. */
export function guideOfPath(path: string): Guide | null {
  if (path === '/help' || path === '/help/') return 'start';
  const name = /^\/help\/([a-z-]+)$/.exec(path)?.[1];
  return guides.find((g) => g === name) ?? null;
}
