import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

/** «Безопасность»: every signed-in person's own sessions and login history. */
export const routes: PageRoute[] = [{ path: '/security', page: lazy(() => import('./security-page.tsx')) }];
