import type { PageRoute } from '../app/page-route.ts';

/** The credentials pages and their addresses. */
export const routes: PageRoute[] = [];
