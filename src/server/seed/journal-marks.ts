import type { Span } from '../../domain/journal-rules.ts';
import {
  isMarkValue,
  type MarkRules,
  suggestMark,
  type Thresholds,
  weightedAverage,
} from '../../domain/marks.ts';
import {
  type LessonFill,
  lessonEnd,
  moscowTime,
  plusDays,
  type Random,
  type SourceCourse,
} from './journal-plan.ts';
import { everydayKindsOf } from './journal-topics.ts';

/** A student's stretch in a group. */
export interface Membership extends Span {
  studentId: number;
}

/** A work kind of the school. */
export interface SourceWorkKind {
  id: number;
  name: string;
  weight: number;
}

/** What the marks need to know about the school. */
export interface MarkContext {
  markedGrades: readonly number[];
  plusMinus: boolean;
  workKinds: readonly SourceWorkKind[];
  today: string;
  random: Random;
}

/** A mark cell to write, with who entered it and when. */
export interface MarkRow {
  lessonId: number;
  studentId: number;
  workKindId: number;
  value: string;
  comment: string | null;
  at: string;
  by: number;
}

/** Whether the membership covers the date (memberOn for one span, without allocating). */
function within(m: Span, date: string): boolean {
  return m.startsOn <= date && (m.endsOn === null || m.endsOn >= date);
}

/** An absence or lateness to write. */
export interface AttendanceRow {
  lessonId: number;
  studentId: number;
  value: 'absent' | 'late';
  reason: 'illness' | 'excused' | 'unexcused' | null;
  at: string;
  by: number;
}

const comments = [
  'Не выполнено задание 3',
  'Отличный ответ у доски',
  'Работа выполнена небрежно',
  'Молодец, аккуратная работа',
  'Не сдана тетрадь',
];

/**
 * Illness spells of every student over the school days: a stable per-student tendency, spells
 * of 2–6 days starting on ≈1.3 % of days, so ≈5 % of days are missed through illness.
 */
export function illnessDays(
  students: readonly number[],
  days: readonly string[],
  random: Random,
): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const student of students) {
    const tendency = random.between(0.2, 1.8);
    const ill = new Set<string>();
    for (let i = 0; i < days.length; i++) {
      if (random.next() >= 0.013 * tendency) continue;
      const length = random.int(2, 6);
      for (let k = 0; k < length && i < days.length; k++, i++) ill.add(days[i] as string);
    }
    out.set(student, ill);
  }
  return out;
}

/**
 * Attendance of a course's filled lessons where it was taken: the ill are absent with reason
 * illness (a recent one may still wait for the class teacher's reason), ≈1.2 % miss one lesson
 * (excused or not), ≈0.8 % come late. Only students in the group on the lesson's date.
 */
export function courseAttendance(
  fills: readonly LessonFill[],
  members: readonly Membership[],
  ill: Map<number, Set<string>>,
  today: string,
  random: Random,
): AttendanceRow[] {
  const rows: AttendanceRow[] = [];
  const recent = plusDays(today, -3);
  for (const fill of fills) {
    if (fill.attendanceTakenAt === null) continue;
    const { lesson } = fill;
    for (const m of members) {
      if (!within(m, lesson.date)) continue;
      const base = {
        lessonId: lesson.id,
        studentId: m.studentId,
        at: fill.attendanceTakenAt,
        by: lesson.teacherId,
      };
      const draw = random.next();
      if (ill.get(m.studentId)?.has(lesson.date)) {
        const reason = lesson.date >= recent && draw < 0.5 ? null : 'illness';
        rows.push({ ...base, value: 'absent', reason });
      } else if (draw < 0.012) {
        rows.push({ ...base, value: 'absent', reason: random.next() < 0.4 ? 'excused' : 'unexcused' });
      } else if (draw < 0.02) {
        rows.push({ ...base, value: 'late', reason: null });
      }
    }
  }
  return rows;
}

/** Per-student levels: a stable ability and a per-subject leaning. */
export class Abilities {
  private readonly levels = new Map<number, number>();
  private readonly leanings = new Map<string, number>();

  constructor(private readonly random: Random) {}

  /** The student's expected mark in a subject. */
  of(studentId: number, subjectId: number): number {
    let level = this.levels.get(studentId);
    if (level === undefined) {
      level = Math.min(4.95, Math.max(2.7, this.random.normal(3.9, 0.5)));
      this.levels.set(studentId, level);
    }
    const key = `${studentId}:${subjectId}`;
    let leaning = this.leanings.get(key);
    if (leaning === undefined) {
      leaning = this.random.normal(0, 0.3);
      this.leanings.set(key, leaning);
    }
    return level + leaning;
  }
}

