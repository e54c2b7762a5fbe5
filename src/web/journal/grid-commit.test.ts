import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translate } from '../i18n/translate.ts';
import type { TFunction } from '../i18n/use-t.ts';
import { parsePeriodMark } from './cell-values.ts';
import { planCommit } from './grid-commit.ts';
import { buildModel, startColumn, writable } from './grid-model.ts';
import { GridStore } from './grid-store.ts';
import type { Grid } from './journal-api.ts';

const t: TFunction = (key, params) => translate('ru', key, params);
const lesson = (id: number, date: string, extra: Partial<Grid['lessons'][number]> = {}) => ({
  id,
  date,
  lessonNumber: 2,
  topic: null,
  homework: null,
  columns: [9],
  attendanceTaken: false,
  substitute: null,
  canEdit: true,
  needsReason: false,
  ...extra,
});

function grid(twoMarks = false): Grid {
  const period = {
    id: 7,
    name: '2 четверть',
    kind: 'term' as const,
    startsOn: '2026-11-05',
    endsOn: '2026-12-28',
    closed: false,
  };
  return {
    course: {
      id: 1,
      subject: 'Русский язык',
      group: '5А',
      className: '5А',
      teacher: 'Муравьёва В. П.',
      hoursPerWeek: 5,
      access: 'teacher',
      canEdit: true,
      subjectId: 2,
      classId: 3,
    },
    period,
    periods: [period],
    finalPeriods: [{ ...period, id: 8, name: 'Год', kind: 'year' }],
    workKinds: [
      { id: 9, name: 'Ответ на уроке', shortName: 'Отв', weight: 1 },
      { id: 10, name: 'Контрольная работа', shortName: 'КР', weight: 3 },
    ],
    rules: { scale: 'five', plusMinus: true, twoMarks, editWindowDays: 3, marked: true },
    students: [
      { id: 11, name: 'Антонов Марк', spans: [{ startsOn: '2026-09-01', endsOn: '2026-11-15' }] },
      { id: 12, name: 'Боброва Ольга', spans: [{ startsOn: '2026-11-16', endsOn: null }] },
    ],
    lessons: [lesson(5, '2026-11-10', { columns: [9, 10] }), lesson(6, '2026-11-20', { needsReason: true })],
    marks: [],
    attendance: [],
    periodMarks: [],
    suggestions: [{ studentId: 11, average: 4.25, suggested: '4' }],
    canSetPeriodMarks: true,
  };
}

describe('the grid layout', () => {
  it('gives each mark column of a lesson a column, months over them, then the period and year marks', () => {
    const model = buildModel(grid());
    expect(
      model.columns.map((c) => (c.kind === 'mark' ? `${c.lesson.id}/${c.workKindId}` : c.period.name)),
    ).toEqual(['5/9', '5/10', '6/9', '2 четверть', 'Год']);
    expect(model.months).toEqual([{ month: 11, span: 3 }]);
  });

  it('lets a student be written only on the dates they were in the group', () => {
    const model = buildModel(grid());
    const [first, , later, period] = model.columns;
    expect(writable(model, 0, first!)).toBe(true);
    expect(writable(model, 0, later!)).toBe(false);
    expect(writable(model, 1, first!)).toBe(false);
    expect(writable(model, 1, later!)).toBe(true);
    expect(writable(model, 0, period!)).toBe(true);
  });

  it('starts at the lesson asked for, else the last lesson held by today', () => {
    const model = buildModel(grid());
    expect(startColumn(model, 6, '2026-11-12')).toBe(2);
    expect(startColumn(model, null, '2026-11-12')).toBe(0);
    expect(startColumn(model, null, '2026-12-01')).toBe(2);
  });
});

describe('committing a cell', () => {
  beforeEach(() =>
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => {})),
    ),
  );
  afterEach(() => vi.unstubAllGlobals());

  it('answers a Russian hint for what is not an entry and saves nothing', () => {
    const g = grid();
    const store = new GridStore(g);
    const plan = planCommit(buildModel(g), store, t, 0, 0, '7');
    expect(plan).toEqual({ hint: expect.stringContaining('Не понял отметку') });
    expect(planCommit(buildModel(g), store, t, 0, 0, '5/4')).toEqual({
      hint: expect.stringContaining('Не понял отметку'),
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('saves «5/4» where the subject takes two marks, absences into the lesson, and asks a reason past the window', () => {
    const g = grid(true);
    const store = new GridStore(g);
    const model = buildModel(g);
    const two = planCommit(model, store, t, 0, 1, '5/4');
    expect(two).toMatchObject({ needsReason: false });
    if ('apply' in two) two.apply();
    expect(store.get('m:5:11:10')?.value).toBe('5/4');
    const absent = planCommit(model, store, t, 0, 1, 'уп');
    if ('apply' in absent) absent.apply();
    expect(store.get('a:5:11')?.value).toBe('уп');
    expect(planCommit(model, store, t, 1, 2, '4-')).toMatchObject({ needsReason: true });
  });

  it('reads period marks as the school writes them', () => {
    expect(parsePeriodMark('5')).toBe('5');
    expect(parsePeriodMark('на')).toBe('н/а');
    expect(parsePeriodMark(' Осв ')).toBe('осв');
    expect(parsePeriodMark('зачёт')).toBe('зач');
    expect(parsePeriodMark('')).toBe('');
    expect(parsePeriodMark('1')).toBeNull();
    expect(parsePeriodMark('4-')).toBeNull();
  });
});
