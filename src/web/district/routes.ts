import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

/** The district pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/district/schools', page: lazy(() => import('./schools-page.tsx')) },
  { path: '/district/schools/:id', page: lazy(() => import('./school-page.tsx')) },
];
