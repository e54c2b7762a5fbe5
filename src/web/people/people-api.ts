import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClassRoster, cardViews, StudentCard } from '../../contract/people.ts';
import type { settingsAnswer } from '../../contract/settings.ts';
import type { staffList } from '../../contract/staff.ts';
import { apiGet } from '../app/api.ts';
import { queryClient } from '../app/session.ts';

/** Query keys of the people pages. */
export const peopleKeys = {
  roster: (id: number) => ['people', 'roster', id] as const,
  card: (id: number) => ['people', 'card', id] as const,
  views: (id: number) => ['people', 'views', id] as const,
  staff: ['people', 'staff'] as const,
  settings: ['people', 'settings'] as const,
};

const valid = (id: number) => Number.isInteger(id) && id > 0;

/** «Мой класс» of a class. */
export function useRoster(classId: number, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.roster(classId),
    queryFn: () => apiGet<ClassRoster>(`/api/classes/${classId}/roster`),
    enabled: enabled && valid(classId),
  });
}

/** A student's card: loaded at each opening (each is logged on the server), not on window focus. */
export function useStudentCard(studentId: number) {
  return useQuery({
    queryKey: peopleKeys.card(studentId),
    queryFn: () => apiGet<StudentCard>(`/api/students/${studentId}`),
    enabled: valid(studentId),
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** Who opened a student's card. */
export function useCardViews(studentId: number, enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.views(studentId),
    queryFn: () => apiGet<z.infer<typeof cardViews>>(`/api/students/${studentId}/views`),
    enabled: enabled && valid(studentId),
  });
}

/** The school's staff. */
export function useStaff() {
  return useQuery({
    queryKey: peopleKeys.staff,
    queryFn: () => apiGet<z.infer<typeof staffList>>('/api/staff'),
  });
}

/** The school's settings and work kinds. */
export function useSettings() {
  return useQuery({
    queryKey: peopleKeys.settings,
    queryFn: () => apiGet<z.infer<typeof settingsAnswer>>('/api/settings'),
  });
}

/** After a change answered with the new card: show it, and refresh the class and the view log. */
export function cardChanged(card: StudentCard): void {
  queryClient.setQueryData(peopleKeys.card(card.id), card);
  void queryClient.invalidateQueries({ queryKey: peopleKeys.views(card.id) });
  if (card.classId !== null)
    void queryClient.invalidateQueries({ queryKey: peopleKeys.roster(card.classId) });
}
