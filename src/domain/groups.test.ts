import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMove,
  type GroupFacts,
  groupOn,
  isRefusal,
  type Membership,
  overlap,
  planMove,
} from './groups.ts';
import { addDays } from './school-days.ts';

const subgroup = (id: number, over: Partial<GroupFacts> = {}): GroupFacts => ({
  id,
  kind: 'subgroup',
  academicYearId: 1,
  classId: 10,
  subjectId: 7,
  archived: false,
  ...over,
});
const g1 = subgroup(1);
const g2 = subgroup(2);
const since = (groupId: number, startsOn: string, endsOn: string | null = null, id = groupId * 100) => ({
  id,
  groupId,
  startsOn,
  endsOn,
});

describe('planMove', () => {
  it('ends the old membership the day before and starts the new one on the date', () => {
    const plan = planMove({ from: g1, to: g2, memberships: [since(1, '2026-09-01')], on: '2026-10-05' });
    expect(plan).toEqual({
      close: { id: 100, endsOn: '2026-10-04' },
      open: { groupId: 2, startsOn: '2026-10-05', endsOn: null },
    });
  });

  it('keeps a later end: the new membership ends when the old one would have', () => {
    const plan = planMove({
      from: g1,
      to: g2,
      memberships: [since(1, '2026-09-01', '2026-12-31')],
      on: '2026-10-05',
    });
    expect(plan).toMatchObject({ open: { endsOn: '2026-12-31' } });
  });

  it('refuses a date before the membership started, naming the date', () => {
    const plan = planMove({ from: g1, to: g2, memberships: [since(1, '2026-10-01')], on: '2026-09-20' });
    expect(plan).toEqual({ problem: 'beforeStart', field: 'moveDate' });
  });

  it('refuses a student who is not in the source group on the date', () => {
    expect(planMove({ from: g1, to: g2, memberships: [], on: '2026-10-05' })).toEqual({
      problem: 'notMember',
      field: 'studentId',
    });
    const left = planMove({
      from: g1,
      to: g2,
      memberships: [since(1, '2026-09-01', '2026-09-30')],
      on: '2026-10-05',
    });
    expect(left).toEqual({ problem: 'notMember', field: 'studentId' });
  });

  it('refuses groups of different classes, subjects, kinds or years, and the same group', () => {
    const m = [since(1, '2026-09-01')];
    const on = '2026-10-05';
    for (const to of [
      subgroup(2, { classId: 11 }),
      subgroup(2, { subjectId: 8 }),
      subgroup(2, { kind: 'cross', classId: null }),
      subgroup(2, { academicYearId: 2 }),
    ])
      expect(planMove({ from: g1, to, memberships: m, on })).toMatchObject({ problem: 'groupsIncompatible' });
    expect(planMove({ from: g1, to: g1, memberships: m, on })).toMatchObject({ problem: 'sameGroup' });
    expect(planMove({ from: g1, to: subgroup(2, { archived: true }), memberships: m, on })).toMatchObject({
      problem: 'groupArchived',
    });
  });

  it('allows cross-class groups of one subject, whatever their classes', () => {
    const a = subgroup(1, { kind: 'cross', classId: null });
    const b = subgroup(2, { kind: 'cross', classId: null });
    expect(
      isRefusal(planMove({ from: a, to: b, memberships: [since(1, '2026-09-01')], on: '2026-09-02' })),
    ).toBe(false);
  });

  it('refuses a move into a group the student is already in on those dates', () => {
    const plan = planMove({
      from: g1,
      to: g2,
      memberships: [since(1, '2026-09-01'), since(2, '2026-11-01', null, 5)],
      on: '2026-10-05',
    });
    expect(plan).toEqual({ problem: 'alreadyMember', field: 'toGroupId' });
  });

  it('treats a membership that ends before it starts as empty', () => {
    expect(overlap({ startsOn: '2026-10-05', endsOn: '2026-10-04' }, since(2, '2026-09-01'))).toBe(false);
    expect(overlap(since(1, '2026-09-01', '2026-10-05'), since(2, '2026-10-05'))).toBe(true);
  });
});

const yearStart = '2026-09-01';
const moveArb = fc.array(
  fc.record({ to: fc.integer({ min: 1, max: 3 }), day: fc.integer({ min: -5, max: 300 }) }),
  { maxLength: 12 },
);

describe('moves between sibling subgroups (properties)', () => {
  it('never overlap, and never rewrite the past', () => {
    fc.assert(
      fc.property(moveArb, (moves) => {
        const groups = [subgroup(1), subgroup(2), subgroup(3)];
        let memberships: Membership[] = [since(1, yearStart, null, 1)];
        let nextId = 2;
        for (const move of moves) {
          const on = addDays(yearStart, move.day);
          const fromId = groupOn(memberships, on);
          const from = groups.find((g) => g.id === (fromId ?? 1));
          const to = groups.find((g) => g.id === move.to);
          if (!from || !to) continue;
          const plan = planMove({ from, to, memberships, on });
          if (isRefusal(plan)) continue;
          const before = memberships;
          memberships = applyMove(memberships, plan, nextId++);
          // History: every day before the move is in the same group as before.
          for (let d = -1; d < move.day; d += 7) {
            const day = addDays(yearStart, d);
            expect(groupOn(memberships, day)).toBe(groupOn(before, day));
          }
          expect(groupOn(memberships, on)).toBe(to.id);
          // Start dates are never changed; only the closed membership's end moves, and only earlier.
          for (const old of before) {
            const now = memberships.find((m) => m.id === old.id);
            expect(now?.startsOn).toBe(old.startsOn);
            if (old.endsOn !== null && now?.endsOn) expect(now.endsOn <= old.endsOn).toBe(true);
          }
        }
        for (const a of memberships)
          for (const b of memberships) if (a.id !== b.id) expect(overlap(a, b)).toBe(false);
      }),
    );
  });

  it('moving there and back restores the group on every later day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 }), (day, gap) => {
        const on = addDays(yearStart, day);
        const back = addDays(on, gap);
        let memberships: Membership[] = [since(1, yearStart, null, 1)];
        const there = planMove({ from: g1, to: g2, memberships, on });
        if (isRefusal(there)) throw new Error(there.problem);
        memberships = applyMove(memberships, there, 2);
        const home = planMove({ from: g2, to: g1, memberships, on: back });
        if (isRefusal(home)) throw new Error(home.problem);
        memberships = applyMove(memberships, home, 3);
        expect(groupOn(memberships, addDays(back, 10))).toBe(1);
        expect(groupOn(memberships, addDays(on, -1))).toBe(day > 0 ? 1 : null);
      }),
    );
  });
});
