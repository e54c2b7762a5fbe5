import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clashesOf,
  clashesWithin,
  type ExistingLesson,
  groupsOverlap,
  type PlacedCourse,
  planLessons,
  sameRoom,
  type WantedLesson,
} from './timetable.ts';

const placed = (o: Partial<PlacedCourse>): PlacedCourse => ({
  courseId: 1,
  weekday: 1,
  lessonNumber: 1,
  room: null,
  teacherIds: [100],
  groupId: 10,
  classId: 1,
  groupKind: 'class',
  ...o,
});

describe('timetable clashes', () => {
  it('a teacher cannot be in two places in one slot, the second teacher counts too', () => {
    const a = placed({ courseId: 1, teacherIds: [100], groupId: 10 });
    const b = placed({ courseId: 2, teacherIds: [200, 100], groupId: 20, classId: 2 });
    expect(clashesOf(b, [a]).map((c) => c.kind)).toEqual(['teacher']);
    expect(clashesOf(b, [{ ...a, lessonNumber: 2 }])).toEqual([]);
    expect(clashesOf(b, [{ ...a, weekday: 2 }])).toEqual([]);
  });

  it('a room is used once per slot, whatever its case and spaces', () => {
    expect(sameRoom('12а', ' 12А ')).toBe(true);
    expect(sameRoom(null, null)).toBe(false);
    expect(sameRoom('', '')).toBe(false);
    const a = placed({ room: '12а', teacherIds: [1], groupId: 10, classId: 1 });
    const b = placed({ room: '12А', teacherIds: [2], groupId: 20, classId: 2 });
    expect(clashesOf(b, [a])).toEqual([{ kind: 'room', room: '12а', other: a }]);
  });

  it('two subgroups of a class sit side by side; the whole class clashes with either', () => {
    const whole = placed({ groupId: 10, groupKind: 'class', teacherIds: [1] });
    const sub1 = placed({ groupId: 11, groupKind: 'subgroup', teacherIds: [2], room: '1' });
    const sub2 = placed({ groupId: 12, groupKind: 'subgroup', teacherIds: [3], room: '2' });
    expect(clashesOf(sub2, [sub1])).toEqual([]);
    expect(clashesOf(sub1, [whole]).map((c) => c.kind)).toEqual(['group']);
    expect(clashesOf(whole, [sub2]).map((c) => c.kind)).toEqual(['group']);
    expect(groupsOverlap(sub1, { ...sub1, courseId: 9 })).toBe(true);
    expect(groupsOverlap(whole, { ...whole, groupId: 20, classId: 2 })).toBe(false);
  });

  it('is symmetric and never reports a clash across different slots (property)', () => {
    const arb = fc.record({
      courseId: fc.nat(50),
      weekday: fc.integer({ min: 1, max: 6 }),
      lessonNumber: fc.integer({ min: 1, max: 3 }),
      room: fc.option(fc.constantFrom('1', '2', '3'), { nil: null }),
      teacherIds: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 2 }),
      groupId: fc.integer({ min: 1, max: 6 }),
      classId: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
      groupKind: fc.constantFrom('class' as const, 'subgroup' as const, 'cross' as const),
    });
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const ab = clashesOf(a, [b]).length > 0;
        expect(ab).toBe(clashesOf(b, [a]).length > 0);
        if (a.weekday !== b.weekday || a.lessonNumber !== b.lessonNumber) expect(ab).toBe(false);
        if (a.groupId === b.groupId && a.weekday === b.weekday && a.lessonNumber === b.lessonNumber)
          expect(ab).toBe(true);
      }),
    );
  });

  it('clashesWithin finds a clash inside a set exactly when some pair clashes (property)', () => {
    const arb = fc.array(
      fc.record({
        courseId: fc.nat(50),
        weekday: fc.constant(1),
        lessonNumber: fc.integer({ min: 1, max: 2 }),
        room: fc.constant(null),
        teacherIds: fc.tuple(fc.integer({ min: 1, max: 5 })),
        groupId: fc.integer({ min: 1, max: 8 }),
        classId: fc.constant(null),
        groupKind: fc.constant('cross' as const),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(arb, (set) => {
        const teachersFree = set.every(
          (p, i) =>
            !set.some(
              (q, j) =>
                j !== i &&
                q.lessonNumber === p.lessonNumber &&
                (q.teacherIds[0] === p.teacherIds[0] || q.groupId === p.groupId),
            ),
        );
        expect(clashesWithin(set).length === 0).toBe(teachersFree);
      }),
    );
  });
});