function markValue(
  expected: number,
  kind: string,
  control: boolean,
  rules: MarkRules,
  random: Random,
): string {
  const x = random.normal(expected, control ? 0.85 : 0.7);
  const n = Math.min(5, Math.max(2, Math.round(x)));
  let value = String(n);
  if (rules.twoMarks && (kind === 'Диктант' || kind === 'Сочинение') && random.next() < 0.6) {
    value = `${n}/${Math.min(5, Math.max(2, Math.round(x + random.normal(0, 0.6))))}`;
  } else if (rules.twoMarks && rules.plusMinus && x - n < -0.3 && n >= 3) {
    value = `${n}-`;
  } else if (rules.twoMarks && rules.plusMinus && x - n > 0.3 && n <= 4) {
    value = `${n}+`;
  }
  return isMarkValue(value, rules) ? value : String(n);
}

/**
 * The marks of a course: 2.4–3.6 per student per month (error diffusion over the lessons the
 * student attended, so each student lands near the aim), one everyday kind of work per lesson,
 * and on a control lesson a mark of its kind for every student present. Written work is marked
 * a few days later. Returns the marks and each lesson's mark columns.
 */
export function courseMarks(
  course: SourceCourse,
  fills: readonly LessonFill[],
  members: readonly Membership[],
  absent: ReadonlyMap<number, ReadonlySet<number>>,
  abilities: Abilities,
  c: MarkContext,
): { marks: MarkRow[]; columns: Map<number, number[]> } {
  const marks: MarkRow[] = [];
  const columns = new Map<number, number[]>();
  if (!c.markedGrades.includes(course.grade)) return { marks, columns };
  const rules: MarkRules = { scale: 'five', plusMinus: c.plusMinus, twoMarks: course.twoMarks };
  const byName = new Map(c.workKinds.map((k) => [k.name, k]));
  const fallback = c.workKinds[c.workKinds.length - 1] as SourceWorkKind;
  const everyday = everydayKindsOf(course.subject).flatMap((name) => byName.get(name) ?? []);
  const kindOf = new Map<number, SourceWorkKind>();
  for (const fill of fills) {
    const kind = fill.controlKind ? (byName.get(fill.controlKind) ?? fallback) : c.random.pick(everyday);
    kindOf.set(fill.lesson.id, kind ?? fallback);
    if (kind && kind.id !== c.workKinds[0]?.id) columns.set(fill.lesson.id, [kind.id]);
  }
  const { random, today } = c;
  for (const m of members) {
    const attended = fills.filter(
      (f) => within(m, f.lesson.date) && !absent.get(f.lesson.id)?.has(m.studentId),
    );
    const first = attended[0];
    const last = attended[attended.length - 1];
    if (!first || !last) continue;
    const months =
      (Date.parse(last.lesson.date) - Date.parse(first.lesson.date) + 86_400_000) / (30.44 * 86_400_000);
    const controls = attended.filter((f) => f.controlKind !== null).length;
    const ordinary = attended.length - controls;
    const aim = random.between(2.4, 3.6) * months;
    const p = ordinary === 0 ? 0 : Math.min(1, Math.max(0, (aim - controls) / ordinary));
    let credit = random.next();
    const expected = abilities.of(m.studentId, course.subjectId);
    for (const fill of attended) {
      const control = fill.controlKind !== null;
      if (!control) {
        credit += p;
        if (credit < 1) continue;
        credit -= 1;
      }
      const kind = kindOf.get(fill.lesson.id) as SourceWorkKind;
      const laterDays = control ? random.int(1, random.next() < 0.05 ? 12 : 5) : 0;
      const on =
        plusDays(fill.lesson.date, laterDays) < today
          ? plusDays(fill.lesson.date, laterDays)
          : fill.lesson.date;
      marks.push({
        lessonId: fill.lesson.id,
        studentId: m.studentId,
        workKindId: kind.id,
        value: markValue(expected, kind.name, control, rules, random),
        comment: random.next() < 0.03 ? random.pick(comments) : null,
        at:
          on === fill.lesson.date
            ? moscowTime(on, lessonEnd(fill.lesson.lessonNumber), random.int(-10, 60))
            : moscowTime(on, '18:00', random.int(0, 180)),
        by: fill.lesson.teacherId,
      });
    }
  }
  return { marks, columns };
}

/** A student's counted mark in a subject, for period marks. */
export interface SubjectMark {
  studentId: number;
  subjectId: number;
  date: string;
  value: string;
  weight: number;
}

/** The period mark a teacher sets: the weighted average rounded at the school's thresholds, or «н/а». */
export function periodMarkOf(marks: readonly SubjectMark[], thresholds: Thresholds): string {
  return suggestMark(weightedAverage(marks), thresholds) ?? 'н/а';
}
