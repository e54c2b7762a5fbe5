import type { Kysely } from 'kysely';
import { attendanceReport, hoursReport } from '../../contract/report-hours.ts';
import { reportQuery } from '../../contract/reports.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { errors } from '../http/openapi.ts';
import { ctxOf } from '../http/session.ts';
import { attendanceDefinition } from './attendance-report.ts';
import { hoursDefinition } from './hours.ts';
import { resolveReportScope } from './report-scope.ts';

const tags = ['reports'];

/** Teachers' hours and attendance reports. */
export function registerHoursRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/reports/hours',
    {
      schema: {
        tags,
        summary: 'Учёт часов: уроки по расписанию, проведённые, отменённые, замещения по учителям и месяцам',
        querystring: reportQuery,
        response: { 200: hoursReport, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      return hoursDefinition.compute(
        ctx,
        await resolveReportScope(ctx, request.query, hoursDefinition.options),
      );
    },
  );

  api.get(
    '/api/reports/attendance',
    {
      schema: {
        tags,
        summary:
          'Посещаемость: пропуски уроков по причинам и опоздания по классам и ученикам, пропущенные дни, более 30 % пропусков',
        querystring: reportQuery,
        response: { 200: attendanceReport, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      const scope = await resolveReportScope(ctx, request.query, attendanceDefinition.options);
      return attendanceDefinition.compute(ctx, scope);
    },
  );
}
