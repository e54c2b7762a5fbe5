import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

const periods = lazy(() => import('./periods-page.tsx'));

/** The control pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/deputy/periods', page: periods },
  { path: '/director/periods', page: periods },
  { path: '/class/:id/journal', page: lazy(() => import('./class-journal-page.tsx')) },
  { path: '/class/:id/absences', page: lazy(() => import('./absences-page.tsx')) },
];
