import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changeList, teacherList, weekResponse } from '../../contract/timetable.ts';
import { apiGet } from '../app/api.ts';
import { queryClient } from '../app/session.ts';

/** The week as the server answers it. */
export type Week = z.infer<typeof weekResponse>;
/** One slot of the week. */
export type Slot = Week['slots'][number];

/** Query keys of the timetable page. */
export const timetableKeys = {
  classes: ['timetable', 'classes'] as const,
  week: (classId: number, on: string) => ['timetable', 'week', classId, on] as const,
  changes: (classId: number) => ['timetable', 'changes', classId] as const,
  teachers: ['timetable', 'teachers'] as const,
};

/** The classes the person may see. */
export function useClasses() {
  return useQuery({
    queryKey: timetableKeys.classes,
    queryFn: () => apiGet<{ classes: { id: number; name: string }[] }>('/api/classes'),
  });
}

/** A class's week in force on a date. */
export function useWeek(classId: number | null, on: string) {
  return useQuery({
    queryKey: timetableKeys.week(classId ?? 0, on),
    queryFn: () => apiGet<Week>(`/api/timetable/classes/${classId}?on=${on}`),
    enabled: classId !== null && /^\d{4}-\d{2}-\d{2}$/.test(on),
  });
}

/** A class's dated changes. */
export function useChanges(classId: number) {
  return useQuery({
    queryKey: timetableKeys.changes(classId),
    queryFn: () => apiGet<z.infer<typeof changeList>>(`/api/timetable/classes/${classId}/changes`),
  });
}

/** The school's teachers, for substitutions. */
export function useTeachers() {
  return useQuery({
    queryKey: timetableKeys.teachers,
    queryFn: () => apiGet<z.infer<typeof teacherList>>('/api/timetable/teachers'),
  });
}

/** Reloads every week and change list after a change. */
export function refreshTimetable(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['timetable'] });
}

/** Today as 'YYYY-MM-DD' in local time. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
