import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

const audit = lazy(() => import('./audit-page.tsx'));

/** «Проверка журнала изменений»: the director's, and the administrator's for their school. */
export const routes: PageRoute[] = [
  { path: '/director/audit', page: audit },
  { path: '/admin/audit', page: audit },
];
