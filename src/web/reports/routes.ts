import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

const reports = lazy(() => import('./reports-page.tsx'));
const district = lazy(() => import('./district-page.tsx'));
const remarks = lazy(() => import('./remarks-page.tsx'));
const dashboard = lazy(() => import('./dashboard-page.tsx'));

/** The report pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/deputy/reports', page: reports },
  { path: '/director/reports', page: reports },
  { path: '/teacher/reports', page: reports },
  { path: '/teacher/remarks', page: remarks },
  { path: '/deputy/remarks', page: remarks },
  { path: '/director/remarks', page: remarks },
  { path: '/deputy/control', page: dashboard },
  { path: '/director/control', page: dashboard },
  { path: '/district/reports', page: district },
];
