import type { PageRoute } from '../app/page-route.ts';

/** The lessons pages and their addresses. */
export const routes: PageRoute[] = [];
