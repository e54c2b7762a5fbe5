import { parseCell } from '../../domain/marks.ts';
import type { TFunction } from '../i18n/use-t.ts';
import { attendanceGlyph, attendanceKey, markKey, parsePeriodMark, periodKey } from './cell-values.ts';
import type { GridModel } from './grid-model.ts';
import type { GridStore } from './grid-store.ts';

/** What committing a cell's text means: a hint to show, or the saves to make (nothing when unchanged). */
export type Planned = { hint: string } | { apply: () => void; needsReason: boolean };

/** Reads what was typed into a cell and plans its saves (parseCell for lessons, period values for period columns). */
export function planCommit(
  model: GridModel,
  store: GridStore,
  t: TFunction,
  row: number,
  col: number,
  text: string,
): Planned {
  const column = model.columns[col]!;
  const studentId = model.grid.students[row]!.id;
  if (column.kind === 'period') {
    const value = parsePeriodMark(text);
    if (value === null) return { hint: t('journal.hintPeriod') };
    const key = periodKey(column.period.id, studentId);
    if ((store.get(key)?.value ?? '') === value) return { apply: () => {}, needsReason: false };
    return { apply: () => store.set(key, 'periodMark', value), needsReason: false };
  }
  const parsed = parseCell(text, model.rules);
  const mKey = markKey(column.lesson.id, studentId, column.workKindId);
  const aKey = attendanceKey(column.lesson.id, studentId);
  const mark = store.get(mKey)?.value ?? '';
  const absence = store.get(aKey)?.value ?? '';
  const needsReason = column.lesson.needsReason;
  if (parsed.kind === 'invalid')
    return { hint: t(model.rules.twoMarks ? 'journal.hintTwoMarks' : 'journal.hintMark') };
  if (parsed.kind === 'mark') {
    if (!model.grid.rules.marked) return { hint: t('journal.hintNotMarked') };
    if (mark === parsed.value) return { apply: () => {}, needsReason: false };
    return { apply: () => store.set(mKey, 'mark', parsed.value), needsReason };
  }
  if (parsed.kind === 'attendance') {
    const glyph = attendanceGlyph(parsed.value, parsed.reason);
    if (absence === glyph) return { apply: () => {}, needsReason: false };
    return { apply: () => store.set(aKey, 'attendance', glyph), needsReason };
  }
  // Clearing: the mark of this column, and in the lesson's first column the absence too.
  const clearMark = mark !== '';
  const clearAbsence = column.first && absence !== '';
  if (!clearMark && !clearAbsence) return { apply: () => {}, needsReason: false };
  return {
    apply: () => {
      if (clearMark) store.set(mKey, 'mark', '');
      if (clearAbsence) store.set(aKey, 'attendance', '');
    },
    needsReason,
  };
}
