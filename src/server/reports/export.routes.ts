import type { Kysely } from 'kysely';
import { z } from 'zod';
import { exportFormats, type ReportQuery, reportQuery } from '../../contract/reports.ts';
import type { Ctx } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { AppError } from '../http/app-error.ts';
import type { Lang } from '../http/messages.ts';
import { errors } from '../http/openapi.ts';
import { exportRateLimit } from '../http/rate-limits.ts';
import { ctxOf } from '../http/session.ts';
import { attachmentDisposition } from '../lessons/lesson-files.ts';
import { rangeText } from './export-cells.ts';
import { renderPdf } from './export-pdf.ts';
import { renderXlsx } from './export-xlsx.ts';
import { reportNamed } from './registry.ts';
import type { ReportScope } from './report-scope.ts';
import { resolveReportScope } from './report-scope.ts';

const tags = ['reports'];

/** `GET /api/reports/:report/export?format=…&<filters>`: the filters of the report and the format. */
export const exportQuery = reportQuery.extend({ format: z.enum(exportFormats) });

const exportParams = z.object({ report: z.string().max(100) });

/** The content type of each export format. */
export const exportTypes: Record<(typeof exportFormats)[number], string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const filterWords = {
  ru: { classId: 'Класс', subjectId: 'Предмет', teacherId: 'Учитель', courseId: 'Журнал' },
  en: { classId: 'Class', subjectId: 'Subject', teacherId: 'Teacher', courseId: 'Journal' },
} satisfies Record<Lang, Record<string, string>>;

/**
 * The line under an export's title: the school, the dates, and each filter that narrowed the
 * courses («Класс: 5А»), named from the courses in scope.
 */
export async function exportSubtitle(ctx: Ctx, scope: ReportScope, q: ReportQuery): Promise<string> {
  const school = await ctx.db
    .selectFrom('schools')
    .select('name')
    .where('id', '=', scope.schoolId)
    .executeTakeFirst();
  const words = filterWords[ctx.request.lang];
  const first = scope.courses[0];
  const parts = [school?.name ?? '', rangeText(scope.from, scope.to)];
  if (first) {
    if (q.courseId !== undefined) parts.push(`${words.courseId}: ${first.subject}, ${first.group}`);
    else {
      if (q.classId !== undefined && first.className) parts.push(`${words.classId}: ${first.className}`);
      if (q.subjectId !== undefined) parts.push(`${words.subjectId}: ${first.subject}`);
      if (q.teacherId !== undefined && first.teacherId === q.teacherId)
        parts.push(`${words.teacherId}: ${first.teacher}`);
    }
  }
  return parts.filter((p) => p !== '').join(' · ');
}

/** Every report of the registry as an XLSX or PDF file for the same filters as its page. */
export function registerExportRoutes(api: Api, db: Kysely<DB>): void {
  api.get(
    '/api/reports/:report/export',
    {
      config: { rateLimit: exportRateLimit },
      schema: {
        tags,
        summary: 'Выгрузка отчёта в XLSX или PDF с теми же фильтрами, что на странице отчёта',
        params: exportParams,
        querystring: exportQuery,
        response: {
          200: z.any().describe('Файл отчёта: XLSX или PDF'),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      const definition = reportNamed(request.params.report);
      if (!definition) throw new AppError('not_found', 'reportsUnknown');
      const { format, ...filters } = request.query;
      const scope = await resolveReportScope(ctx, filters, definition.options);
      const answer = await definition.compute(ctx, scope);
      const lang = ctx.request.lang;
      const tables = definition.tables(answer, lang);
      const subtitle = await exportSubtitle(ctx, scope, filters);
      const render = format === 'pdf' ? renderPdf : renderXlsx;
      const file = await render(definition.title[lang], subtitle, tables, lang);
      return reply
        .header('content-type', exportTypes[format])
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          attachmentDisposition(`${definition.name}-${scope.from}-${scope.to}.${format}`),
        )
        .send(file);
    },
  );
}
