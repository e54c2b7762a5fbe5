import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

/** The credentials pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/class/:id/credentials', page: lazy(() => import('./class-credentials-page.tsx')) },
  { path: '/admin/credentials', page: lazy(() => import('./staff-credentials-page.tsx')) },
];
