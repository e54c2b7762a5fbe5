import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessmentWarnings,
  daysApart,
  isAssessmentControlKind,
  type Procedure,
} from './assessment-rules.ts';

const kinds = ['Контрольная работа', 'КР', 'Диктант', 'Дикт', 'Сочинение', 'Соч'];

let nextId = 1;
const proc = (
  date: string,
  subject: 'Математика' | 'Русский язык',
  lessonNumber = 3,
  classId = 1,
): Procedure => ({
  lessonId: nextId++,
  classId,
  className: classId === 1 ? '5А' : '10Б',
  subjectId: subject === 'Математика' ? 1 : 2,
  subject,
  date,
  lessonNumber,
});

describe('which КТП kinds of control are assessment procedures', () => {
  it('names of assessment work kinds and the listed words are; other control is not', () => {
    expect(isAssessmentControlKind('Контрольная работа', kinds)).toBe(true);
    expect(isAssessmentControlKind('кр', kinds)).toBe(true);
    expect(isAssessmentControlKind('Итоговая контрольная работа', kinds)).toBe(true);
    expect(isAssessmentControlKind('ВПР', kinds)).toBe(true);
    expect(isAssessmentControlKind('Проверочная работа', kinds)).toBe(true);
    expect(isAssessmentControlKind('Самостоятельная работа', kinds)).toBe(false);
    expect(isAssessmentControlKind('Тест', kinds)).toBe(false);
    expect(isAssessmentControlKind('  ', kinds)).toBe(false);
    expect(isAssessmentControlKind(null, kinds)).toBe(false);
  });
});

describe('warnings on assessment procedures', () => {
  const noHours = new Map<string, number>();
  const noBounds = new Map<string, { first: number; last: number }>();

  it('two subjects on one day in a class; the same subject twice (subgroups) is not', () => {
    const a = proc('2026-10-06', 'Математика');
    const b = proc('2026-10-06', 'Русский язык');
    const other = proc('2026-10-06', 'Математика', 3, 2);
    const w = assessmentWarnings([a, b, other], noHours, noBounds);
    expect(w).toEqual([
      {
        kind: 'sameDay',
        classId: 1,
        className: '5А',
        subject: 'Математика, Русский язык',
        dates: ['2026-10-06'],
        lessonIds: [a.lessonId, b.lessonId],
        percent: null,
        edge: null,
      },
    ]);
    expect(assessmentWarnings([a, proc('2026-10-06', 'Математика')], noHours, noBounds)).toEqual([]);
  });

  it('17 days apart is too close, 18 days is not', () => {
    // 1 → 18 October: 17 days; 18 October → 5 November: 18 days.
    expect(daysApart('2026-10-01', '2026-10-18')).toBe(17);
    expect(daysApart('2026-10-18', '2026-11-05')).toBe(18);
    const first = proc('2026-10-01', 'Математика');
    const second = proc('2026-10-18', 'Математика');
    const third = proc('2026-11-05', 'Математика');
    const w = assessmentWarnings([third, first, second], noHours, noBounds);
    expect(w.map((x) => [x.kind, x.dates, x.lessonIds])).toEqual([
      ['tooClose', ['2026-10-01', '2026-10-18'], [first.lessonId, second.lessonId]],
    ]);
  });

  it('over 10% of the subject’s hours in the year', () => {
    const dates = ['2026-09-10', '2026-10-10', '2026-11-10', '2026-12-10'];
    const list = dates.map((d) => proc(d, 'Русский язык'));
    // 4 procedures of 34 lessons: 11.8% > 10%.
    const over = assessmentWarnings(list, new Map([['1:2', 34]]), noBounds);
    expect(over.map((x) => [x.kind, x.percent, x.dates])).toEqual([['overShare', 11.8, dates]]);
    // 4 of 40 is exactly 10%: allowed.
    expect(assessmentWarnings(list, new Map([['1:2', 40]]), noBounds)).toEqual([]);
  });

  it('the first or the last lesson of the class’s day', () => {
    const first = proc('2026-10-06', 'Математика', 1);
    const middle = proc('2026-11-06', 'Математика', 3);
    const last = proc('2026-12-06', 'Математика', 6);
    const bounds = new Map([
      ['1:2026-10-06', { first: 1, last: 6 }],
      ['1:2026-11-06', { first: 1, last: 6 }],
      ['1:2026-12-06', { first: 2, last: 6 }],
    ]);
    const w = assessmentWarnings([first, middle, last], noHours, bounds);
    expect(w.map((x) => [x.kind, x.edge, x.lessonIds])).toEqual([
      ['edgeLesson', 'first', [first.lessonId]],
      ['edgeLesson', 'last', [last.lessonId]],
    ]);
  });

  it('procedures of one subject at least 18 days apart never make a tooClose warning', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 18, max: 60 }), { maxLength: 12 }), (gaps) => {
        let day = Date.parse('2026-09-01T00:00:00Z');
        const list = gaps.map((gap) => {
          day += gap * 86_400_000;
          return proc(new Date(day).toISOString().slice(0, 10), 'Математика');
        });
        expect(assessmentWarnings(list, noHours, noBounds)).toEqual([]);
      }),
    );
  });
});
