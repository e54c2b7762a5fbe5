import type { PageRoute } from '../app/page-route.ts';

/** The control pages and their addresses. */
export const routes: PageRoute[] = [];
