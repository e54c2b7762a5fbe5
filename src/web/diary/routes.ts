import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

const week = lazy(() => import('./week-page.tsx'));
const marks = lazy(() => import('./marks-page.tsx'));

/** The diary pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/children/:id/diary', page: week },
  { path: '/student/diary', page: week },
  { path: '/children/:id/marks', page: marks },
  { path: '/student/marks', page: marks },
  { path: '/children/:id/absence', page: lazy(() => import('./absence-page.tsx')) },
  { path: '/class/:id/acknowledgements', page: lazy(() => import('./acknowledgements-page.tsx')) },
];
