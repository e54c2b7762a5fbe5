/**
 * What a journal cell holds and how marks count: the grammar a teacher types, the numbers a mark
 * stands for, the weighted average and its rounding at the school's thresholds.
 */

/** How a school marks: the five-point scale, with or without «+/−», and whether «5/4» is allowed. */
export interface MarkRules {
  scale: 'five' | 'pass';
  plusMinus: boolean;
  /** The subject takes two marks in one cell («5/4»): Russian language and literature by default. */
  twoMarks: boolean;
}

/** An absence: «н» (reason not yet known), «б» (illness), «уп» (excused); or «оп», being late. */
export type AttendanceValue = 'absent' | 'late';
/** Why a student missed a lesson; the class teacher sets it. */
export type AbsenceReason = 'illness' | 'excused' | 'unexcused';

/** What typing into a cell means. */
export type CellInput =
  | { kind: 'mark'; value: string }
  | { kind: 'attendance'; value: AttendanceValue; reason: AbsenceReason | null }
  | { kind: 'clear' }
  | { kind: 'invalid' };

const single = /^([1-5])([+-])?$/;
/** Marks that are shown but never counted: a pass, a fail, a debt («.»). */
const uncounted = ['зач', 'незач', '.'];

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/ё/g, 'е').replace(/[−–—]/g, '-').replace(/\s+/g, '');
}

function isSingleMark(value: string, rules: MarkRules): boolean {
  if (uncounted.includes(value)) return true;
  if (rules.scale === 'pass') return false;
  const m = single.exec(value);
  return m !== null && (m[2] === undefined || rules.plusMinus);
}

/** Reads what the teacher typed: a mark («5», «4-», «5/4», «зач», «.»), an absence or a clear. */
export function parseCell(text: string, rules: MarkRules): CellInput {
  const v = normalise(text);
  if (v === '') return { kind: 'clear' };
  if (v === 'н') return { kind: 'attendance', value: 'absent', reason: null };
  if (v === 'б') return { kind: 'attendance', value: 'absent', reason: 'illness' };
  if (v === 'уп') return { kind: 'attendance', value: 'absent', reason: 'excused' };
  if (v === 'оп' || v === 'о') return { kind: 'attendance', value: 'late', reason: null };
  if (v === 'зачет' || v === 'зач') return { kind: 'mark', value: 'зач' };
  if (v === 'незачет' || v === 'незач' || v === 'нз') return { kind: 'mark', value: 'незач' };
  const parts = v.split('/');
  if (parts.length > 2 || (parts.length === 2 && !rules.twoMarks)) return { kind: 'invalid' };
  if (parts.length === 2 && parts.some((p) => !single.test(p))) return { kind: 'invalid' };
  return parts.every((p) => isSingleMark(p, rules))
    ? { kind: 'mark', value: parts.join('/') }
    : { kind: 'invalid' };
}

/** Whether a stored mark value is one the rules accept (the server checks every save with it). */
export function isMarkValue(value: string, rules: MarkRules): boolean {
  const parsed = parseCell(value, rules);
  return parsed.kind === 'mark' && parsed.value === value;
}

/** The numbers a mark counts as: «5/4» is two marks, «4-» is 3.75, «4+» 4.25; a pass or debt none. */
export function markNumbers(value: string): number[] {
  const out: number[] = [];
  for (const part of value.split('/')) {
    const m = single.exec(part);
    if (!m) continue;
    out.push(Number(m[1]) + (m[2] === '+' ? 0.25 : m[2] === '-' ? -0.25 : 0));
  }
  return out;
}

/** A mark with the weight of its kind of work. */
export interface WeightedMark {
  value: string;
  weight: number;
}

/** The weighted average of counted marks (Σ mark × weight / Σ weight), or null if none count. */
export function weightedAverage(marks: readonly WeightedMark[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const mark of marks) {
    for (const n of markNumbers(mark.value)) {
      sum += n * mark.weight;
      weights += mark.weight;
    }
  }
  return weights === 0 ? null : sum / weights;
}

/** Rounding thresholds of period marks: an average at or above `five` gives 5, and so on. */
export interface Thresholds {
  five: number;
  four: number;
  three: number;
}

/** The mark an average suggests at the school's thresholds (default 4.5 / 3.5 / 2.5). */
export function suggestMark(average: number | null, t: Thresholds): '5' | '4' | '3' | '2' | null {
  if (average === null) return null;
  // Averages are shown to two places: 4.4999999 from floating point must not lose the 5.
  const a = Math.round(average * 1e6) / 1e6;
  if (a >= t.five) return '5';
  if (a >= t.four) return '4';
  if (a >= t.three) return '3';
  return '2';
}

/** The values a period, year, exam or final mark may take. */
export const periodMarkValues = ['5', '4', '3', '2', 'н/а', 'осв', 'зач', 'незач'] as const;
/** One of them. */
export type PeriodMarkValue = (typeof periodMarkValues)[number];

/** Whether a string is a period mark value («н/а»: not assessed; «осв»: exempt). */
export function isPeriodMarkValue(value: string): value is PeriodMarkValue {
  return (periodMarkValues as readonly string[]).includes(value);
}

/** Whether a subject takes two marks in a cell when the school has not said: Russian and literature. */
export function twoMarksByDefault(subjectName: string): boolean {
  const name = subjectName.toLowerCase();
  return (
    name.startsWith('русский язык') || name.startsWith('литература') || name.startsWith('литературное чтение')
  );
}
