import { memberDuring } from '../../domain/journal-rules.ts';
import { periodMarkOf, type SubjectMark } from './journal-marks.ts';
import { moscowTime, plusDays, type Random } from './journal-plan.ts';
import type { JournalSource } from './journal-source.ts';

/** A period mark to write. */
export interface PeriodMarkRow {
  studentId: number;
  subjectId: number;
  courseId: number;
  periodId: number;
  value: string;
  at: string;
  by: number;
}

/** A term closed for a class. */
export interface ClosureRow {
  periodId: number;
  period: string;
  classId: number;
  className: string;
  at: string;
  by: number;
}

/**
 * Terms that ended before today (and three days for the paperwork): every marked student gets
 * the rounded weighted average of the term in each subject they studied (marks made in a group
 * they have since left count too), set by the teacher of their latest course of the subject on
 * the term's last day; the deputy then closes the term for every class of its scheme.
 */
export function closePastPeriods(
  source: JournalSource,
  marks: readonly SubjectMark[],
  today: string,
  random: Random,
) {
  const periodMarks: PeriodMarkRow[] = [];
  const closures: ClosureRow[] = [];
  if (source.closerId === null) return { periodMarks, closures };
  const closer = source.closerId;
  for (const period of source.periods) {
    const closedOn = plusDays(period.endsOn, 3);
    if (closedOn >= today) continue;
    const grades = new Set(
      [...source.schemeOfGrade].filter(([, scheme]) => scheme === period.scheme).map(([grade]) => grade),
    );
    const inTerm = new Map<string, SubjectMark[]>();
    for (const m of marks) {
      if (m.date < period.startsOn || m.date > period.endsOn) continue;
      const key = `${m.studentId}:${m.subjectId}`;
      const list = inTerm.get(key);
      if (list) list.push(m);
      else inTerm.set(key, [m]);
    }
    const courseOf = new Map<string, { courseId: number; teacherId: number; startsOn: string }>();
    for (const course of source.courses) {
      if (!grades.has(course.grade) || !source.settings.markedGrades.includes(course.grade)) continue;
      for (const m of source.members.get(course.groupId) ?? []) {
        if (!memberDuring([m], period.startsOn, period.endsOn)) continue;
        const key = `${m.studentId}:${course.subjectId}`;
        const seen = courseOf.get(key);
        if (!seen || seen.startsOn <= m.startsOn) {
          courseOf.set(key, { courseId: course.id, teacherId: course.teacherId, startsOn: m.startsOn });
        }
      }
    }
    for (const [key, course] of courseOf) {
      const [studentId = 0, subjectId = 0] = key.split(':').map(Number);
      periodMarks.push({
        studentId,
        subjectId,
        courseId: course.courseId,
        periodId: period.id,
        value: periodMarkOf(inTerm.get(key) ?? [], source.settings.roundingThresholds),
        at: moscowTime(period.endsOn, '16:00', random.int(0, 180)),
        by: course.teacherId,
      });
    }
    for (const c of source.classes) {
      if (grades.has(c.grade)) {
        closures.push({
          periodId: period.id,
          period: period.name,
          classId: c.id,
          className: `${c.grade}${c.letter}`,
          at: moscowTime(closedOn, '10:00', c.id % 60),
          by: closer,
        });
      }
    }
  }
  return { periodMarks, closures };
}
