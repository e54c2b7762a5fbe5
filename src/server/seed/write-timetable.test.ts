import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { timetableWeekday } from '../../domain/school-days.ts';
import { clashesWithin } from '../../domain/timetable.ts';
import { classCalendars } from '../calendar/calendar.queries.ts';
import type { Database } from '../db/database.ts';
import { placementsFrom } from '../timetable/timetable.queries.ts';
import { type DemoSummary, seedDemoSchool } from './seed-demo-school.ts';

describe.each(engines())('the demo school’s timetable on $name', (engine) => {
  let database: Database;
  let demo: DemoSummary;
  const prefix = engine.name === 'sqlite' ? '' : `tt${Date.now().toString(36)}.`;

  beforeAll(async () => {
    database = await engine.open();
    demo = await seedDemoSchool(database.db, { loginPrefix: prefix });
  });
  afterAll(() => database.close());

  it('places every weekly hour of every course without a clash', async () => {
    const year = await database.db
      .selectFrom('academicYears')
      .select('startsOn')
      .where('id', '=', demo.academicYearId)
      .executeTakeFirstOrThrow();
    const placed = await placementsFrom(database.db, demo.schoolId, year.startsOn);
    const hours = await database.db
      .selectFrom('courses')
      .select(['id', 'hoursPerWeek'])
      .where('schoolId', '=', demo.schoolId)
      .execute();
    for (const c of hours)
      expect(placed.filter((p) => p.courseId === c.id).length, `course ${c.id}`).toBe(c.hoursPerWeek);
    expect(clashesWithin(placed)).toEqual([]);
    // Subgroups study side by side, each in its own room.
    const subgroups = placed.filter((p) => p.groupKind === 'subgroup');
    const paired = subgroups.filter((a) =>
      subgroups.some(
        (b) =>
          b !== a && b.classId === a.classId && b.weekday === a.weekday && b.lessonNumber === a.lessonNumber,
      ),
    );
    expect(paired.length).toBe(subgroups.length);
    expect(paired.every((p) => p.room !== null)).toBe(true);
  });

  it('has this year’s lessons on school days only, taught by the course teacher', async () => {
    const lessons = await database.db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .select(['lessons.date', 'lessons.teacherId', 'courses.teacherId as courseTeacher', 'groups.classId'])
      .where('lessons.schoolId', '=', demo.schoolId)
      .execute();
    expect(lessons.length).toBeGreaterThan(15_000);
    const calendars = await classCalendars(database.db, demo.schoolId, demo.academicYearId);
    const offDays = lessons.filter((l) => timetableWeekday(l.date, calendars.get(l.classId ?? 0)!) === null);
    expect(offDays).toEqual([]);
    expect(lessons.every((l) => l.teacherId === l.courseTeacher)).toBe(true);
  });
});
