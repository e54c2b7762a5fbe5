import type { PageRoute } from '../app/page-route.ts';

/** The people pages and their addresses. */
export const routes: PageRoute[] = [];
