import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

const print = lazy(() => import('./print-page.tsx'));
const council = lazy(() => import('./council-page.tsx'));
const archive = lazy(() => import('./archive-page.tsx'));

/** The paper journal's pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/teacher/print', page: print },
  { path: '/deputy/print', page: print },
  { path: '/director/print', page: print },
  { path: '/class/:classId/council', page: council },
  { path: '/admin/archive', page: archive },
  { path: '/deputy/archive', page: archive },
  { path: '/director/archive', page: archive },
];
