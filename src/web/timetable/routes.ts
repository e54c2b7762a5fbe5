import type { PageRoute } from '../app/page-route.ts';

/** The timetable pages and their addresses. */
export const routes: PageRoute[] = [];
