import type { AbsenceReason, AttendanceValue } from '../../domain/marks.ts';

/** The glyph of an absence or lateness as the grid shows it. */
export function attendanceGlyph(value: AttendanceValue, reason: AbsenceReason | null): string {
  if (value === 'late') return 'оп';
  if (reason === 'illness') return 'б';
  if (reason === 'excused') return 'уп';
  return 'н';
}

/** What a glyph means when saved: the value and the reason. */
export function glyphAttendance(glyph: string): {
  value: AttendanceValue | null;
  reason: AbsenceReason | null;
} {
  if (glyph === 'оп') return { value: 'late', reason: null };
  if (glyph === 'б') return { value: 'absent', reason: 'illness' };
  if (glyph === 'уп') return { value: 'absent', reason: 'excused' };
  if (glyph === 'н') return { value: 'absent', reason: null };
  return { value: null, reason: null };
}

const periodAliases: Record<string, string> = {
  на: 'н/а',
  'н/а': 'н/а',
  осв: 'осв',
  зач: 'зач',
  зачет: 'зач',
  незач: 'незач',
  незачет: 'незач',
};

/** Reads a period mark as typed («5», «на», «н/а», «осв», «зач»); '' clears; null when not one. */
export function parsePeriodMark(text: string): string | null {
  const v = text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, '');
  if (v === '') return '';
  if (/^[2-5]$/.test(v)) return v;
  return periodAliases[v] ?? null;
}

/** The key of a mark cell in the store. */
export const markKey = (lessonId: number, studentId: number, workKindId: number) =>
  `m:${lessonId}:${studentId}:${workKindId}`;
/** The key of an attendance cell in the store. */
export const attendanceKey = (lessonId: number, studentId: number) => `a:${lessonId}:${studentId}`;
/** The key of a period mark in the store. */
export const periodKey = (periodId: number, studentId: number) => `p:${periodId}:${studentId}`;
