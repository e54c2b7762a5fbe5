import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countByTeacher, type RemarkState, remarkState, returnedText } from './remarks.ts';

describe('remarkState', () => {
  it('closed wins over fixed; fixed without closing is fixed; neither is open', () => {
    expect(remarkState({ fixedAt: null, closedAt: null })).toBe('open');
    expect(remarkState({ fixedAt: '2026-10-01T08:00:00.000Z', closedAt: null })).toBe('fixed');
    expect(remarkState({ fixedAt: '2026-10-01T08:00:00.000Z', closedAt: '2026-10-02T08:00:00.000Z' })).toBe(
      'closed',
    );
    // Closed directly from open: never fixed.
    expect(remarkState({ fixedAt: null, closedAt: '2026-10-02T08:00:00.000Z' })).toBe('closed');
  });
});

describe('returnedText', () => {
  it('appends the UTC day ДД.ММ.ГГГГ and the reason after an empty line; no reason keeps the text', () => {
    // 21:30 UTC on 3 November is still 03.11.2026 in UTC.
    const on = new Date('2026-11-03T21:30:00.000Z');
    expect(returnedText('Нет тем уроков.', 'Темы так и не записаны', on)).toBe(
      'Нет тем уроков.\n\n03.11.2026: Темы так и не записаны',
    );
    expect(returnedText('Нет тем уроков.', undefined, on)).toBe('Нет тем уроков.');
    expect(returnedText('Нет тем уроков.', '', on)).toBe('Нет тем уроков.');
  });

  it('writes the school’s day: 21:30 UTC on 3 November is 4 November in Moscow (UTC+3)', () => {
    const on = new Date('2026-11-03T21:30:00.000Z');
    expect(returnedText('Нет тем уроков.', 'Темы так и не записаны', on, 'Europe/Moscow')).toBe(
      'Нет тем уроков.\n\n04.11.2026: Темы так и не записаны',
    );
  });
});

describe('countByTeacher', () => {
  it('counts each remark once under its state, most open first, then most fixed, then by name', () => {
    const items = [
      { teacherId: 1, teacher: 'Яковлева А. И.', status: 'open' as const },
      { teacherId: 1, teacher: 'Яковлева А. И.', status: 'closed' as const },
      { teacherId: 2, teacher: 'Ёлкина В. П.', status: 'fixed' as const },
      { teacherId: 3, teacher: 'Абрамова Е. Н.', status: 'fixed' as const },
      { teacherId: 3, teacher: 'Абрамова Е. Н.', status: 'closed' as const },
      { teacherId: 4, teacher: 'Борисова О. В.', status: 'closed' as const },
    ];
    // Яковлева: 1 open + 0 fixed + 1 closed = 2; Абрамова: 0 + 1 + 1 = 2; Ёлкина: 0 + 1 + 0 = 1;
    // Борисова: 0 + 0 + 1 = 1. Order: open 1 (Яковлева); then fixed 1 — Абрамова before Ёлкина by
    // name (А < Ё in Russian order); then Борисова (nothing open or fixed).
    expect(countByTeacher(items)).toEqual([
      { teacherId: 1, teacher: 'Яковлева А. И.', total: 2, open: 1, fixed: 0, closed: 1 },
      { teacherId: 3, teacher: 'Абрамова Е. Н.', total: 2, open: 0, fixed: 1, closed: 1 },
      { teacherId: 2, teacher: 'Ёлкина В. П.', total: 1, open: 0, fixed: 1, closed: 0 },
      { teacherId: 4, teacher: 'Борисова О. В.', total: 1, open: 0, fixed: 0, closed: 1 },
    ]);
    expect(countByTeacher([])).toEqual([]);
  });

  it('total = open + fixed + closed per teacher, and the totals add up to the number of remarks', () => {
    const state = fc.constantFrom<RemarkState>('open', 'fixed', 'closed');
    const item = fc.record({ teacherId: fc.integer({ min: 1, max: 5 }), status: state });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (raw) => {
        const rows = countByTeacher(raw.map((r) => ({ ...r, teacher: `Учитель ${r.teacherId}` })));
        for (const row of rows) expect(row.total).toBe(row.open + row.fixed + row.closed);
        expect(rows.reduce((sum, r) => sum + r.total, 0)).toBe(raw.length);
        expect(new Set(rows.map((r) => r.teacherId)).size).toBe(rows.length);
        for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.open).toBeGreaterThanOrEqual(rows[i]!.open);
      }),
    );
  });
});
