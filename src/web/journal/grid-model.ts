import { memberOn } from '../../domain/journal-rules.ts';
import type { MarkRules } from '../../domain/marks.ts';
import type { Grid, GridLesson, GridPeriod } from './journal-api.ts';

/** A column of the grid: a mark column of a lesson, or a period (year, exam, final) mark. */
export type Column =
  | { kind: 'mark'; lesson: GridLesson; workKindId: number; first: boolean; span: number }
  | { kind: 'period'; period: GridPeriod; suggest: boolean; editable: boolean };

/** A month over its lessons' columns in the header. */
export interface MonthHead {
  month: number;
  span: number;
}

/** The grid laid out: its columns, months and who may write where. */
export interface GridModel {
  grid: Grid;
  rules: MarkRules;
  columns: Column[];
  months: MonthHead[];
  kindShort: Map<number, string>;
  /** The weighted average and suggested period mark per student. */
  suggestions: Map<number, { average: number | null; suggested: string | null }>;
  /** Whether a student was in the group on the lesson's date: [row][lesson index]. */
  member: (row: number, column: Column) => boolean;
}

/** Lays out a grid: lessons by date with their mark columns, then the period mark and the final ones. */
export function buildModel(grid: Grid): GridModel {
  const columns: Column[] = [];
  const months: MonthHead[] = [];
  for (const lesson of grid.lessons) {
    const workKinds = lesson.columns.length ? lesson.columns : [grid.workKinds[0]?.id ?? 0];
    const month = Number(lesson.date.slice(5, 7));
    const last = months.at(-1);
    if (last?.month === month) last.span += workKinds.length;
    else months.push({ month, span: workKinds.length });
    workKinds.forEach((workKindId, i) => {
      columns.push({ kind: 'mark', lesson, workKindId, first: i === 0, span: workKinds.length });
    });
  }
  const editable = (p: GridPeriod) => grid.canSetPeriodMarks && !p.closed;
  columns.push({ kind: 'period', period: grid.period, suggest: true, editable: editable(grid.period) });
  for (const p of grid.finalPeriods)
    columns.push({ kind: 'period', period: p, suggest: false, editable: editable(p) });
  const spans = grid.students.map((s) => s.spans);
  return {
    grid,
    rules: { scale: grid.rules.scale, plusMinus: grid.rules.plusMinus, twoMarks: grid.rules.twoMarks },
    columns,
    months,
    kindShort: new Map(grid.workKinds.map((k) => [k.id, k.shortName])),
    suggestions: new Map(grid.suggestions.map((s) => [s.studentId, s])),
    member: (row, column) => column.kind === 'period' || memberOn(spans[row] ?? [], column.lesson.date),
  };
}

/** Whether a cell can be written: in the group on that date, the lesson (or period) open to the actor. */
export function writable(model: GridModel, row: number, column: Column): boolean {
  if (model.grid.period.closed && column.kind === 'mark') return false;
  if (!model.member(row, column)) return false;
  return column.kind === 'mark' ? column.lesson.canEdit : column.editable;
}

/** The column to focus first: a lesson's (from `?lessonId=`), else today's or the last past lesson. */
export function startColumn(model: GridModel, lessonId: number | null, today: string): number {
  const cols = model.columns;
  if (lessonId !== null) {
    const i = cols.findIndex((c) => c.kind === 'mark' && c.lesson.id === lessonId);
    if (i >= 0) return i;
  }
  let best = 0;
  cols.forEach((c, i) => {
    if (c.kind === 'mark' && c.first && c.lesson.date <= today) best = i;
  });
  return best;
}
