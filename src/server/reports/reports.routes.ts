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

/** The control reports of the deputy, the director, the teacher and the district. */
export function registerReportsRoutes(api: Api, db: Kysely<DB>): void {
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
    async (request) => getReportFilters(ctxOf(request, db), request.query.yearId),
  );
  registerRemarksRoutes(api, db);
  registerKeepingRoutes(api, db);
  registerResultsRoutes(api, db);
  registerDashboardRoutes(api, db);
  registerExportRoutes(api, db);
  registerDensityRoutes(api, db);
  registerHoursRoutes(api, db);
}
