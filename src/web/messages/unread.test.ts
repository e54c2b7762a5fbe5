import { describe, expect, it } from 'vitest';
import { type NavSource, navigationFor } from '../app/navigation.ts';
import { messageLinks, needsPerChild, unreadBadges } from './unread.ts';

const person = (over: Partial<NavSource>): NavSource => ({
  roles: [],
  classTeacherOf: [],
  children: [],
  ...over,
});
const child = (id: number) => ({ id, name: `Ребёнок ${id}`, className: '5А' });

describe('messageLinks', () => {
  it('finds the «Сообщения» link of every role, a parent’s once per child', () => {
    const groups = navigationFor(
      person({
        roles: ['teacher', 'parent'],
        classTeacherOf: [{ id: 3, name: '5А' }],
        children: [child(7), child(8)],
      }),
    );
    expect(messageLinks(groups)).toEqual([
      { path: '/teacher/messages', studentId: null },
      { path: '/children/7/messages', studentId: 7 },
      { path: '/children/8/messages', studentId: 8 },
    ]);
  });

  it('finds none for a district officer', () => {
    expect(messageLinks(navigationFor(person({ roles: ['district'] })))).toEqual([]);
  });
});

describe('unreadBadges', () => {
  const teacher = messageLinks(navigationFor(person({ roles: ['teacher'] })));
  const parentOfOne = messageLinks(navigationFor(person({ roles: ['parent'], children: [child(7)] })));
  const parentOfTwo = messageLinks(
    navigationFor(person({ roles: ['parent'], children: [child(7), child(8)] })),
  );

  it('shows nothing when nothing is unread', () => {
    expect(unreadBadges(teacher, 0, new Map()).size).toBe(0);
    expect(unreadBadges(parentOfTwo, 0, new Map([[7, 2]])).size).toBe(0);
  });

  it('puts the total beside the only link', () => {
    expect([...unreadBadges(teacher, 3, new Map())]).toEqual([['/teacher/messages', 3]]);
    expect([...unreadBadges(parentOfOne, 2, new Map())]).toEqual([['/children/7/messages', 2]]);
    expect(needsPerChild(parentOfOne)).toBe(false);
  });

  it('gives each child of a parent their own count, none for a child with nothing unread', () => {
    expect(needsPerChild(parentOfTwo)).toBe(true);
    expect([
      ...unreadBadges(
        parentOfTwo,
        2,
        new Map([
          [7, 0],
          [8, 2],
        ]),
      ),
    ]).toEqual([['/children/8/messages', 2]]);
    // Before the children's lists arrive no child shows a guess.
    expect(unreadBadges(parentOfTwo, 2, new Map()).size).toBe(0);
  });

  it('gives a teacher who is also a parent the total on the teacher’s link', () => {
    const links = messageLinks(navigationFor(person({ roles: ['teacher', 'parent'], children: [child(7)] })));
    expect(needsPerChild(links)).toBe(true);
    expect([...unreadBadges(links, 4, new Map([[7, 1]]))]).toEqual([
      ['/teacher/messages', 4],
      ['/children/7/messages', 1],
    ]);
  });
});
