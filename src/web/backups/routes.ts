import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

const backups = lazy(() => import('./backups-page.tsx'));

/** The backups page: the administrator's, and the district administrator's for the installation. */
export const routes: PageRoute[] = [
  { path: '/admin/backups', page: backups },
  { path: '/district/backups', page: backups },
];
