import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

const exchange = lazy(() => import('./exchange-page.tsx'));
const rosterImport = lazy(() => import('./roster-import-page.tsx'));

/** The data exchange pages and their addresses. */
export const routes: PageRoute[] = [
  { path: '/admin/exchange', page: exchange },
  { path: '/admin/exchange/import', page: rosterImport },
];
