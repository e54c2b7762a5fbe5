import type { PageRoute } from '../app/page-route.ts';

/** The messages pages and their addresses. */
export const routes: PageRoute[] = [];
