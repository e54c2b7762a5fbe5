import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deadlineOf,
  isTimeZone,
  judge,
  judgeEntry,
  keepingScore,
  localDateTime,
  percentOf,
  type TimelinessRules,
  zonedInstant,
} from './timeliness.ts';

const rules: TimelinessRules = {
  topicSameDay: true,
  attendanceSameDay: true,
  homeworkHoursAfterLastLesson: 1,
  writtenWorkMarksDays: 7,
};
const moscow = { date: '2026-10-05', lastLessonEnd: '14:05', timeZone: 'Europe/Moscow' };
const iso = (ms: number) => new Date(ms).toISOString();

describe('time zones', () => {
  it('knows IANA names and refuses made-up ones', () => {
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(isTimeZone('Asia/Kamchatka')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
  });

  it('gives the local date and time of an instant', () => {
    // 21:30 UTC on 5 October is 00:30 on 6 October in Moscow (UTC+3) and 09:30 in Kamchatka (UTC+12).
    expect(localDateTime('2026-10-05T21:30:00.000Z', 'Europe/Moscow')).toEqual({
      date: '2026-10-06',
      time: '00:30:00',
    });
    expect(localDateTime('2026-10-05T21:30:00.000Z', 'Asia/Kamchatka')).toEqual({
      date: '2026-10-06',
      time: '09:30:00',
    });
    expect(localDateTime('2026-10-05T21:30:00.000Z', 'Europe/Kaliningrad').date).toBe('2026-10-05');
  });

  it('turns a local date and time into the instant', () => {
    // Moscow 14:05 = 11:05 UTC; Kaliningrad (UTC+2) midnight = 22:00 UTC the day before.
    expect(iso(zonedInstant('2026-10-05', '14:05', 'Europe/Moscow'))).toBe('2026-10-05T11:05:00.000Z');
    expect(iso(zonedInstant('2026-10-06', '00:00', 'Europe/Kaliningrad'))).toBe('2026-10-05T22:00:00.000Z');
  });

  it('follows a change of the offset (Berlin, summer time ends 25.10.2026)', () => {
    // 24 October: UTC+2, so 12:00 is 10:00 UTC; 26 October: UTC+1, so 12:00 is 11:00 UTC.
    expect(iso(zonedInstant('2026-10-24', '12:00', 'Europe/Berlin'))).toBe('2026-10-24T10:00:00.000Z');
    expect(iso(zonedInstant('2026-10-26', '12:00', 'Europe/Berlin'))).toBe('2026-10-26T11:00:00.000Z');
  });

  it('property: the local date and time of zonedInstant(d, t) is d and t again', () => {
    const zones = ['Europe/Kaliningrad', 'Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Kamchatka'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...zones),
        (d, h, m, zone) => {
          const date = d.toISOString().slice(0, 10);
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          expect(localDateTime(zonedInstant(date, time, zone), zone)).toEqual({ date, time: `${time}:00` });
        },
      ),
    );
  });
});

describe('deadlines', () => {
  it('topic and attendance: the end of the lesson day in the school zone', () => {
    // The end of 5 October in Moscow is 6 October 00:00 MSK = 5 October 21:00 UTC.
    expect(iso(deadlineOf('topic', rules, moscow)!)).toBe('2026-10-05T21:00:00.000Z');
    expect(iso(deadlineOf('attendance', rules, moscow)!)).toBe('2026-10-05T21:00:00.000Z');
  });

  it('no deadline when a «same day» rule is off', () => {
    const off = { ...rules, topicSameDay: false, attendanceSameDay: false };
    expect(deadlineOf('topic', off, moscow)).toBeNull();
    expect(deadlineOf('attendance', off, moscow)).toBeNull();
  });

  it('homework: the end of the class’s last lesson + N hours', () => {
    // 14:05 MSK + 1 h = 15:05 MSK = 12:05 UTC; with 3 hours: 17:05 MSK = 14:05 UTC.
    expect(iso(deadlineOf('homework', rules, moscow)!)).toBe('2026-10-05T12:05:00.000Z');
    const three = { ...rules, homeworkHoursAfterLastLesson: 3 };
    expect(iso(deadlineOf('homework', three, moscow)!)).toBe('2026-10-05T14:05:00.000Z');
    // Without bell times: the end of the day + 1 h = 6 October 01:00 MSK = 5 October 22:00 UTC.
    expect(iso(deadlineOf('homework', rules, { ...moscow, lastLessonEnd: null })!)).toBe(
      '2026-10-05T22:00:00.000Z',
    );
  });

  it('written-work marks: the end of the day lesson date + N days', () => {
    // 5 October + 7 days = 12 October; its end = 13 October 00:00 MSK = 12 October 21:00 UTC.
    expect(iso(deadlineOf('marks', rules, moscow)!)).toBe('2026-10-12T21:00:00.000Z');
    // In Kamchatka (UTC+12) the same local deadline is 12 October 12:00 UTC.
    expect(iso(deadlineOf('marks', rules, { ...moscow, timeZone: 'Asia/Kamchatka' })!)).toBe(
      '2026-10-12T12:00:00.000Z',
    );
  });
});

