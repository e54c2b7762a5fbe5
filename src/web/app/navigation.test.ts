import { describe, expect, it } from 'vitest';
import { roles } from '../../domain/roles.ts';
import { findNavItem, type NavSource, navigationFor } from './navigation.ts';

const person = (over: Partial<NavSource>): NavSource => ({
  roles: [],
  classTeacherOf: [],
  children: [],
  ...over,
});
const paths = (source: NavSource) =>
  navigationFor(source).flatMap((g) => g.sections.flatMap((s) => s.items.map((i) => i.path)));

describe('navigationFor', () => {
  it('gives nothing to a person without roles', () => {
    expect(navigationFor(person({}))).toEqual([]);
  });

  it('gives the teacher «Сегодня», «Журнал», «КТП», «Замечания», «Мои показатели», «Печать журнала», «Сообщения»', () => {
    const [group] = navigationFor(person({ roles: ['teacher'] }));
    expect(group?.id).toBe('teacher');
    expect(group?.sections[0]?.items.map((i) => i.label.key)).toEqual([
      'section.today',
      'section.journal',
      'section.plan',
      'section.remarks',
      'section.myReports',
      'section.print',
      'section.messages',
    ]);
  });

  it('gives the deputy and the director «Замечания» right after «Контроль»', () => {
    for (const role of ['deputy', 'director'] as const) {
      const [group] = navigationFor(person({ roles: [role] }));
      expect(group?.sections[0]?.items.map((i) => i.path)).toEqual([
        `/${role}/journals`,
        `/${role}/control`,
        `/${role}/remarks`,
        `/${role}/reports`,
        `/${role}/print`,
        `/${role}/archive`,
        `/${role}/periods`,
        `/${role}/messages`,
        `/${role}/regulation`,
        // The check of the audit history is the director's, not the deputy's.
        ...(role === 'director' ? ['/director/audit'] : []),
      ]);
      expect(group?.sections[0]?.items[2]?.label).toEqual({ key: 'section.remarks' });
    }
  });

  it('lists every held role in the usual order, the class teacher right after the teacher', () => {
    const groups = navigationFor(
      person({ roles: ['parent', 'teacher', 'deputy'], classTeacherOf: [{ id: 7, name: '5А' }] }),
    );
    expect(groups.map((g) => g.id)).toEqual(['deputy', 'teacher', 'classTeacher', 'parent']);
    expect(groups[2]?.title).toEqual({ key: 'role.classTeacher', params: { classes: '5А' } });
    expect(groups[2]?.sections[0]?.items).toEqual([
      { path: '/class/7', label: { key: 'section.myClass' } },
      { path: '/class/7/journal', label: { key: 'section.classMarks' } },
      { path: '/class/7/absences', label: { key: 'section.absences' } },
      { path: '/class/7/acknowledgements', label: { key: 'section.acknowledgements' } },
      { path: '/class/7/council', label: { key: 'section.council' } },
    ]);
  });

  it('names each class when a teacher leads several', () => {
    const [, group] = navigationFor(
      person({
        roles: ['teacher'],
        classTeacherOf: [
          { id: 1, name: '5А' },
          { id: 2, name: '6Б' },
        ],
      }),
    );
    expect(group?.title.params).toEqual({ classes: '5А, 6Б' });
    expect(group?.sections.map((s) => s.title?.params)).toEqual([{ name: '5А' }, { name: '6Б' }]);
    expect(group?.sections[1]?.items.map((i) => i.path)).toEqual([
      '/class/2',
      '/class/2/journal',
      '/class/2/absences',
      '/class/2/acknowledgements',
      '/class/2/council',
    ]);
  });

  it('gives a parent the four sections for each child, under the child’s name and class, then notifications', () => {
    const [group] = navigationFor(
      person({
        roles: ['parent'],
        children: [
          { id: 3, name: 'Иванов Пётр', className: '5А' },
          { id: 4, name: 'Иванова Анна', className: null },
        ],
      }),
    );
    expect(group?.sections.map((s) => s.title)).toEqual([
      { key: 'nav.child', params: { name: 'Иванов Пётр', className: '5А' } },
      { key: 'nav.childName', params: { name: 'Иванова Анна' } },
      undefined,
    ]);
    expect(group?.sections[2]?.items.map((i) => i.path)).toEqual(['/parent/notifications']);
    expect(group?.sections[0]?.items.map((i) => i.path)).toEqual([
      '/children/3/diary',
      '/children/3/marks',
      '/children/3/messages',
      '/children/3/absence',
    ]);
  });

  it('gives every role a group and every link a distinct path', () => {
    const all = person({
      roles: [...roles],
      classTeacherOf: [{ id: 1, name: '5А' }],
      children: [{ id: 2, name: 'Петров Иван', className: '1Б' }],
    });
    expect(navigationFor(all).map((g) => g.id)).toEqual([
      'admin',
      'director',
      'deputy',
      'teacher',
      'classTeacher',
      'parent',
      'student',
      'district',
    ]);
    const list = paths(all);
    expect(new Set(list).size).toBe(list.length);
    expect(list.every((p) => p.startsWith('/') && p !== '/')).toBe(true);
  });
});

describe('findNavItem', () => {
  it('finds a link with its group and section, and nothing for other paths', () => {
    const groups = navigationFor(
      person({ roles: ['parent'], children: [{ id: 3, name: 'Пётр', className: '5А' }] }),
    );
    const found = findNavItem(groups, '/children/3/marks');
    expect(found?.item.label.key).toBe('section.marks');
    expect(found?.group.id).toBe('parent');
    expect(found?.section.title?.params).toEqual({ name: 'Пётр', className: '5А' });
    expect(findNavItem(groups, '/children/4/marks')).toBeUndefined();
  });
});
