/**
 * Assessment procedures («оценочные процедуры») and the federal recommendations on them (letters
 * of Минпросвещения and Рособрнадзора, 2021–2022): at most one a day in a class, not more often
 * than once in 2.5 weeks per subject, at most 10% of a subject's hours in the year, and not on the
 * first or the last lesson of the day.
 */

/** Two procedures of a subject in a class closer than this many days apart are too close (2.5 weeks). */
export const minDaysApart = 18;

/** The most share of a subject's lessons in the year that procedures may take. */
export const maxShareOfHours = 0.1;

/**
 * Words of a КТП «Вид контроля» that make a topic an assessment procedure, besides the name or the
 * short name of an assessment work kind. Compared in lower case, «ё» as «е».
 */
export const assessmentControlWords = [
  'контрольн',
  'диктант',
  'сочинени',
  'изложени',
  'проверочн',
  'диагностическ',
  'итогов',
  'впр',
] as const;

/** Russian order, numbers by value: «5А» before «10Б». */
const russian = new Intl.Collator('ru', { numeric: true });

const folded = (text: string) => text.trim().toLowerCase().replaceAll('ё', 'е');

/**
 * Whether a КТП topic's kind of control names an assessment procedure: it is (ignoring case and
 * «ё») the name or the short name of an assessment work kind, or contains one of
 * `assessmentControlWords` («Контрольная работа», «Диктант», «ВПР»…). «Самостоятельная работа»,
 * «Тест», «Опрос» are not.
 */
export function isAssessmentControlKind(
  controlKind: string | null,
  assessmentKindNames: readonly string[],
): boolean {
  if (controlKind === null) return false;
  const text = folded(controlKind);
  if (text === '') return false;
  if (assessmentKindNames.some((name) => folded(name) === text)) return true;
  return assessmentControlWords.some((word) => text.includes(word));
}

/** One assessment procedure: a lesson of a class in a subject. */
export interface Procedure {
  lessonId: number;
  classId: number;
  className: string;
  subjectId: number;
  subject: string;
  date: string;
  lessonNumber: number;
}

/** Why a procedure (or a set of them) goes against the recommendations. */
export type AssessmentWarningKind = 'sameDay' | 'tooClose' | 'overShare' | 'edgeLesson';

/** A breach of the recommendations: which class, subject(s), dates and lessons. */
export interface AssessmentWarning {
  kind: AssessmentWarningKind;
  classId: number;
  className: string;
  /** The subject; for `sameDay` the subjects of the day, joined with «, ». */
  subject: string;
  dates: string[];
  lessonIds: number[];
  /** `overShare`: procedures in percent of the subject's hours; `edgeLesson`: null. */
  percent: number | null;
  /** `edgeLesson`: whether the procedure is on the first or the last lesson of the class's day. */
  edge: 'first' | 'last' | null;
}

const dayMs = 86_400_000;
/** Days from one date to a later one (9 → 10 September is 1). */
export function daysApart(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const uniqueSorted = (values: readonly string[]) => [...new Set(values)].sort();

/**
 * The warnings on a set of procedures:
 * - `sameDay`: a class has procedures in more than one subject on one date (two subgroups writing
 *   the same subject's work that day are one procedure for each student);
 * - `tooClose`: in a class and subject, two consecutive procedure dates less than 18 days apart
 *   (later − earlier ≤ 17 days);
 * - `overShare`: in a class and subject, the procedure dates exceed 10% of `hours` — the subject's
 *   lessons in the year (keyed `classId:subjectId`); no hours known: no warning;
 * - `edgeLesson`: a procedure on the first or the last lesson of the class's day, as `dayBounds`
 *   (keyed `classId:date`) tells; a day of one lesson counts as first.
 */
export function assessmentWarnings(
  procedures: readonly Procedure[],
  hours: ReadonlyMap<string, number>,
  dayBounds: ReadonlyMap<string, { first: number; last: number }>,
): AssessmentWarning[] {
  const warnings: AssessmentWarning[] = [];
  const base = (p: Procedure) => ({ classId: p.classId, className: p.className });
  for (const day of groupBy(procedures, (p) => `${p.classId}:${p.date}`).values()) {
    const subjects = [...new Set(day.map((p) => p.subject))].sort(russian.compare);
    if (subjects.length < 2) continue;
    warnings.push({
      kind: 'sameDay',
      ...base(day[0]!),
      subject: subjects.join(', '),
      dates: [day[0]!.date],
      lessonIds: day.map((p) => p.lessonId),
      percent: null,
      edge: null,
    });
  }
  for (const [key, list] of groupBy(procedures, (p) => `${p.classId}:${p.subjectId}`)) {
    const dates = uniqueSorted(list.map((p) => p.date));
    const lessonsOn = (date: string) => list.filter((p) => p.date === date).map((p) => p.lessonId);
    for (let i = 1; i < dates.length; i++) {
      const [earlier, later] = [dates[i - 1]!, dates[i]!];
      if (daysApart(earlier, later) >= minDaysApart) continue;
      warnings.push({
        kind: 'tooClose',
        ...base(list[0]!),
        subject: list[0]!.subject,
        dates: [earlier, later],
        lessonIds: [...lessonsOn(earlier), ...lessonsOn(later)],
        percent: null,
        edge: null,
      });
    }
    const total = hours.get(key) ?? 0;
    if (total > 0 && dates.length > total * maxShareOfHours)
      warnings.push({
        kind: 'overShare',
        ...base(list[0]!),
        subject: list[0]!.subject,
        dates,
        lessonIds: list.map((p) => p.lessonId),
        percent: Math.round((dates.length / total) * 1000) / 10,
        edge: null,
      });
  }
  for (const p of procedures) {
    const bounds = dayBounds.get(`${p.classId}:${p.date}`);
    if (!bounds) continue;
    const edge = p.lessonNumber === bounds.first ? 'first' : p.lessonNumber === bounds.last ? 'last' : null;
    if (edge === null) continue;
    warnings.push({
      kind: 'edgeLesson',
      ...base(p),
      subject: p.subject,
      dates: [p.date],
      lessonIds: [p.lessonId],
      percent: null,
      edge,
    });
  }
  const order: AssessmentWarningKind[] = ['sameDay', 'tooClose', 'overShare', 'edgeLesson'];
  return warnings.sort(
    (a, b) =>
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      russian.compare(a.className, b.className) ||
      (a.dates[0]! < b.dates[0]! ? -1 : a.dates[0]! > b.dates[0]! ? 1 : 0) ||
      russian.compare(a.subject, b.subject),
  );
}
