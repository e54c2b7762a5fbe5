/**
 * Results of a period: успеваемость, качество, степень обученности (СОУ), the mean mark and the
 * lists of отличники, хорошисты and the rest, from the final mark of each student in each subject.
 */

/** A final mark that counts in the results: a pass/fail or «осв» is left out before this. */
export type ResultMark = '5' | '4' | '3' | '2' | 'н/а';

/** The marks a result figure counts. */
export const resultMarks: readonly ResultMark[] = ['5', '4', '3', '2', 'н/а'];

/** Whether a period mark counts in the results («зач», «незач», «осв» do not). */
export function isResultMark(value: string): value is ResultMark {
  return (resultMarks as readonly string[]).includes(value);
}

/** The weights of the степень обученности (В. П. Симонов): «5» 1, «4» 0.64, «3» 0.36, «2» 0.16, «н/а» 0.07. */
export const souWeights: Record<ResultMark, number> = {
  '5': 1,
  '4': 0.64,
  '3': 0.36,
  '2': 0.16,
  'н/а': 0.07,
};

/** How many marks of each kind. */
export interface MarkCounts {
  n5: number;
  n4: number;
  n3: number;
  n2: number;
  nNa: number;
}

/** The figures of a row of the results. */
export interface ResultFigures extends MarkCounts {
  /** Who the percentages are over: students (class, school) or student×subject marks (subject, teacher). */
  assessed: number;
  /** Успеваемость, 0–100 with one decimal; null when no one is assessed. */
  successPct: number | null;
  /** Качество, 0–100 with one decimal. */
  qualityPct: number | null;
  /** Степень обученности over the marks, 0–100 with one decimal. */
  sou: number | null;
  /** The mean of the numeric marks («н/а» left out), two decimals. */
  average: number | null;
}

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** Counts the marks of each kind. */
export function countMarks(marks: readonly ResultMark[]): MarkCounts {
  const c: MarkCounts = { n5: 0, n4: 0, n3: 0, n2: 0, nNa: 0 };
  for (const m of marks) {
    if (m === '5') c.n5 += 1;
    else if (m === '4') c.n4 += 1;
    else if (m === '3') c.n3 += 1;
    else if (m === '2') c.n2 += 1;
    else c.nNa += 1;
  }
  return c;
}

/** СОУ = (n5·1 + n4·0.64 + n3·0.36 + n2·0.16 + nна·0.07) / N × 100, over marks; null without marks. */
export function sou(c: MarkCounts): number | null {
  const n = c.n5 + c.n4 + c.n3 + c.n2 + c.nNa;
  if (n === 0) return null;
  const sum =
    c.n5 * souWeights['5'] +
    c.n4 * souWeights['4'] +
    c.n3 * souWeights['3'] +
    c.n2 * souWeights['2'] +
    c.nNa * souWeights['н/а'];
  return Math.round((sum / n) * 1000) / 10;
}

/** The mean of the numeric marks, «н/а» left out; null when there is none. */
export function meanMark(c: MarkCounts): number | null {
  const n = c.n5 + c.n4 + c.n3 + c.n2;
  if (n === 0) return null;
  return Math.round(((5 * c.n5 + 4 * c.n4 + 3 * c.n3 + 2 * c.n2) / n) * 100) / 100;
}

const succeeds = (m: ResultMark) => m !== '2' && m !== 'н/а';
const good = (m: ResultMark) => m === '5' || m === '4';

/**
 * Figures over marks (a subject, a teacher, a course): each student×subject mark is one unit.
 * Успеваемость = marks other than «2» and «н/а» / N × 100; качество = «4» and «5» / N × 100.
 */
export function figuresOverMarks(marks: readonly ResultMark[]): ResultFigures {
  const c = countMarks(marks);
  const n = marks.length;
  return {
    ...c,
    assessed: n,
    successPct: pct(marks.filter(succeeds).length, n),
    qualityPct: pct(marks.filter(good).length, n),
    sou: sou(c),
    average: meanMark(c),
  };
}

/**
 * Figures over students (a class, the school): a student with at least one mark is assessed;
 * успеваемость = students with no «2» and no «н/а» / assessed × 100; качество = students with only
 * «4» and «5» / assessed × 100. СОУ and the mean are still over all their marks.
 */
export function figuresOverStudents(students: readonly (readonly ResultMark[])[]): ResultFigures {
  const assessed = students.filter((s) => s.length > 0);
  const c = countMarks(assessed.flat());
  return {
    ...c,
    assessed: assessed.length,
    successPct: pct(assessed.filter((s) => s.every(succeeds)).length, assessed.length),
    qualityPct: pct(assessed.filter((s) => s.every(good)).length, assessed.length),
    sou: sou(c),
    average: meanMark(c),
  };
}

/** The lists a student's marks put them on. */
export type Standing = 'excellent' | 'good' | 'oneFour' | 'oneThree' | 'failing' | 'notAssessed';

/** Every list, in the order reports show them. */
export const standings: readonly Standing[] = [
  'excellent',
  'good',
  'oneFour',
  'oneThree',
  'failing',
  'notAssessed',
];

/**
 * The lists a student belongs to by their marks in every subject: отличник (all «5»), хорошист
 * (all «4»/«5», at least one «4»), с одной «4» (all «5» but exactly one «4»; also a хорошист), с
 * одной «3» (exactly one «3», the rest «4»/«5»), неуспевающий (any «2»), не аттестован (any «н/а»).
 */
export function standingsOf(marks: readonly ResultMark[]): Standing[] {
  if (marks.length === 0) return [];
  const c = countMarks(marks);
  const out: Standing[] = [];
  const others = c.n3 + c.n2 + c.nNa;
  if (others === 0 && c.n4 === 0) out.push('excellent');
  if (others === 0 && c.n4 > 0) out.push('good');
  if (others === 0 && c.n4 === 1) out.push('oneFour');
  if (c.n3 === 1 && c.n2 === 0 && c.nNa === 0) out.push('oneThree');
  if (c.n2 > 0) out.push('failing');
  if (c.nNa > 0) out.push('notAssessed');
  return out;
}
