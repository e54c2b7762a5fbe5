import type { PageRoute } from '../app/page-route.ts';

/** The journal pages and their addresses. */
export const routes: PageRoute[] = [];
