import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { journalCourseList } from '../../contract/journal.ts';
import type { lessonFile, lessonPage, planAnswer, planSources } from '../../contract/lessons.ts';
import { apiGet } from '../app/api.ts';
import { queryClient } from '../app/session.ts';
import { tr } from '../i18n/language.ts';

/** The lesson page as the server answers it. */
export type LessonPage = z.infer<typeof lessonPage>;
/** A file attached to the homework. */
export type LessonFile = z.infer<typeof lessonFile>;
/** A course's КТП with plan vs fact. */
export type Plan = z.infer<typeof planAnswer>;
/** One topic of the КТП. */
export type PlanItem = Plan['items'][number];

/** Addresses of the lessons API the pages call. */
export const lessonPaths = {
  lesson: (id: number) => `/api/journal/lessons/${id}`,
  files: (id: number) => `/api/journal/lessons/${id}/files`,
  file: (fileId: number) => `/api/journal/files/${fileId}`,
  removeFile: (fileId: number) => `/api/journal/files/${fileId}/remove`,
  plan: (courseId: number) => `/api/journal/courses/${courseId}/plan`,
  planItems: (courseId: number) => `/api/journal/courses/${courseId}/plan/items`,
  planItem: (id: number) => `/api/journal/plan-items/${id}`,
  removePlanItem: (id: number) => `/api/journal/plan-items/${id}/remove`,
  planCopy: (courseId: number) => `/api/journal/courses/${courseId}/plan/copy`,
  planSources: (courseId: number) => `/api/journal/courses/${courseId}/plan/sources`,
  planFill: (courseId: number) => `/api/journal/courses/${courseId}/plan/fill`,
  planImport: (courseId: number, name: string, commit: boolean, replace: boolean) =>
    `/api/journal/courses/${courseId}/plan/import?filename=${encodeURIComponent(name)}&commit=${commit}&replace=${replace}`,
};

/** Query keys of the lessons pages. */
export const lessonKeys = {
  lesson: (id: number) => ['lessons', 'lesson', id] as const,
  plan: (courseId: number) => ['lessons', 'plan', courseId] as const,
  sources: (courseId: number) => ['lessons', 'sources', courseId] as const,
  courses: ['lessons', 'courses'] as const,
};

/** The lesson page of a lesson. */
export function useLesson(id: number) {
  return useQuery({
    queryKey: lessonKeys.lesson(id),
    queryFn: () => apiGet<LessonPage>(lessonPaths.lesson(id)),
  });
}

/** The КТП of a course. */
export function usePlan(courseId: number) {
  return useQuery({
    queryKey: lessonKeys.plan(courseId),
    queryFn: () => apiGet<Plan>(lessonPaths.plan(courseId)),
  });
}

/** The courses whose КТП may be copied into this one. */
export function usePlanSources(courseId: number, enabled: boolean) {
  return useQuery({
    queryKey: lessonKeys.sources(courseId),
    queryFn: () => apiGet<z.infer<typeof planSources>>(lessonPaths.planSources(courseId)),
    enabled,
  });
}

/** The journals the person may open. */
export function useJournalCourses() {
  return useQuery({
    queryKey: lessonKeys.courses,
    queryFn: () => apiGet<z.infer<typeof journalCourseList>>('/api/journal/courses'),
  });
}

/** Reloads the lesson pages and plans after a change. */
export function refreshLessons(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['lessons'] });
}

/** The message of a failed request, if any. */
export function errorMessage(error: unknown): string | undefined {
  if (!error) return undefined;
  return error instanceof Error ? error.message : tr('error.unexpected');
}

/** A file size for people: «12 КБ», «3,4 МБ». */
export function formatSize(bytes: number, units: { kb: string; mb: string }): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ${units.kb}`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',').replace(/,0$/, '')} ${units.mb}`;
}
