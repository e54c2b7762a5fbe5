import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

/** The imports pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/class/:id/import', page: lazy(() => import('./import-page.tsx')) },
];
