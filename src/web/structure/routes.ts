import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

/** The structure pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/admin/structure', page: lazy(() => import('./structure-page.tsx')) },
  { path: '/admin/groups', page: lazy(() => import('./cross-groups-page.tsx')) },
  { path: '/class/:id/subgroups', page: lazy(() => import('./subgroups-page.tsx')) },
];
