import type { z } from 'zod';
import type { attendanceCell, markCell, periodMarkCell } from '../../contract/journal.ts';
import type { AbsenceReason, AttendanceValue } from '../../domain/marks.ts';

/** A mark cell as the client sees it. */
export type MarkCell = z.infer<typeof markCell>;
/** An attendance entry as the client sees it. */
export type AttendanceCell = z.infer<typeof attendanceCell>;
/** A period, year, exam or final mark as the client sees it. */
export type PeriodMarkCell = z.infer<typeof periodMarkCell>;

/** A stored mark as a cell. */
export function presentMark(row: MarkCell): MarkCell {
  const { lessonId, studentId, workKindId, value, comment, version } = row;
  return { lessonId, studentId, workKindId, value, comment, version };
}

/** A stored attendance row as a cell. */
export function presentAttendance(row: {
  lessonId: number;
  studentId: number;
  value: string;
  reason: string | null;
  version: number;
}): AttendanceCell {
  return {
    lessonId: row.lessonId,
    studentId: row.studentId,
    value: row.value as AttendanceValue,
    reason: row.reason as AbsenceReason | null,
    version: row.version,
  };
}

/** A stored period mark as a cell. */
export function presentPeriodMark(row: PeriodMarkCell): PeriodMarkCell {
  const { studentId, periodId, value, version } = row;
  return { studentId, periodId, value, version };
}

/** A row of a grid: how the journal names a student («Иванов Иван»). */
export function studentName(p: { lastName: string; firstName: string }): string {
  return `${p.lastName} ${p.firstName}`;
}

/** Attendance as the journal writes it: «н», «б» (illness), «уп» (excused), «нп» (unexcused), «оп» (late). */
export function attendanceSymbol(state: { value?: unknown; reason?: unknown } | null): string | null {
  if (!state || typeof state.value !== 'string') return null;
  if (state.value === 'late') return 'оп';
  if (state.reason === 'illness') return 'б';
  if (state.reason === 'excused') return 'уп';
  if (state.reason === 'unexcused') return 'нп';
  return 'н';
}
