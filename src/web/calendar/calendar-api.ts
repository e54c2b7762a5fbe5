import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { bellList, YearCalendar, yearList } from '../../contract/calendar.ts';
import { apiGet } from '../app/api.ts';
import { queryClient } from '../app/session.ts';

/** Query keys of the calendar pages. */
export const calendarKeys = {
  years: ['calendar', 'years'] as const,
  year: (id: number) => ['calendar', 'year', id] as const,
  bells: ['calendar', 'bells'] as const,
};

/** The school's academic years. */
export function useYears() {
  return useQuery({
    queryKey: calendarKeys.years,
    queryFn: () => apiGet<z.infer<typeof yearList>>('/api/calendar/years'),
  });
}

/** A year's periods, entries and classes. */
export function useYearCalendar(id: number | null) {
  return useQuery({
    queryKey: calendarKeys.year(id ?? 0),
    queryFn: () => apiGet<YearCalendar>(`/api/calendar/years/${id}`),
    enabled: id !== null,
  });
}

/** The school's bell sets. */
export function useBells() {
  return useQuery({
    queryKey: calendarKeys.bells,
    queryFn: () => apiGet<z.infer<typeof bellList>>('/api/calendar/bells'),
  });
}

/** Reloads a year's calendar after a change. */
export function refreshYear(id: number): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: calendarKeys.year(id) });
}

/** The short Russian weekday names, Monday first (keys of the dictionary). */
export const weekdayKeys = [
  'calendar.wd1',
  'calendar.wd2',
  'calendar.wd3',
  'calendar.wd4',
  'calendar.wd5',
  'calendar.wd6',
  'calendar.wd7',
] as const;
