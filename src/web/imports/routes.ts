import type { PageRoute } from '../app/page-route.ts';

/** The imports pages and their addresses. */
export const routes: PageRoute[] = [];
