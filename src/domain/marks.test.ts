import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isMarkValue,
  isPeriodMarkValue,
  type MarkRules,
  markNumbers,
  parseCell,
  suggestMark,
  twoMarksByDefault,
  weightedAverage,
} from './marks.ts';

const plain: MarkRules = { scale: 'five', plusMinus: true, twoMarks: false };
const russian: MarkRules = { scale: 'five', plusMinus: true, twoMarks: true };
const strict: MarkRules = { scale: 'five', plusMinus: false, twoMarks: true };
const pass: MarkRules = { scale: 'pass', plusMinus: true, twoMarks: true };
const thresholds = { five: 4.5, four: 3.5, three: 2.5 };

describe('parseCell', () => {
  it('reads the five marks, and «+/−» only where the school uses them', () => {
    for (const v of ['1', '2', '3', '4', '5', '4-', '4+', '5-', '2+'])
      expect(parseCell(v, plain)).toEqual({ kind: 'mark', value: v });
    expect(parseCell('4-', strict)).toEqual({ kind: 'invalid' });
    expect(parseCell('4+', strict)).toEqual({ kind: 'invalid' });
    expect(parseCell('4', strict)).toEqual({ kind: 'mark', value: '4' });
  });

  it('reads «5/4» only where the subject takes two marks in a cell', () => {
    expect(parseCell('5/4', russian)).toEqual({ kind: 'mark', value: '5/4' });
    expect(parseCell('5-/4+', russian)).toEqual({ kind: 'mark', value: '5-/4+' });
    expect(parseCell('5/4', plain)).toEqual({ kind: 'invalid' });
    expect(parseCell('5-/4', strict)).toEqual({ kind: 'invalid' });
    for (const v of ['5/4/3', '5/', '/4', '/', '5/зач', '5/.', 'зач/зач'])
      expect(parseCell(v, russian), v).toEqual({ kind: 'invalid' });
  });

  it('reads a pass, a fail and a debt, which a pass-only subject takes and a numeric mark not', () => {
    for (const v of ['зач', 'Зачёт', 'ЗАЧЕТ', ' зачёт '])
      expect(parseCell(v, plain), v).toEqual({ kind: 'mark', value: 'зач' });
    for (const v of ['незач', 'Незачёт', 'нз', 'НЗ'])
      expect(parseCell(v, plain), v).toEqual({ kind: 'mark', value: 'незач' });
    expect(parseCell('.', plain)).toEqual({ kind: 'mark', value: '.' });
    expect(parseCell('зач', pass)).toEqual({ kind: 'mark', value: 'зач' });
    expect(parseCell('.', pass)).toEqual({ kind: 'mark', value: '.' });
    expect(parseCell('5', pass)).toEqual({ kind: 'invalid' });
    expect(parseCell('5/4', pass)).toEqual({ kind: 'invalid' });
  });

  it('reads absences with their reason and lateness, in any case', () => {
    expect(parseCell('н', plain)).toEqual({ kind: 'attendance', value: 'absent', reason: null });
    expect(parseCell('Н', plain)).toEqual({ kind: 'attendance', value: 'absent', reason: null });
    expect(parseCell('б', plain)).toEqual({ kind: 'attendance', value: 'absent', reason: 'illness' });
    expect(parseCell('УП', plain)).toEqual({ kind: 'attendance', value: 'absent', reason: 'excused' });
    expect(parseCell('оп', plain)).toEqual({ kind: 'attendance', value: 'late', reason: null });
    expect(parseCell('о', plain)).toEqual({ kind: 'attendance', value: 'late', reason: null });
  });

  it('ignores spaces, takes the typographic minus and dashes, and clears on blank input', () => {
    expect(parseCell(' 4 - ', plain)).toEqual({ kind: 'mark', value: '4-' });
    for (const dash of ['−', '–', '—'])
      expect(parseCell(`4${dash}`, plain)).toEqual({ kind: 'mark', value: '4-' });
    expect(parseCell('5 / 4', russian)).toEqual({ kind: 'mark', value: '5/4' });
    for (const v of ['', ' ', '\t\n']) expect(parseCell(v, plain)).toEqual({ kind: 'clear' });
  });

  it('refuses anything else', () => {
    for (const v of ['0', '6', '55', '4--', '+5', '4.5', 'a', 'x', 'нн', 'зачот', '5,4', '<b>', '1e1', '４'])
      expect(parseCell(v, russian), v).toEqual({ kind: 'invalid' });
  });

  it('property: whatever it accepts as a mark is stored canonically and accepted again as is', () => {
    const rules = fc.record({
      scale: fc.constantFrom<MarkRules['scale']>('five', 'pass'),
      plusMinus: fc.boolean(),
      twoMarks: fc.boolean(),
    });
    const text = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.stringMatching(/^ ?[0-6][+\-−]?( ?\/ ?[0-6][+-]?)? ?$/),
      fc.constantFrom('зач', 'Зачёт', 'незач', 'нз', '.', 'н', 'б'),
    );
    fc.assert(
      fc.property(text, rules, (t, r) => {
        const parsed = parseCell(t, r);
        if (parsed.kind !== 'mark') return;
        expect(isMarkValue(parsed.value, r)).toBe(true);
        expect(parseCell(parsed.value, r)).toEqual(parsed);
        if (parsed.value.includes('/')) expect(r.twoMarks).toBe(true);
        if (/[+-]/.test(parsed.value)) expect(r.plusMinus).toBe(true);
      }),
    );
  });

  it('isMarkValue accepts only the canonical spelling', () => {
    expect(isMarkValue('4-', plain)).toBe(true);
    expect(isMarkValue('4−', plain)).toBe(false);
    expect(isMarkValue('Зачёт', plain)).toBe(false);
    expect(isMarkValue('н', plain)).toBe(false);
  });
});

