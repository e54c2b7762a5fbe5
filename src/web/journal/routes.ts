import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

const classJournals = lazy(() => import('./class-journals-page.tsx'));

/** The journal pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/teacher/journal', page: lazy(() => import('./my-journals-page.tsx')) },
  { path: '/teacher/today', page: lazy(() => import('./today-page.tsx')) },
  { path: '/director/journals', page: classJournals },
  { path: '/deputy/journals', page: classJournals },
  { path: '/journal/:courseId', page: lazy(() => import('./grid-page.tsx')) },
];
