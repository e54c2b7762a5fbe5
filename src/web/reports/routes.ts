import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

const reports = lazy(() => import('./reports-page.tsx'));

/** The report pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/deputy/reports', page: reports },
  { path: '/director/reports', page: reports },
  { path: '/teacher/reports', page: reports },
];
