import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

/** The timetable pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/admin/timetable', page: lazy(() => import('./timetable-page.tsx')) },
];
