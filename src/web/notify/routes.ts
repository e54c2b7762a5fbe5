import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

/** The notify pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/parent/notifications', page: lazy(() => import('./notifications-page.tsx')) },
  { path: '/admin/mail', page: lazy(() => import('./mail-page.tsx')) },
];
