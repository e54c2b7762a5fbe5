import { lazy } from 'react';
import type { PageRoute } from '../app/page-route.ts';

const messages = lazy(() => import('./messages-page.tsx'));

/** The messages pages and their addresses: one page for every role. */
export const routes: PageRoute[] = [
  { path: '/children/:id/messages', page: messages },
  { path: '/student/messages', page: messages },
  { path: '/teacher/messages', page: messages },
  { path: '/admin/messages', page: messages },
  { path: '/director/messages', page: messages },
  { path: '/deputy/messages', page: messages },
];
