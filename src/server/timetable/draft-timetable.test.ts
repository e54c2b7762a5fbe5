import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clashesWithin, type PlacedCourse } from '../../domain/timetable.ts';
import { type DraftCourse, draftTimetable } from './draft-timetable.ts';

const course = (o: Partial<DraftCourse> & { courseId: number }): DraftCourse => ({
  subjectId: o.courseId,
  hours: 2,
  teacherIds: [o.courseId],
  groupId: 1,
  classId: 1,
  groupKind: 'class',
  ...o,
});

const placedOf = (
  courses: DraftCourse[],
  slots: ReturnType<typeof draftTimetable>['slots'],
): PlacedCourse[] => slots.map((s) => ({ ...courses.find((c) => c.courseId === s.courseId)!, ...s }));

describe('draftTimetable', () => {
  it('places every hour, spreads a course over the days, and puts subgroups side by side', () => {
    const courses = [
      course({ courseId: 1, hours: 5 }),
      course({ courseId: 2, hours: 3 }),
      course({ courseId: 3, subjectId: 9, hours: 3, groupId: 2, groupKind: 'subgroup' }),
      course({ courseId: 4, subjectId: 9, hours: 3, groupId: 3, groupKind: 'subgroup' }),
    ];
    const draft = draftTimetable(courses, { days: 5, lessonsPerDay: 6, busy: [] });
    expect(draft.unplaced).toEqual([]);
    expect(new Set(draft.slots.filter((s) => s.courseId === 1).map((s) => s.weekday)).size).toBe(5);
    const at = (id: number) =>
      draft.slots
        .filter((s) => s.courseId === id)
        .map((s) => `${s.weekday}/${s.lessonNumber}`)
        .sort();
    expect(at(3)).toEqual(at(4));
    expect(clashesWithin(placedOf(courses, draft.slots))).toEqual([]);
  });

  it('works around a busy teacher and reports what has no room', () => {
    const busy: PlacedCourse[] = [1, 2, 3].map((n) => ({
      courseId: 99,
      weekday: 1,
      lessonNumber: n,
      room: null,
      teacherIds: [7],
      groupId: 50,
      classId: 50,
      groupKind: 'class',
    }));
    const draft = draftTimetable([course({ courseId: 1, hours: 3, teacherIds: [7] })], {
      days: 1,
      lessonsPerDay: 4,
      busy,
    });
    expect(draft.slots).toEqual([{ courseId: 1, weekday: 1, lessonNumber: 4, room: null }]);
    expect(draft.unplaced).toEqual([{ courseId: 1, hours: 2 }]);
  });

  it('never makes a clash, whatever the load (property)', () => {
    const arb = fc.array(
      fc.record({
        courseId: fc.integer({ min: 1, max: 1000 }),
        hours: fc.integer({ min: 1, max: 6 }),
        teacher: fc.integer({ min: 1, max: 4 }),
        classId: fc.integer({ min: 1, max: 3 }),
        sub: fc.boolean(),
      }),
      { maxLength: 15 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const courses = rows
          .filter((r, i) => rows.findIndex((x) => x.courseId === r.courseId) === i)
          .map((r) =>
            course({
              courseId: r.courseId,
              subjectId: r.sub ? 1 : r.courseId,
              hours: r.hours,
              teacherIds: [r.teacher],
              classId: r.classId,
              groupId: r.sub ? 100 + r.courseId : r.classId,
              groupKind: r.sub ? 'subgroup' : 'class',
            }),
          );
        const draft = draftTimetable(courses, { days: 5, lessonsPerDay: 6, busy: [] });
        expect(clashesWithin(placedOf(courses, draft.slots))).toEqual([]);
        for (const c of courses) {
          const placed = draft.slots.filter((x) => x.courseId === c.courseId).length;
          const left = draft.unplaced.find((u) => u.courseId === c.courseId)?.hours ?? 0;
          expect(placed + left).toBe(c.hours);
        }
      }),
    );
  });
});
