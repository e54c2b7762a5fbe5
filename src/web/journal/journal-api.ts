import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { historyAnswer, journalCourseList, journalGrid } from '../../contract/journal.ts';
import { apiGet } from '../app/api.ts';

/** The grid of a course for a period, as the server answers it. */
export type Grid = z.infer<typeof journalGrid>;
/** A lesson of the grid. */
export type GridLesson = Grid['lessons'][number];
/** A period of the grid. */
export type GridPeriod = Grid['period'];
/** The journals and substituted lessons of the actor. */
export type CourseList = z.infer<typeof journalCourseList>;
/** One change of a cell. */
export type HistoryEvent = z.infer<typeof historyAnswer>['events'][number];

/** Query keys of the journal pages. */
export const journalKeys = {
  courses: (classId: number | null) => ['journal', 'courses', classId] as const,
  grid: (courseId: number, periodId: number | null) => ['journal', 'grid', courseId, periodId] as const,
  classes: ['journal', 'classes'] as const,
};

/** The journals the actor may open; a class's journals when `classId` is given. */
export function useCourses(classId: number | null = null, enabled = true) {
  return useQuery({
    queryKey: journalKeys.courses(classId),
    queryFn: () =>
      apiGet<CourseList>(
        classId === null ? '/api/journal/courses' : `/api/journal/courses?classId=${classId}`,
      ),
    enabled,
  });
}

/** The grid of a course for a period (the current one when `periodId` is null). */
export function gridPath(courseId: number, periodId: number | null): string {
  return periodId === null
    ? `/api/journal/courses/${courseId}`
    : `/api/journal/courses/${courseId}?periodId=${periodId}`;
}

/** The grid of a course; never refetched behind the teacher's back (the page owns its cells). */
export function useGrid(courseId: number, periodId: number | null) {
  return useQuery({
    queryKey: journalKeys.grid(courseId, periodId),
    queryFn: () => apiGet<Grid>(gridPath(courseId, periodId)),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    gcTime: 0,
  });
}

/** The classes the person may see. */
export function useClassList() {
  return useQuery({
    queryKey: journalKeys.classes,
    queryFn: () => apiGet<{ classes: { id: number; name: string }[] }>('/api/classes'),
  });
}

/** Today as 'YYYY-MM-DD' in local time. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A lesson date as the grid header shows it: ДД.ММ. */
export function dayMonth(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;
}

/** A moment as ДД.ММ.ГГГГ ЧЧ:ММ in local time. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
