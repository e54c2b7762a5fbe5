import type { Kysely } from 'kysely';
import { dashboardAnswer, dashboardQuery } from '../../contract/report-dashboard.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { getDashboard } from './dashboard.ts';

const tags = ['reports'];

/** The control dashboard of the deputy and the director (a teacher: their own figures). */
export function registerDashboardRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/reports/dashboard',
    {
      schema: {
        tags,
        summary:
          'Панель контроля: полнота, своевременность, качество и посещаемость с динамикой, хуже всего ведущиеся журналы, открытые замечания, тепловая карта',
        querystring: dashboardQuery,
        response: { 200: dashboardAnswer, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getDashboard(ctxOf(request, db), request.query),
  );
}