describe('judging an entry', () => {
  it('missing is not late; no rule is not judged', () => {
    expect(judgeEntry(null, 1000)).toEqual({ state: 'missing' });
    expect(judgeEntry('2026-10-05T10:00:00.000Z', null)).toEqual({ state: 'unruled' });
  });

  it('a topic entered at 23:59 MSK is on time, at 00:10 MSK the next day 10 minutes late', () => {
    expect(judge('topic', rules, moscow, '2026-10-05T20:59:00.000Z')).toEqual({ state: 'onTime' });
    expect(judge('topic', rules, moscow, '2026-10-05T21:10:00.000Z')).toEqual({ state: 'late', minutes: 10 });
  });

  it('the same instant is on time in Kamchatka’s zone only when it is still the lesson day there', () => {
    // 2026-10-05T11:00Z is 23:00 on 5 October in Kamchatka: on time; 12:30Z is 00:30 on 6 October: late by 30 min.
    const kamchatka = { ...moscow, timeZone: 'Asia/Kamchatka' };
    expect(judge('attendance', rules, kamchatka, '2026-10-05T11:00:00.000Z').state).toBe('onTime');
    expect(judge('attendance', rules, kamchatka, '2026-10-05T12:30:00.000Z')).toEqual({
      state: 'late',
      minutes: 30,
    });
  });

  it('homework at 15:04 MSK is on time, at 16:35 MSK 90 minutes late', () => {
    expect(judge('homework', rules, moscow, '2026-10-05T12:04:00.000Z').state).toBe('onTime');
    expect(judge('homework', rules, moscow, '2026-10-05T13:35:00.000Z')).toEqual({
      state: 'late',
      minutes: 90,
    });
  });

  it('an entry made before the lesson (a topic planned ahead) is on time', () => {
    expect(judge('topic', rules, moscow, '2026-09-01T08:00:00.000Z').state).toBe('onTime');
  });

  it('property: a topic is late exactly when entered on a later local day than the lesson', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3 * 86_400_000, max: 5 * 86_400_000 }),
        fc.constantFrom('Europe/Moscow', 'Asia/Vladivostok', 'Europe/Kaliningrad'),
        (offset, timeZone) => {
          const lesson = { ...moscow, timeZone };
          const at = iso(Date.parse('2026-10-05T00:00:00.000Z') + offset);
          const later = localDateTime(at, timeZone).date > lesson.date;
          expect(judge('topic', rules, lesson, at).state === 'late').toBe(later);
        },
      ),
    );
  });

  it('property: more hours of grace never turns an on-time homework late', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 72 }),
        fc.integer({ min: 0, max: 72 }),
        fc.integer({ min: 0, max: 4 * 86_400_000 }),
        (a, b, offset) => {
          const at = iso(Date.parse('2026-10-05T00:00:00.000Z') + offset);
          const [few, many] = a <= b ? [a, b] : [b, a];
          const onTimeWithFew =
            judge('homework', { ...rules, homeworkHoursAfterLastLesson: few }, moscow, at).state === 'onTime';
          const onTimeWithMany =
            judge('homework', { ...rules, homeworkHoursAfterLastLesson: many }, moscow, at).state ===
            'onTime';
          expect(!onTimeWithFew || onTimeWithMany).toBe(true);
        },
      ),
    );
  });
});

describe('figures', () => {
  it('score and percentages', () => {
    // 3 problems in 4 lessons = 0.75 a lesson; 11 of 12 = 91.666…% → 91.7; nothing held → null.
    expect(keepingScore(3, 4)).toBe(0.75);
    expect(keepingScore(0, 0)).toBe(0);
    expect(percentOf(11, 12)).toBe(91.7);
    expect(percentOf(0, 0)).toBeNull();
  });
});
