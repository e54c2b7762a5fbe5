import type { Lang } from '../http/messages.ts';

/**
 * A print of a class's journal, already checked against what the actor may print: the whole
 * journal (`courseIds` null: the class teacher, the deputy, the director) or only some courses
 * (a teacher's own).
 */
export interface JournalPrint {
  schoolId: number;
  classId: number;
  academicYearId: number;
  /** A study period; null: the whole year. */
  periodId: number | null;
  /** Only these courses of the class; null: the whole journal with the class's own sections. */
  courseIds: number[] | null;
  /** The date printed on the document ('YYYY-MM-DD'); the same date gives the same bytes. */
  printedOn: string;
  lang: Lang;
}
