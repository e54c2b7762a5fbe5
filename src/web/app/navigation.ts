import type { Me } from '../../contract/auth.ts';
import { type Role, roles } from '../../domain/roles.ts';
import type { MessageKey } from '../i18n/ru.ts';
import type { MessageParams } from '../i18n/translate.ts';

/** A text to show: a dictionary key and its parameters. */
export type Text = { key: MessageKey; params?: MessageParams };
/** A link to one section of the app. */
export type NavItem = { path: string; label: Text };
/** Links of a role, optionally under a subheading (a parent's child). */
export type NavSection = { title?: Text; items: NavItem[] };
/** What a held role (or class-teacher duty) brings: a heading and its sections. */
export type NavGroup = { id: Role | 'classTeacher'; title: Text; sections: NavSection[] };
/** The part of `Me` the navigation depends on. */
export type NavSource = Pick<Me, 'roles' | 'classTeacherOf' | 'children'>;

const section = (path: string, key: MessageKey, params?: MessageParams): NavItem =>
  params ? { path, label: { key, params } } : { path, label: { key } };

const leadership = (prefix: string): NavItem[] => [
  section(`/${prefix}/journals`, 'section.journals'),
  section(`/${prefix}/control`, 'section.control'),
  section(`/${prefix}/remarks`, 'section.remarks'),
  section(`/${prefix}/reports`, 'section.reports'),
  section(`/${prefix}/print`, 'section.print'),
  section(`/${prefix}/archive`, 'section.archive'),
  section(`/${prefix}/periods`, 'section.periods'),
  section(`/${prefix}/messages`, 'section.messages'),
  section(`/${prefix}/regulation`, 'section.regulation'),
];

const fixedSections: Record<Exclude<Role, 'parent'>, NavItem[]> = {
  admin: [
    section('/admin/first-steps', 'section.firstSteps'),
    section('/admin/people', 'section.people'),
    section('/admin/credentials', 'section.credentials'),
    section('/admin/calendar', 'section.calendar'),
    section('/admin/structure', 'section.structure'),
    section('/admin/timetable', 'section.timetable'),
    section('/admin/settings', 'section.settings'),
    section('/admin/mail', 'section.mail'),
    section('/admin/messages', 'section.messages'),
    section('/admin/backups', 'section.backups'),
    section('/admin/regulation', 'section.regulation'),
    section('/admin/audit', 'section.audit'),
    section('/admin/archive', 'section.archive'),
    section('/admin/exchange', 'section.exchange'),
  ],
  director: [...leadership('director'), section('/director/audit', 'section.audit')],
  deputy: leadership('deputy'),
  teacher: [
    section('/teacher/today', 'section.today'),
    section('/teacher/journal', 'section.journal'),
    section('/teacher/plan', 'section.plan'),
    section('/teacher/remarks', 'section.remarks'),
    section('/teacher/reports', 'section.myReports'),
    section('/teacher/print', 'section.print'),
    section('/teacher/messages', 'section.messages'),
  ],
  student: [
    section('/student/diary', 'section.diary'),
    section('/student/marks', 'section.marks'),
    section('/student/messages', 'section.messages'),
  ],
  district: [
    section('/district/schools', 'section.schools'),
    section('/district/reports', 'section.reports'),
    section('/district/backups', 'section.backups'),
  ],
};

function childSections(children: NavSource['children']): NavSection[] {
  const perChild = children.map(
    (child): NavSection => ({
      title: child.className
        ? { key: 'nav.child', params: { name: child.name, className: child.className } }
        : { key: 'nav.childName', params: { name: child.name } },
      items: [
        section(`/children/${child.id}/diary`, 'section.diary'),
        section(`/children/${child.id}/marks`, 'section.marks'),
        section(`/children/${child.id}/messages`, 'section.messages'),
        section(`/children/${child.id}/absence`, 'section.absence'),
      ],
    }),
  );
  // Preferences are the parent's own, for all children at once.
  return [...perChild, { items: [section('/parent/notifications', 'section.notifications')] }];
}

function classTeacherGroup(classes: NavSource['classTeacherOf']): NavGroup {
  const several = classes.length > 1;
  return {
    id: 'classTeacher',
    title: { key: 'role.classTeacher', params: { classes: classes.map((c) => c.name).join(', ') } },
    // One section per class; with several classes each is headed by the class's name.
    sections: classes.map(
      (c): NavSection => ({
        ...(several ? { title: { key: 'section.myClassNamed', params: { name: c.name } } } : {}),
        items: [
          section(`/class/${c.id}`, 'section.myClass'),
          section(`/class/${c.id}/journal`, 'section.classMarks'),
          section(`/class/${c.id}/absences`, 'section.absences'),
          section(`/class/${c.id}/acknowledgements`, 'section.acknowledgements'),
          section(`/class/${c.id}/council`, 'section.council'),
        ],
      }),
    ),
  };
}

function roleGroup(role: Role, me: NavSource): NavGroup {
  const title: Text = { key: `role.${role}` };
  if (role === 'parent') return { id: role, title, sections: childSections(me.children) };
  return { id: role, title, sections: [{ items: fixedSections[role] }] };
}

/**
 * The navigation of a person: one group per held role in the usual order, the class-teacher duty
 * right after the teacher role, and a parent's links once per child.
 */
export function navigationFor(me: NavSource): NavGroup[] {
  const groups: NavGroup[] = [];
  for (const role of roles) {
    if (me.roles.includes(role)) groups.push(roleGroup(role, me));
    // A class teacher is a teacher with a class: the duty is listed right after the teacher role.
    if (role === 'teacher' && me.classTeacherOf.length > 0) groups.push(classTeacherGroup(me.classTeacherOf));
  }
  return groups;
}

/** The link of the navigation at a path, with the group and section it belongs to. */
export function findNavItem(
  groups: readonly NavGroup[],
  path: string,
): { group: NavGroup; section: NavSection; item: NavItem } | undefined {
  for (const group of groups) {
    for (const sec of group.sections) {
      const item = sec.items.find((i) => i.path === path);
      if (item) return { group, section: sec, item };
    }
  }
  return undefined;
}
