import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

/** The calendar pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/admin/calendar', page: lazy(() => import('./calendar-page.tsx')) },
];
