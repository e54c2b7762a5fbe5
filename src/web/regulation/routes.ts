import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

const regulation = lazy(() => import('./regulation-page.tsx'));

/** The regulation on keeping the journal: the director edits and approves it, the deputy and administrator read it. */
export const routes: PageRoute[] = [
  { path: '/director/regulation', page: regulation },
  { path: '/deputy/regulation', page: regulation },
  { path: '/admin/regulation', page: regulation },
];
