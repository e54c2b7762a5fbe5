import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  figuresOverMarks,
  figuresOverStudents,
  isResultMark,
  meanMark,
  type ResultMark,
  resultMarks,
  sou,
  standingsOf,
} from './results.ts';

describe('figuresOverMarks (a subject, a teacher)', () => {
  it('counts each student×subject mark once', () => {
    // Marks: 5, 5, 4, 3, 2, н/а → N = 6.
    // Успеваемость: not «2» and not «н/а» = 4 of 6 = 66.666… → 66.7.
    // Качество: «4» or «5» = 3 of 6 = 50.0.
    // СОУ: (2·1 + 1·0.64 + 1·0.36 + 1·0.16 + 1·0.07) / 6 = 3.23 / 6 = 0.538333… → 53.8.
    // Средний балл: (5 + 5 + 4 + 3 + 2) / 5 = 19 / 5 = 3.8 («н/а» left out).
    const f = figuresOverMarks(['5', '5', '4', '3', '2', 'н/а']);
    expect(f).toEqual({
      n5: 2,
      n4: 1,
      n3: 1,
      n2: 1,
      nNa: 1,
      assessed: 6,
      successPct: 66.7,
      qualityPct: 50,
      sou: 53.8,
      average: 3.8,
    });
  });

  it('gives nulls when no one is assessed', () => {
    const f = figuresOverMarks([]);
    expect([f.assessed, f.successPct, f.qualityPct, f.sou, f.average]).toEqual([0, null, null, null, null]);
  });

  it('an «н/а» alone: no mean, СОУ 7', () => {
    // (0·1 + … + 1·0.07) / 1 = 0.07 → 7.0; no numeric mark, so no mean.
    const f = figuresOverMarks(['н/а']);
    expect([f.successPct, f.qualityPct, f.sou, f.average]).toEqual([0, 0, 7, null]);
  });
});

describe('figuresOverStudents (a class, the school)', () => {
  it('a student counts once, over all their subjects', () => {
    // Four students: [5,5] [5,4] [4,3] [5,2]; one more without marks is not assessed → N = 4.
    // Успеваемость: no «2»/«н/а» = 3 of 4 = 75.0. Качество: only «4»/«5» = 2 of 4 = 50.0.
    // СОУ over the 8 marks: 5×4 → 4·1 = 4; 4×2 → 2·0.64 = 1.28; 3×1 → 0.36; 2×1 → 0.16;
    //   (4 + 1.28 + 0.36 + 0.16) / 8 = 5.8 / 8 = 0.725 → 72.5.
    // Средний балл: (5·4 + 4·2 + 3 + 2) / 8 = 33 / 8 = 4.125 → 4.13.
    const f = figuresOverStudents([['5', '5'], ['5', '4'], ['4', '3'], ['5', '2'], []]);
    expect(f).toEqual({
      n5: 4,
      n4: 2,
      n3: 1,
      n2: 1,
      nNa: 0,
      assessed: 4,
      successPct: 75,
      qualityPct: 50,
      sou: 72.5,
      average: 4.13,
    });
  });

  it('the same marks give other percentages over marks than over students', () => {
    // Over marks: [5,2] → 1 of 2 succeed = 50.0; over students: the one student has a «2» → 0.
    expect(figuresOverMarks(['5', '2']).successPct).toBe(50);
    expect(figuresOverStudents([['5', '2']]).successPct).toBe(0);
  });
});

describe('sou and meanMark', () => {
  it('СОУ of all «3» is 36, of all «4» 64', () => {
    expect(sou({ n5: 0, n4: 0, n3: 3, n2: 0, nNa: 0 })).toBe(36);
    expect(sou({ n5: 0, n4: 2, n3: 0, n2: 0, nNa: 0 })).toBe(64);
    expect(sou({ n5: 0, n4: 0, n3: 0, n2: 0, nNa: 0 })).toBeNull();
  });
  it('the mean of 5 and 4 and 4 is 13/3 = 4.33', () => {
    expect(meanMark({ n5: 1, n4: 2, n3: 0, n2: 0, nNa: 4 })).toBe(4.33);
  });
});

describe('standingsOf', () => {
  it('puts a student on the lists their marks call for', () => {
    expect(standingsOf(['5', '5', '5'])).toEqual(['excellent']);
    expect(standingsOf(['5', '5', '4'])).toEqual(['good', 'oneFour']);
    expect(standingsOf(['5', '4', '4'])).toEqual(['good']);
    expect(standingsOf(['5', '4', '3'])).toEqual(['oneThree']);
    expect(standingsOf(['5', '3', '3'])).toEqual([]);
    expect(standingsOf(['3', '2'])).toEqual(['failing']);
    expect(standingsOf(['3', 'н/а'])).toEqual(['notAssessed']);
    expect(standingsOf(['2', 'н/а', '5'])).toEqual(['failing', 'notAssessed']);
    expect(standingsOf([])).toEqual([]);
  });
  it('reads which period marks count', () => {
    expect(['5', '4', '3', '2', 'н/а'].every(isResultMark)).toBe(true);
    expect(['зач', 'незач', 'осв', '5/4', '1'].some(isResultMark)).toBe(false);
  });
});

const mark = fc.constantFrom<ResultMark>(...resultMarks);

describe('properties', () => {
  it('0 ≤ качество ≤ успеваемость ≤ 100 and 7 ≤ СОУ ≤ 100, over marks and over students', () => {
    fc.assert(
      fc.property(fc.array(fc.array(mark, { maxLength: 12 }), { maxLength: 30 }), (students) => {
        for (const f of [figuresOverStudents(students), figuresOverMarks(students.flat())]) {
          if (f.assessed === 0) {
            expect(f.successPct).toBeNull();
            continue;
          }
          expect(f.qualityPct!).toBeGreaterThanOrEqual(0);
          expect(f.qualityPct!).toBeLessThanOrEqual(f.successPct!);
          expect(f.successPct!).toBeLessThanOrEqual(100);
          expect(f.sou!).toBeGreaterThanOrEqual(7);
          expect(f.sou!).toBeLessThanOrEqual(100);
          if (f.average !== null) {
            expect(f.average).toBeGreaterThanOrEqual(2);
            expect(f.average).toBeLessThanOrEqual(5);
          }
        }
      }),
    );
  });

  it('отличники and хорошисты are exactly the students counted in качество', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(mark, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 30 }),
        (s) => {
          const lists = s.map(standingsOf);
          const quality = lists.filter((l) => l.includes('excellent') || l.includes('good')).length;
          expect(figuresOverStudents(s).qualityPct).toBe(Math.round((quality / s.length) * 1000) / 10);
          const failing = lists.filter((l) => l.includes('failing') || l.includes('notAssessed')).length;
          expect(figuresOverStudents(s).successPct).toBe(
            Math.round(((s.length - failing) / s.length) * 1000) / 10,
          );
        },
      ),
    );
  });
});
