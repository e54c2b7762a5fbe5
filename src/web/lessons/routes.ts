import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

/** The lessons pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/lessons/:id', page: lazy(() => import('./lesson-page.tsx')) },
  { path: '/teacher/plan', page: lazy(() => import('./plan-list-page.tsx')) },
  { path: '/plan/:courseId', page: lazy(() => import('./plan-page.tsx')) },
];
