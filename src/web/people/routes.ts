import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

/** The people pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/class/:id', page: lazy(() => import('./class-page.tsx')) },
  { path: '/students/:id', page: lazy(() => import('./student-page.tsx')) },
  { path: '/admin/people', page: lazy(() => import('./staff-page.tsx')) },
  { path: '/admin/settings', page: lazy(() => import('./settings-page.tsx')) },
];
