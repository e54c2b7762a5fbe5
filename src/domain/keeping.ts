import { judge, keepingScore, type LessonTime, percentOf, type TimelinessRules } from './timeliness.ts';

/** The entries every held lesson must have. */
export type LessonEntry = 'topic' | 'homework' | 'attendance';

const lessonEntries: readonly LessonEntry[] = ['topic', 'homework', 'attendance'];

/** What a held lesson has: whether each entry is there and when it was made. */
export interface LessonEntries {
  hasTopic: boolean;
  hasHomework: boolean;
  /** When the topic was entered (ISO UTC); null when not stamped. */
  topicEnteredAt: string | null;
  homeworkEnteredAt: string | null;
  /** When attendance was taken; null: not taken. */
  attendanceTakenAt: string | null;
  /** Marks for written works at the lesson, and how many of them were entered after their deadline. */
  writtenMarks: number;
  lateMarks: number;
  /** False where homework is not set (grade 1 by the sanitary rules): its absence is no gap. */
  homeworkExpected?: boolean;
}

/** A held lesson judged: what is missing, what is late and by how many minutes. */
export interface JudgedLesson {
  missing: LessonEntry[];
  late: LessonEntry[];
  lateMinutes: Partial<Record<LessonEntry, number>>;
  writtenMarks: number;
  lateMarks: number;
  /** The entries the lesson must have: 3, or 2 where homework is not set. */
  expected: number;
  /** Entries made that a rule judges; the written-work marks of a lesson count as one entry. */
  entries: number;
  lateEntries: number;
}

/**
 * Judges a held lesson. An entry that is not there is missing (never late). An entry that is
 * there is late when made after its deadline (see `deadlineOf`); an entry without a time of entry
 * or without a rule is not judged. The written-work marks of the lesson are one judged entry,
 * late when any of them is.
 */
export function judgeLesson(e: LessonEntries, rules: TimelinessRules, time: LessonTime): JudgedLesson {
  const out: JudgedLesson = {
    missing: [],
    late: [],
    lateMinutes: {},
    writtenMarks: e.writtenMarks,
    lateMarks: e.lateMarks,
    expected: e.homeworkExpected === false ? lessonEntries.length - 1 : lessonEntries.length,
    entries: 0,
    lateEntries: 0,
  };
  // Called once per held lesson of a year (tens of thousands): no per-entry objects are built.
  for (const entry of lessonEntries) {
    if (entry === 'homework' && e.homeworkExpected === false) continue;
    const present =
      entry === 'topic' ? e.hasTopic : entry === 'homework' ? e.hasHomework : e.attendanceTakenAt !== null;
    if (!present) {
      out.missing.push(entry);
      continue;
    }
    const at =
      entry === 'topic' ? e.topicEnteredAt : entry === 'homework' ? e.homeworkEnteredAt : e.attendanceTakenAt;
    const verdict = judge(entry, rules, time, at);
    if (verdict.state === 'onTime') out.entries += 1;
    if (verdict.state === 'late') {
      out.entries += 1;
      out.lateEntries += 1;
      out.late.push(entry);
      out.lateMinutes[entry] = verdict.minutes;
    }
  }
  if (e.writtenMarks > 0) {
    out.entries += 1;
    if (e.lateMarks > 0) out.lateEntries += 1;
  }
  return out;
}

/** A lesson's problems: each missing or late entry, and late written-work marks once. */
export function problemsOf(l: Pick<JudgedLesson, 'missing' | 'late' | 'lateMarks'>): number {
  return l.missing.length + l.late.length + (l.lateMarks > 0 ? 1 : 0);
}

/** Counts of a set of held lessons: what is missing, late, filled, and the two percentages. */
export interface KeepingCounts {
  held: number;
  noTopic: number;
  noHomework: number;
  noAttendance: number;
  lateTopic: number;
  lateHomework: number;
  lateAttendance: number;
  lateMarks: number;
  problems: number;
  /** problems / held. */
  score: number;
  /** The entries the held lessons must have: 3 each, 2 where homework is not set. */
  expected: number;
  /** expected − missing entries. */
  filled: number;
  entries: number;
  lateEntries: number;
  /** filled / expected × 100 (one decimal); null when nothing was held. */
  completeness: number | null;
  /** (entries − lateEntries) / entries × 100 (one decimal); null when no entry was judged. */
  timeliness: number | null;
}

/** Adds up judged lessons. */
export function tally(
  lessons: Iterable<
    Pick<JudgedLesson, 'missing' | 'late' | 'lateMarks' | 'entries' | 'lateEntries'> &
      Partial<Pick<JudgedLesson, 'expected'>>
  >,
): KeepingCounts {
  const c = {
    held: 0,
    noTopic: 0,
    noHomework: 0,
    noAttendance: 0,
    lateTopic: 0,
    lateHomework: 0,
    lateAttendance: 0,
    lateMarks: 0,
    problems: 0,
    missing: 0,
    expected: 0,
    entries: 0,
    lateEntries: 0,
  };
  for (const l of lessons) {
    c.held += 1;
    c.expected += l.expected ?? 3;
    c.missing += l.missing.length;
    for (const m of l.missing) {
      if (m === 'topic') c.noTopic += 1;
      else if (m === 'homework') c.noHomework += 1;
      else c.noAttendance += 1;
    }
    for (const m of l.late) {
      if (m === 'topic') c.lateTopic += 1;
      else if (m === 'homework') c.lateHomework += 1;
      else c.lateAttendance += 1;
    }
    c.lateMarks += l.lateMarks;
    c.problems += problemsOf(l);
    c.entries += l.entries;
    c.lateEntries += l.lateEntries;
  }
  const { missing: _, expected, ...counts } = c;
  const filled = expected - c.missing;
  return {
    ...counts,
    score: keepingScore(c.problems, c.held),
    expected,
    filled,
    completeness: percentOf(filled, expected),
    timeliness: percentOf(c.entries - c.lateEntries, c.entries),
  };
}
