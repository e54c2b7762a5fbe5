import type { PageRoute } from '../app/page-route.ts';

/** The structure pages and their addresses. */
export const routes: PageRoute[] = [];
