import { describe, expect, it } from 'vitest';
import type { Me } from '../../contract/auth.ts';
import { guideOfPath, guidesOf, helpFor, helpHref, matchesPattern } from './help-map.ts';

type Person = Pick<Me, 'roles' | 'classTeacherOf'>;
const person = (roles: Me['roles'], classTeacherOf: Me['classTeacherOf'] = []): Person => ({
  roles,
  classTeacherOf,
});
const fiveA = [{ id: 7, name: '5А' }] as Me['classTeacherOf'];

describe('«Помощь» from a page', () => {
  it('matches addresses to patterns segment by segment, ignoring the query and a trailing slash', () => {
    expect(matchesPattern('/journal/:courseId', '/journal/12')).toBe(true);
    expect(matchesPattern('/journal/:courseId', '/journal/12?period=3')).toBe(true);
    expect(matchesPattern('/class/:id', '/class/7/absences')).toBe(false);
    expect(matchesPattern('/teacher/today', '/teacher/today/')).toBe(true);
    expect(matchesPattern('/', '/')).toBe(true);
    expect(matchesPattern('/', '/teacher')).toBe(false);
  });

  it('opens the section of the page in the guide of the role the person holds for it', () => {
    const teacher = person(['teacher'], fiveA);
    expect(helpFor('/journal/12', teacher)).toEqual({ guide: 'teacher', section: 'journal-grid' });
    expect(helpFor('/journal/12', person(['deputy']))).toEqual({ guide: 'deputy', section: 'journal-grid' });
    expect(helpFor('/journal/12', person(['director', 'teacher']))).toEqual({
      guide: 'director',
      section: 'journal-grid',
    });
    expect(helpFor('/class/7/absences', teacher)).toEqual({ guide: 'class-teacher', section: 'absences' });
    expect(helpFor('/students/3', person(['admin']))).toEqual({ guide: 'admin', section: 'student-card' });
    expect(helpFor('/students/3', teacher)).toEqual({ guide: 'class-teacher', section: 'student-card' });
    expect(helpFor('/children/5/marks?period=2', person(['parent']))).toEqual({
      guide: 'parent',
      section: 'marks',
    });
  });

  it('opens the person’s own guide on pages everyone has, and at its start on an unknown page', () => {
    expect(helpFor('/security', person(['parent']))).toEqual({ guide: 'parent', section: 'security' });
    expect(helpFor('/support', person(['teacher', 'parent']))).toEqual({
      guide: 'teacher',
      section: 'support',
    });
    expect(helpFor('/', person(['district']))).toEqual({ guide: 'district', section: 'start' });
    expect(helpFor('/no/such/page', person(['student']))).toEqual({ guide: 'student', section: 'start' });
    expect(helpFor('/no/such/page', null)).toEqual({ guide: 'start', section: 'login' });
    expect(helpFor('/password', person(['student']))).toEqual({ guide: 'start', section: 'password' });
  });

  it('lists a person’s guides in the order of roles, the class teacher’s after the teacher’s', () => {
    expect(guidesOf(person(['parent', 'teacher'], fiveA))).toEqual(['teacher', 'class-teacher', 'parent']);
    expect(guidesOf(null)).toEqual([]);
    expect(helpHref({ guide: 'teacher', section: 'lesson' })).toBe('/help/teacher#lesson');
  });

  it('reads the guide from the help address: /help is «Начало работы», anything else unknown is none', () => {
    expect(guideOfPath('/help')).toBe('start');
    expect(guideOfPath('/help/')).toBe('start');
    expect(guideOfPath('/help/class-teacher')).toBe('class-teacher');
    expect(guideOfPath('/help/nobody')).toBeNull();
    expect(guideOfPath('/help/teacher/extra')).toBeNull();
  });

  it('opens «Начало работы» for a person who holds no role yet', () => {
    expect(helpFor('/', person([]))).toEqual({ guide: 'start', section: 'login' });
  });
});
