import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

/** «Поддержка»: the school's contacts, reporting a problem, one's own reports and (administrator) the school's. */
export const routes: PageRoute[] = [{ path: '/support', page: lazy(() => import('./support-page.tsx')) }];