const wanted = (o: Partial<WantedLesson>): WantedLesson => ({
  courseId: 1,
  date: '2026-09-01',
  lessonNumber: 1,
  teacherId: 100,
  cancelled: false,
  origin: 'timetable',
  ...o,
});
const existing = (o: Partial<ExistingLesson>): ExistingLesson => ({
  id: 1,
  ...wanted({}),
  hasData: false,
  ...o,
});

describe('planLessons', () => {
  it('creates the missing, removes empty strays, keeps strays with data', () => {
    const plan = planLessons(
      [wanted({ lessonNumber: 1 }), wanted({ lessonNumber: 2 })],
      [
        existing({ id: 5, lessonNumber: 1 }),
        existing({ id: 6, lessonNumber: 3 }),
        existing({ id: 7, lessonNumber: 4, hasData: true }),
      ],
    );
    expect(plan.create.map((l) => l.lessonNumber)).toEqual([2]);
    expect(plan.update).toEqual([]);
    expect(plan.remove).toEqual([6]);
    expect(plan.kept.map((k) => [k.lesson.id, k.reason])).toEqual([[7, 'notInTimetable']]);
  });

  it('a substitution changes the teacher; a cancellation spares a lesson with data', () => {
    const plan = planLessons(
      [
        wanted({ lessonNumber: 1, teacherId: 200 }),
        wanted({ lessonNumber: 2, cancelled: true }),
        wanted({ lessonNumber: 3, cancelled: true }),
      ],
      [
        existing({ id: 1, lessonNumber: 1 }),
        existing({ id: 2, lessonNumber: 2 }),
        existing({ id: 3, lessonNumber: 3, hasData: true }),
      ],
    );
    expect(plan.update).toEqual([
      { id: 1, teacherId: 200, cancelled: false, origin: 'timetable' },
      { id: 2, teacherId: 100, cancelled: true, origin: 'timetable' },
    ]);
    expect(plan.kept.map((k) => [k.lesson.id, k.reason])).toEqual([[3, 'cancelledWithData']]);
  });

  it('is idempotent and never removes a lesson with data (property)', () => {
    const lesson = fc.record({
      courseId: fc.integer({ min: 1, max: 2 }),
      date: fc.constantFrom('2026-09-01', '2026-09-02'),
      lessonNumber: fc.integer({ min: 1, max: 3 }),
      teacherId: fc.integer({ min: 1, max: 2 }),
      cancelled: fc.boolean(),
      origin: fc.constantFrom('timetable' as const, 'change' as const),
    });
    fc.assert(
      fc.property(
        fc.array(lesson, { maxLength: 10 }),
        fc.array(fc.tuple(lesson, fc.boolean()), { maxLength: 10 }),
        (want, have) => {
          const seen = new Set<string>();
          const olds: ExistingLesson[] = [];
          have.forEach(([l, hasData], i) => {
            const key = `${l.courseId}|${l.date}|${l.lessonNumber}`;
            if (!seen.has(key)) olds.push({ ...l, id: i + 1, hasData });
            seen.add(key);
          });
          const plan = planLessons(want, olds);
          for (const id of plan.remove) expect(olds.find((o) => o.id === id)?.hasData).toBe(false);
          // Apply the plan and plan again: nothing left to do.
          const byId = new Map(olds.map((o) => [o.id, o]));
          for (const id of plan.remove) byId.delete(id);
          for (const u of plan.update) Object.assign(byId.get(u.id) ?? {}, u);
          let next = 1000;
          for (const c of plan.create) byId.set(next, { ...c, id: next++, hasData: false });
          const again = planLessons(want, [...byId.values()]);
          expect(again.create).toEqual([]);
          expect(again.update).toEqual([]);
          expect(again.remove).toEqual([]);
        },
      ),
    );
  });
});
