import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeLesson, type LessonEntries, problemsOf, tally } from './keeping.ts';
import type { TimelinessRules } from './timeliness.ts';

const rules: TimelinessRules = {
  topicSameDay: true,
  attendanceSameDay: true,
  homeworkHoursAfterLastLesson: 1,
  writtenWorkMarksDays: 7,
};
// Lesson on 5 October, the class's last lesson ends 14:05 MSK: topic and attendance due by
// 5 October 21:00 UTC, homework by 12:05 UTC.
const time = { date: '2026-10-05', lastLessonEnd: '14:05', timeZone: 'Europe/Moscow' };
const onTime = '2026-10-05T09:00:00.000Z';
const nextDay = '2026-10-06T06:00:00.000Z';
const full: LessonEntries = {
  hasTopic: true,
  hasHomework: true,
  topicEnteredAt: onTime,
  homeworkEnteredAt: onTime,
  attendanceTakenAt: onTime,
  writtenMarks: 0,
  lateMarks: 0,
};

describe('judging a held lesson', () => {
  it('a lesson filled in on time has no problem and three judged entries', () => {
    const j = judgeLesson(full, rules, time);
    expect(j).toMatchObject({ missing: [], late: [], entries: 3, lateEntries: 0 });
    expect(problemsOf(j)).toBe(0);
  });

  it('missing entries are missing, not late, and are not judged', () => {
    const j = judgeLesson(
      { ...full, hasTopic: false, topicEnteredAt: null, hasHomework: false, attendanceTakenAt: null },
      rules,
      time,
    );
    expect(j.missing).toEqual(['topic', 'homework', 'attendance']);
    expect(j.late).toEqual([]);
    expect(j.entries).toBe(0);
  });

  it('late entries are listed with their minutes; written-work marks count as one entry', () => {
    // Topic next day 06:00 UTC: 9 h after 21:00 UTC = 540 min; homework at 09:00 UTC is on time.
    const j = judgeLesson(
      { ...full, topicEnteredAt: nextDay, attendanceTakenAt: nextDay, writtenMarks: 25, lateMarks: 3 },
      rules,
      time,
    );
    expect(j.late).toEqual(['topic', 'attendance']);
    expect(j.lateMinutes).toEqual({ topic: 540, attendance: 540 });
    // Entries: topic, homework, attendance and the marks = 4; late: topic, attendance, marks = 3.
    expect([j.entries, j.lateEntries]).toEqual([4, 3]);
    // Problems: 2 late entries + the late marks once = 3.
    expect(problemsOf(j)).toBe(3);
  });

  it('where homework is not set (grade 1) its absence is no gap and the lesson expects two entries', () => {
    const j = judgeLesson(
      { ...full, hasHomework: false, homeworkEnteredAt: null, homeworkExpected: false },
      rules,
      time,
    );
    expect(j).toMatchObject({ missing: [], expected: 2, entries: 2 });
    // With one such lesson and one ordinary lesson lacking its topic: expected 2 + 3 = 5 entries,
    // filled 5 − 1 = 4, completeness 4 / 5 = 80 %.
    const plain = judgeLesson({ ...full, hasTopic: false, topicEnteredAt: null }, rules, time);
    expect(tally([j, plain])).toMatchObject({
      held: 2,
      expected: 5,
      filled: 4,
      completeness: 80,
      noHomework: 0,
    });
  });

  it('a topic without a time of entry (an import) is there but not judged', () => {
    const j = judgeLesson({ ...full, topicEnteredAt: null }, rules, time);
    expect(j).toMatchObject({ missing: [], late: [], entries: 2 });
  });

  it('with the «same day» rules off, a next-day topic is not late', () => {
    const j = judgeLesson({ ...full, topicEnteredAt: nextDay }, { ...rules, topicSameDay: false }, time);
    expect(j.late).toEqual([]);
    expect(j.entries).toBe(2);
  });
});

describe('tally', () => {
  it('adds up held lessons into counts and percentages', () => {
    const lessons = [
      judgeLesson(full, rules, time),
      judgeLesson({ ...full, hasHomework: false, homeworkEnteredAt: null }, rules, time),
      judgeLesson({ ...full, topicEnteredAt: nextDay, writtenMarks: 20, lateMarks: 20 }, rules, time),
      judgeLesson({ ...full, attendanceTakenAt: null, hasTopic: false }, rules, time),
    ];
    const t = tally(lessons);
    // Held 4; expected 3 × 4 = 12; missing: homework (2nd), topic + attendance (4th) = 3 → filled 9.
    // Entries: 3 + 2 + (3 + marks 1) + 1 = 10; late: topic + marks = 2 → (10 − 2) / 10 = 80 %.
    // Problems: 0 + 1 + (1 + 1) + 2 = 5; score 5 / 4 = 1.25.
    expect(t).toEqual({
      held: 4,
      noTopic: 1,
      noHomework: 1,
      noAttendance: 1,
      lateTopic: 1,
      lateHomework: 0,
      lateAttendance: 0,
      lateMarks: 20,
      problems: 5,
      score: 1.25,
      expected: 12,
      filled: 9,
      entries: 10,
      lateEntries: 2,
      completeness: 75,
      timeliness: 80,
    });
  });

  it('nothing held: zeros and no percentages', () => {
    expect(tally([])).toMatchObject({ held: 0, expected: 0, completeness: null, timeliness: null, score: 0 });
  });

  it('property: filled ≤ expected, late ≤ judged, and the percentages lie in 0–100', () => {
    const stamp = fc.option(fc.constantFrom(onTime, nextDay), { nil: null });
    const entries = fc.record({
      hasTopic: fc.boolean(),
      hasHomework: fc.boolean(),
      topicEnteredAt: stamp,
      homeworkEnteredAt: stamp,
      attendanceTakenAt: stamp,
      writtenMarks: fc.integer({ min: 0, max: 30 }),
      lateMarks: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(entries, { maxLength: 40 }), (list) => {
        const t = tally(list.map((e) => judgeLesson(e, rules, time)));
        expect(t.filled).toBeLessThanOrEqual(t.expected);
        expect(t.lateEntries).toBeLessThanOrEqual(t.entries);
        expect(t.noTopic + t.noHomework + t.noAttendance).toBe(t.expected - t.filled);
        for (const p of [t.completeness, t.timeliness]) if (p !== null) expect(p).toBeGreaterThanOrEqual(0);
        for (const p of [t.completeness, t.timeliness]) if (p !== null) expect(p).toBeLessThanOrEqual(100);
      }),
    );
  });
});
