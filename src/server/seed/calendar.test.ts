import { describe, expect, it } from 'vitest';
import { academicYearOf, planCalendar } from './calendar.ts';

describe('academicYearOf', () => {
  it.each([
    ['2026-11-28', '2026/2027'],
    ['2027-03-01', '2026/2027'],
    ['2026-08-31', '2025/2026'],
    ['2026-09-01', '2026/2027'],
  ])('%s is in %s', (today, name) => {
    expect(academicYearOf(new Date(`${today}T12:00:00Z`)).name).toBe(name);
  });
});

describe('planCalendar', () => {
  const { periods, entries } = planCalendar(academicYearOf(new Date('2026-11-28T12:00:00Z')));
  const quarters = periods.filter((p) => p.scheme === 'quarters');
  const vacations = entries.filter((e) => e.kind === 'vacation' && e.grade === null);

  it('lays quarters between vacations, without overlaps', () => {
    expect(quarters.map((q) => q.number)).toEqual([1, 2, 3, 4]);
    for (let i = 0; i < 3; i++) {
      const [q, next, gap] = [quarters[i], quarters[i + 1], vacations[i]];
      expect(q && gap && next && q.endsOn < gap.startsOn && gap.endsOn < next.startsOn).toBe(true);
    }
    expect(quarters[0]?.startsOn).toBe('2026-09-01');
  });

  it('matches the half-years and the year to the quarters', () => {
    const halves = periods.filter((p) => p.scheme === 'halves');
    expect(halves.map((h) => [h.startsOn, h.endsOn])).toEqual([
      [quarters[0]?.startsOn, quarters[1]?.endsOn],
      [quarters[2]?.startsOn, quarters[3]?.endsOn],
    ]);
    expect(periods.find((p) => p.kind === 'year')).toMatchObject({
      startsOn: quarters[0]?.startsOn,
      endsOn: quarters[3]?.endsOn,
    });
  });

  it('includes public holidays of the year only', () => {
    const holidays = entries.filter((e) => e.kind === 'holiday');
    expect(holidays.map((h) => h.startsOn)).toContain('2026-11-04');
    expect(holidays.every((h) => h.startsOn >= '2026-09-01' && h.startsOn <= '2027-08-31')).toBe(true);
  });
});
