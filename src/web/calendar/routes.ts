import type { PageRoute } from '../app/page-route.ts';

/** The calendar pages and their addresses. */
export const routes: PageRoute[] = [];
