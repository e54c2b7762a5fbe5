import type { HeatmapAnswer } from '../../contract/report-keeping.ts';
import { addDays } from '../../domain/school-days.ts';
import type { Db } from '../access/actor.ts';
import { type LessonProblem, lastDayOf, lessonProblems } from './keeping.ts';
import { type ReportScope, rangeOf } from './report-scope.ts';

/** The longest range the heat map shows whole; a longer one shows its last `heatmapWeeks` weeks. */
export const heatmapMaxDays = 31;
/** The weeks a long range (the default: the year to today) is cut to. */
export const heatmapWeeks = 4;

/** The days the heat map shows: the scope's range up to today, its last 4 weeks when over 31 days. */
export function heatmapWindow(scope: ReportScope): { from: string; to: string } {
  const to = lastDayOf(scope);
  if (to < scope.from) return { from: scope.from, to: scope.from };
  const from =
    addDays(to, -(heatmapMaxDays - 1)) > scope.from ? addDays(to, -(7 * heatmapWeeks - 1)) : scope.from;
  return { from, to };
}

/**
 * Teachers (the course's teacher, as the teacher filter means it) × days with held lessons: per
 * cell the lessons held, those with a missing entry and those with a late one; teachers in Russian
 * order. Pure: the lessons come from `lessonProblems` for the window.
 */
export function heatmapOf(
  scope: ReportScope,
  window: { from: string; to: string },
  problems: readonly LessonProblem[],
): HeatmapAnswer {
  const teacherOf = new Map(scope.courses.map((c) => [c.id, { id: c.teacherId, name: c.teacher }]));
  const inWindow = problems.filter((p) => p.date >= window.from && p.date <= window.to);
  const days = [...new Set(inWindow.map((p) => p.date))].sort();
  const rows = new Map<number, { teacherId: number; teacher: string; cells: Map<string, Cell> }>();
  for (const p of inWindow) {
    const t = teacherOf.get(p.courseId);
    if (!t) continue;
    const row = rows.get(t.id) ?? { teacherId: t.id, teacher: t.name, cells: new Map<string, Cell>() };
    rows.set(t.id, row);
    const cell = row.cells.get(p.date) ?? { date: p.date, held: 0, missing: 0, late: 0 };
    row.cells.set(p.date, cell);
    cell.held += 1;
    if (p.missing.length > 0) cell.missing += 1;
    if (p.late.length > 0 || p.lateMarks > 0) cell.late += 1;
  }
  const teachers = [...rows.values()]
    .sort((a, b) => a.teacher.localeCompare(b.teacher, 'ru') || a.teacherId - b.teacherId)
    .map((r) => {
      const cells = days.map((date) => r.cells.get(date) ?? { date, held: 0, missing: 0, late: 0 });
      const sum = (k: 'held' | 'missing' | 'late') => cells.reduce((n, c) => n + c[k], 0);
      return {
        teacherId: r.teacherId,
        teacher: r.teacher,
        cells,
        held: sum('held'),
        missing: sum('missing'),
        late: sum('late'),
      };
    });
  return { range: rangeOf(scope), from: window.from, to: window.to, days, teachers };
}

type Cell = { date: string; held: number; missing: number; late: number };

/** The heat map of the scope: `heatmapOf` over the held lessons of its window. */
export async function keepingHeatmap(db: Db, scope: ReportScope): Promise<HeatmapAnswer> {
  const window = heatmapWindow(scope);
  return heatmapOf(scope, window, await lessonProblems(db, { ...scope, ...window }));
}