describe('markNumbers', () => {
  it('counts «5/4» as two marks, a minus and a plus as a quarter, and a pass or a debt as none', () => {
    expect(markNumbers('5')).toEqual([5]);
    expect(markNumbers('4-')).toEqual([3.75]);
    expect(markNumbers('4+')).toEqual([4.25]);
    expect(markNumbers('5/4')).toEqual([5, 4]);
    expect(markNumbers('5-/3+')).toEqual([4.75, 3.25]);
    for (const v of ['зач', 'незач', '.', '']) expect(markNumbers(v)).toEqual([]);
  });
});

const counted = fc.constantFrom('1', '2', '3', '4', '5', '4-', '4+', '3-', '5-', '5/4', '3/2', '2+');
const uncounted = fc.constantFrom('зач', 'незач', '.');
const weight = fc.integer({ min: 1, max: 10 });
const marks = fc.array(fc.record({ value: counted, weight }), { minLength: 1, maxLength: 40 });

describe('weightedAverage', () => {
  it('is Σ mark × weight / Σ weight, with «5/4» counted as two marks of the weight', () => {
    expect(
      weightedAverage([
        { value: '5', weight: 1 },
        { value: '3', weight: 2 },
      ]),
    ).toBeCloseTo(11 / 3, 12);
    expect(weightedAverage([{ value: '5/4', weight: 2 }])).toBe(4.5);
    expect(weightedAverage([{ value: '4-', weight: 1 }])).toBe(3.75);
  });

  it('is null when nothing counts', () => {
    expect(weightedAverage([])).toBeNull();
    expect(
      weightedAverage([
        { value: 'зач', weight: 1 },
        { value: '.', weight: 5 },
      ]),
    ).toBeNull();
  });

  it('property: lies between the smallest and the largest counted number', () => {
    fc.assert(
      fc.property(marks, (ms) => {
        const numbers = ms.flatMap((m) => markNumbers(m.value));
        const avg = weightedAverage(ms)!;
        expect(avg).toBeGreaterThanOrEqual(Math.min(...numbers) - 1e-9);
        expect(avg).toBeLessThanOrEqual(Math.max(...numbers) + 1e-9);
      }),
    );
  });

  it('property: scaling every weight by the same factor changes nothing', () => {
    fc.assert(
      fc.property(marks, fc.integer({ min: 2, max: 100 }), (ms, k) => {
        const scaled = ms.map((m) => ({ ...m, weight: m.weight * k }));
        expect(weightedAverage(scaled)).toBeCloseTo(weightedAverage(ms)!, 9);
      }),
    );
  });

  it('property: marks that do not count leave the average as it is', () => {
    fc.assert(
      fc.property(
        marks,
        fc.array(fc.record({ value: uncounted, weight }), { maxLength: 10 }),
        (ms, extra) => {
          expect(weightedAverage([...ms, ...extra])).toBe(weightedAverage(ms));
          expect(weightedAverage(extra)).toBeNull();
        },
      ),
    );
  });

  it('property: equal weights give the plain average', () => {
    fc.assert(
      fc.property(fc.array(counted, { minLength: 1, maxLength: 20 }), weight, (values, w) => {
        const numbers = values.flatMap(markNumbers);
        const plainAverage = numbers.reduce((a, b) => a + b, 0) / numbers.length;
        expect(weightedAverage(values.map((value) => ({ value, weight: w })))).toBeCloseTo(plainAverage, 9);
      }),
    );
  });
});

