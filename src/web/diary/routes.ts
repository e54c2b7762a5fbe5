import type { PageRoute } from '../app/page-route.ts';

/** The diary pages and their addresses. */
export const routes: PageRoute[] = [];
