import type { PageRoute } from '../app/page-route.ts';

/** The notify pages and their addresses. */
export const routes: PageRoute[] = [];
