import type { PageRoute } from '../app/page-route.ts';

/** The district pages and their addresses. */
export const routes: PageRoute[] = [];
