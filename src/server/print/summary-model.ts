import type { Lang } from '../http/messages.ts';

/** A student's marks in one subject: one per term (in term order), then year, exam and final. */
export interface SubjectMarks {
  terms: (string | null)[];
  year: string | null;
  exam: string | null;
  final: string | null;
}

/** A council decision as the paper prints it. */
export interface PrintedDecision {
  decision: string;
  decidedOn: string | null;
  protocol: string | null;
}

/** A student's row of the сводная ведомость. */
export interface SummaryStudent {
  id: number;
  /** «Фамилия Имя». */
  name: string;
  /** The date ('YYYY-MM-DD') the student left the class during the year; null if still in it. */
  leftOn: string | null;
  /** Marks per subject id. */
  marks: Record<number, SubjectMarks>;
  /** Days on which the student missed every lesson they had, and those all for illness. */
  missedDays: number;
  missedDaysIllness: number;
  /** Lessons missed, and those for illness. */
  missedLessons: number;
  missedLessonsIllness: number;
  decision: PrintedDecision | null;
}

/** The сводная ведомость учёта успеваемости of a class for a year. */
export interface SummarySheet {
  lang: Lang;
  schoolName: string;
  /** «5А». */
  className: string;
  /** «2026/2027». */
  yearName: string;
  printedOn: string;
  classTeacher: string | null;
  /** The term periods of the class's scheme, in order (their numbers). */
  terms: { id: number; number: number }[];
  /** Subjects of the journal in their school order. */
  subjects: { id: number; name: string }[];
  students: SummaryStudent[];
}
