import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  absenceNotice,
  absenceNotices,
  classAcknowledgements,
  diaryMarks,
  diaryWeek,
} from '../../contract/diary.ts';
import { apiGet } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import { queryClient } from '../app/session.ts';

/** A student's week as the server answers it. */
export type DiaryWeek = z.infer<typeof diaryWeek>;
/** A student's marks by subject for a period. */
export type DiaryMarks = z.infer<typeof diaryMarks>;
/** A parent's notice of an absence. */
export type AbsenceNotice = z.infer<typeof absenceNotice>;
/** Who of a class's parents acknowledged a week. */
export type ClassAcknowledgements = z.infer<typeof classAcknowledgements>;

const isoPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Query keys of the diary pages. */
export const diaryKeys = {
  week: (studentId: number, week: string | null) => ['diary', 'week', studentId, week ?? ''] as const,
  marks: (studentId: number, periodId: number | null) =>
    ['diary', 'marks', studentId, periodId ?? 0] as const,
  notices: (studentId: number) => ['diary', 'notices', studentId] as const,
  classAcks: (classId: number, week: string | null) => ['diary', 'acks', classId, week ?? ''] as const,
  classNotices: (classId: number, from: string | null) =>
    ['diary', 'classNotices', classId, from ?? ''] as const,
};

/** The student a page is about: the address's child for a parent, the person themself for a student. */
export function studentOf({ me, params }: PageProps): number {
  return params.id ? Number(params.id) : me.person.id;
}

/** A 'YYYY-MM-DD' query value, or null when absent or malformed. */
export function isoParam(search: string, name: string): string | null {
  const value = new URLSearchParams(search).get(name);
  return value && isoPattern.test(value) ? value : null;
}

/**
 * A student's week holding `week` (the current one when null). Plain `fetch` lets the browser
 * revalidate with the server's ETag, so an unchanged week costs a 304.
 */
export function useWeek(studentId: number, week: string | null) {
  return useQuery({
    queryKey: diaryKeys.week(studentId, week),
    queryFn: () => apiGet<DiaryWeek>(`/api/diary/${studentId}/week${week ? `?date=${week}` : ''}`),
    staleTime: 0,
  });
}

/** A student's marks by subject for a period (the current one when null). */
export function useDiaryMarks(studentId: number, periodId: number | null) {
  return useQuery({
    queryKey: diaryKeys.marks(studentId, periodId),
    queryFn: () =>
      apiGet<DiaryMarks>(`/api/diary/${studentId}/marks${periodId ? `?periodId=${periodId}` : ''}`),
    staleTime: 0,
  });
}

/** A student's absence notices. */
export function useNotices(studentId: number) {
  return useQuery({
    queryKey: diaryKeys.notices(studentId),
    queryFn: () => apiGet<z.infer<typeof absenceNotices>>(`/api/diary/${studentId}/absence-notices`),
  });
}

/** Who of a class's parents acknowledged the week holding `week` (the current one when null). */
export function useClassAcks(classId: number, week: string | null) {
  return useQuery({
    queryKey: diaryKeys.classAcks(classId, week),
    queryFn: () =>
      apiGet<ClassAcknowledgements>(
        `/api/diary/classes/${classId}/acknowledgements${week ? `?weekStart=${week}` : ''}`,
      ),
    staleTime: 0,
  });
}

/** A class's absence notices from a date on. */
export function useClassNotices(classId: number, from: string | null) {
  return useQuery({
    queryKey: diaryKeys.classNotices(classId, from),
    queryFn: () =>
      apiGet<z.infer<typeof absenceNotices>>(
        `/api/diary/classes/${classId}/absence-notices${from ? `?from=${from}` : ''}`,
      ),
    enabled: from !== null,
    staleTime: 0,
  });
}

/** Reloads every diary query after a change. */
export function refreshDiary(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['diary'] });
}
