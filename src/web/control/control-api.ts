import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { absencesAnswer, classSummary, closuresAnswer } from '../../contract/control.ts';
import type { journalCourseList } from '../../contract/journal.ts';
import { apiGet } from '../app/api.ts';
import { queryClient } from '../app/session.ts';

/** The closing of periods as the server answers it. */
export type Closures = z.infer<typeof closuresAnswer>;
/** The class teacher's summary of all subjects. */
export type ClassSummary = z.infer<typeof classSummary>;
/** One absence or lateness. */
export type Absence = z.infer<typeof absencesAnswer>['absences'][number];

/** Query keys of the control pages. */
export const controlKeys = {
  closures: (yearId: number | null) => ['control', 'closures', yearId ?? 0] as const,
  summary: (classId: number, periodId: number | null) =>
    ['control', 'summary', classId, periodId ?? 0] as const,
  absences: (classId: number, from: string, to: string) =>
    ['control', 'absences', classId, from, to] as const,
  courses: (classId: number) => ['control', 'courses', classId] as const,
};

/** Which periods are closed for which classes in a year (the current one by default). */
export function useClosures(yearId: number | null) {
  return useQuery({
    queryKey: controlKeys.closures(yearId),
    queryFn: () => apiGet<Closures>(`/api/journal/closures${yearId ? `?yearId=${yearId}` : ''}`),
  });
}

/** The class's averages and period marks in every subject for a period (the current one by default). */
export function useSummary(classId: number, periodId: number | null) {
  return useQuery({
    queryKey: controlKeys.summary(classId, periodId),
    queryFn: () =>
      apiGet<ClassSummary>(
        `/api/journal/classes/${classId}/summary${periodId ? `?periodId=${periodId}` : ''}`,
      ),
  });
}

/** The class's absences between two dates. */
export function useAbsences(classId: number, from: string, to: string) {
  const valid = /^\d{4}-\d{2}-\d{2}$/;
  return useQuery({
    queryKey: controlKeys.absences(classId, from, to),
    queryFn: () =>
      apiGet<z.infer<typeof absencesAnswer>>(
        `/api/journal/classes/${classId}/absences?from=${from}&to=${to}`,
      ),
    enabled: valid.test(from) && valid.test(to),
  });
}

/** The journals of a class the person may open. */
export function useClassCourses(classId: number) {
  return useQuery({
    queryKey: controlKeys.courses(classId),
    queryFn: () => apiGet<z.infer<typeof journalCourseList>>(`/api/journal/courses?classId=${classId}`),
  });
}

/** Reloads the control pages after a change. */
export function refreshControl(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['control'] });
}

/** A day as 'YYYY-MM-DD' in local time, `days` from today. */
export function isoDay(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** An average with two places and a decimal comma, as Russian schools write it. */
export function formatAverage(value: number | null, language: 'ru' | 'en'): string {
  if (value === null) return '';
  const text = value.toFixed(2);
  return language === 'ru' ? text.replace('.', ',') : text;
}
