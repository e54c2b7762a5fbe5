import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

/** «Первые шаги»: the school administrator's checklist. */
export const routes: PageRoute[] = [
  { path: '/admin/first-steps', page: lazy(() => import('./first-steps-page.tsx')) },
];