describe('suggestMark', () => {
  it('rounds at the default thresholds 4.5 / 3.5 / 2.5, each threshold itself going up', () => {
    expect(suggestMark(5, thresholds)).toBe('5');
    expect(suggestMark(4.5, thresholds)).toBe('5');
    expect(suggestMark(4.49, thresholds)).toBe('4');
    expect(suggestMark(3.5, thresholds)).toBe('4');
    expect(suggestMark(3.49, thresholds)).toBe('3');
    expect(suggestMark(2.5, thresholds)).toBe('3');
    expect(suggestMark(2.49, thresholds)).toBe('2');
    expect(suggestMark(1, thresholds)).toBe('2');
    expect(suggestMark(null, thresholds)).toBeNull();
  });

  it('follows the school’s own thresholds', () => {
    const lenient = { five: 4.6, four: 3.6, three: 2.6 };
    expect(suggestMark(4.5, lenient)).toBe('4');
    expect(suggestMark(4.6, lenient)).toBe('5');
    expect(suggestMark(2.55, lenient)).toBe('2');
  });

  it('the rule: the average is rounded to six decimal places before comparing, so floating point noise never costs a mark but 4.499999 is a 4', () => {
    expect(suggestMark(4.4999999999, thresholds)).toBe('5');
    expect(suggestMark(4.4999996, thresholds)).toBe('5');
    expect(suggestMark(4.4999994, thresholds)).toBe('4');
    expect(suggestMark(4.499999, thresholds)).toBe('4');
    expect(suggestMark(3.4999999999999996, thresholds)).toBe('4');
    // Weights 0.3, 0.7 and 0.1 give 3.4999999999999996 in floating point where the exact average is 3.5.
    const avg = weightedAverage([
      { value: '4+', weight: 0.3 },
      { value: '3', weight: 0.7 },
      { value: '5-', weight: 0.1 },
    ]);
    expect(avg).toBeLessThan(3.5);
    expect(suggestMark(avg, thresholds)).toBe('4');
  });

  it('property: never goes down when the average goes up', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(Number(suggestMark(lo, thresholds))).toBeLessThanOrEqual(
            Number(suggestMark(hi, thresholds)),
          );
        },
      ),
    );
  });

  it('property: the suggestion of any set of marks is one of 2…5 and no higher than its best mark rounds to', () => {
    fc.assert(
      fc.property(marks, (ms) => {
        const s = suggestMark(weightedAverage(ms), thresholds);
        expect(['2', '3', '4', '5']).toContain(s);
        const best = Math.max(...ms.flatMap((m) => markNumbers(m.value)));
        expect(Number(s)).toBeLessThanOrEqual(Number(suggestMark(best, thresholds)));
      }),
    );
  });
});

describe('period marks and defaults', () => {
  it('knows the period mark values, «н/а» and «осв» among them', () => {
    for (const v of ['5', '2', 'н/а', 'осв', 'зач', 'незач']) expect(isPeriodMarkValue(v)).toBe(true);
    for (const v of ['1', '4-', 'н', '', 'НА']) expect(isPeriodMarkValue(v)).toBe(false);
  });

  it('gives Russian language and literature two marks in a cell by default, and nothing else', () => {
    for (const n of ['Русский язык', 'русский язык (углублённый)', 'Литература', 'Литературное чтение'])
      expect(twoMarksByDefault(n), n).toBe(true);
    for (const n of ['Математика', 'Родной язык (русский)', 'Английский язык'])
      expect(twoMarksByDefault(n), n).toBe(false);
  });
});
