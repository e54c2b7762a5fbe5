import type { Kysely } from 'kysely';
import { reportFilters, reportFiltersQuery } from '../../contract/reports.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { registerDashboardRoutes } from './dashboard.routes.ts';
import { registerDensityRoutes } from './density.routes.ts';
import { registerExportRoutes } from './export.routes.ts';
import { getReportFilters } from './filters.ts';
import { registerHoursRoutes } from './hours.routes.ts';
import { registerKeepingRoutes } from './keeping.routes.ts';
import { registerRemarksRoutes } from './remarks.routes.ts';
import { registerResultsRoutes } from './results.routes.ts';

const tags = ['reports'];

/**
 * The control reports of the deputy, the director, the teacher and the district. Reports and their
 * exports read from `reads` (the read replica, or `db`); the remarks workflow writes on `db`.
 */
export function registerReportsRoutes(api: Api, db: Kysely<DB>, reads: Kysely<DB> = db): void {
  api.get(
    '/api/reports/filters',
    {
      schema: {
        tags,
        summary:
          'Фильтры отчётов: годы, периоды, классы, предметы, учителя и журналы, доступные пользователю',
        querystring: reportFiltersQuery,
        response: { 200: reportFilters, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getReportFilters(ctxOf(request, reads), request.query.yearId),
  );
  registerRemarksRoutes(api, db, reads);
  registerKeepingRoutes(api, reads);
  registerResultsRoutes(api, reads);
  registerDashboardRoutes(api, reads);
  registerExportRoutes(api, reads);
  registerDensityRoutes(api, reads);
  registerHoursRoutes(api, reads);
}
