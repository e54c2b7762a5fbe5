import type { Kysely } from 'kysely';
import {
  extractQuery,
  journalXlsxQuery,
  paperClassParams,
  paperFile,
  paperStudentParams,
  reportCardQuery,
} from '../../contract/paper.ts';
import { today } from '../access/relationships.queries.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { forbidden } from '../http/app-error.ts';
import { errors } from '../http/openapi.ts';
import { exportRateLimit } from '../http/rate-limits.ts';
import { ctxOf } from '../http/session.ts';
import { attachmentDisposition } from '../lessons/lesson-files.ts';
import { renderExtract } from './extract.ts';
import { extractRange } from './extract-range.ts';
import { renderJournalXlsx, renderSummaryXlsx } from './paper-xlsx.ts';
import { requireClassPrint } from './print-access.ts';
import type { JournalPrint } from './print-request.ts';
import { renderReportCard } from './report-card.ts';
import { requireStudentPaper, studentOfSchool, yearOfSchool } from './report-card-access.ts';
import { classPeriod, paperFileName } from './summary-names.ts';
import { renderSummarySheetPdf } from './summary-sheet.ts';

const tags = ['print'];
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pdf = 'application/pdf';

/** What a route needs of its reply to send a file. */
interface FileReply {
  header(name: string, value: string): FileReply;
  send(payload: Buffer): unknown;
}

/** Routes of report cards, extracts and XLSX exports. */
export function registerPaperRoutes(api: Api, db: Kysely<DB>): void {
  const send = (reply: FileReply, type: string, name: string, file: Buffer) =>
    reply
      .header('content-type', type)
      .header('cache-control', 'no-store')
      .header('content-disposition', attachmentDisposition(name))
      .send(file);

  api.get(
    '/api/classes/:classId/journal.xlsx',
    {
      config: { rateLimit: exportRateLimit },
      schema: {
        tags,
        summary: 'Журнал класса (или выбранные журналы) в XLSX: за период или за год',
        params: paperClassParams,
        querystring: journalXlsxQuery,
        response: { 200: paperFile, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      const access = await requireClassPrint(ctx, request.params.classId, request.query.courseIds);
      const periodId = await classPeriod(ctx, access, request.query.periodId);
      const print: JournalPrint = {
        ...printOf(access, ctx.request.lang),
        periodId,
        courseIds: access.courseIds,
      };
      const file = await renderJournalXlsx(db, print);
      return send(reply, xlsx, await paperFileName(ctx, access, 'journal', 'xlsx'), file);
    },
  );

  for (const format of ['xlsx', 'pdf'] as const)
    api.get(
      `/api/classes/:classId/summary.${format}`,
      {
        config: { rateLimit: exportRateLimit },
        schema: {
          tags,
          summary: `Сводная ведомость учёта успеваемости класса за год (${format.toUpperCase()})`,
          params: paperClassParams,
          response: { 200: paperFile, ...errors(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, db);
        const access = await requireClassPrint(ctx, request.params.classId);
        if (!access.whole) throw forbidden();
        const print = printOf(access, ctx.request.lang);
        const file =
          format === 'pdf' ? await renderSummarySheetPdf(db, print) : await renderSummaryXlsx(db, print);
        return send(
          reply,
          format === 'pdf' ? pdf : xlsx,
          await paperFileName(ctx, access, 'summary', format),
          file,
        );
      },
    );

  api.get(
    '/api/students/:studentId/report-card',
    {
      config: { rateLimit: exportRateLimit },
      schema: {
        tags,
        summary: 'Табель успеваемости ученика за учебный год (PDF)',
        params: paperStudentParams,
        querystring: reportCardQuery,
        response: { 200: paperFile, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      const student = await studentOfSchool(ctx, request.params.studentId);
      const yearId = await yearOfSchool(ctx, student.schoolId, request.query.yearId);
      const target = await requireStudentPaper(ctx, student.id, yearId, 'yearId');
      const file = await renderReportCard(db, target, { printedOn: today(), lang: ctx.request.lang });
      const name = ctx.request.lang === 'ru' ? 'Табель' : 'Report card';
      return send(reply, pdf, `${name} ${student.id}.pdf`, file);
    },
  );

  api.get(
    '/api/students/:studentId/extract',
    {
      config: { rateLimit: exportRateLimit },
      schema: {
        tags,
        summary: 'Выписка текущих отметок ученика за период или даты (PDF)',
        params: paperStudentParams,
        querystring: extractQuery,
        response: { 200: paperFile, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      const student = await studentOfSchool(ctx, request.params.studentId);
      const range = await extractRange(ctx, student.schoolId, request.query);
      const target = await requireStudentPaper(ctx, student.id, range.academicYearId, range.field);
      const file = await renderExtract(db, target, { ...range, printedOn: today(), lang: ctx.request.lang });
      const name = ctx.request.lang === 'ru' ? 'Выписка' : 'Extract';
      return send(reply, pdf, `${name} ${student.id} ${range.from} ${range.to}.pdf`, file);
    },
  );
}

function printOf(
  access: { schoolId: number; classId: number; academicYearId: number },
  lang: JournalPrint['lang'],
): JournalPrint {
  return {
    schoolId: access.schoolId,
    classId: access.classId,
    academicYearId: access.academicYearId,
    periodId: null,
    courseIds: null,
    printedOn: today(),
    lang,
  };
}
