import { describe, expect, it } from 'vitest';
import { queryFrom, type School, sorted } from './district-table.ts';

const row = (school: string, qualityPct: number | null, students = 100): School => ({
  schoolId: school.length,
  school,
  period: '1 четверть',
  from: '2026-09-01',
  to: '2026-10-25',
  students,
  successPct: null,
  qualityPct,
  sou: null,
  average: null,
  provisional: 0,
  completenessPct: null,
  timelinessPct: null,
  attendancePct: null,
});

describe('the district table', () => {
  const rows = [row('Школа № 2', 40), row('Гимназия', null), row('Ёлочка', 55.5), row('Школа № 1', 40)];

  it('sorts by a figure either way; a school without it goes last; ties by name', () => {
    expect(sorted(rows, 'qualityPct', false).map((r) => r.school)).toEqual([
      'Ёлочка',
      'Школа № 1',
      'Школа № 2',
      'Гимназия',
    ]);
    expect(sorted(rows, 'qualityPct', true).map((r) => r.school)).toEqual([
      'Школа № 1',
      'Школа № 2',
      'Ёлочка',
      'Гимназия',
    ]);
  });

  it('sorts names as Russians do («Ё» with «Е», not before «А» as its code would)', () => {
    const names = ['Жемчужина', 'Ёлочка', 'Ежевика', 'Абрикос'].map((n) => row(n, 1));
    expect(sorted(names, 'school', true).map((r) => r.school)).toEqual([
      'Абрикос',
      'Ежевика',
      'Ёлочка',
      'Жемчужина',
    ]);
  });

  it('reads the address: a year, a term 1–4 or the year marks; anything else is left out', () => {
    expect(queryFrom(new URLSearchParams('year=2026&period=2'))).toBe('?year=2026&periodNumber=2');
    expect(queryFrom(new URLSearchParams('period=year'))).toBe('?wholeYear=true');
    expect(queryFrom(new URLSearchParams('year=26&period=7'))).toBe('');
  });
});
