import type { Kysely } from 'kysely';
import { z } from 'zod';
import { idParams } from '../../contract/people.ts';
import { printClasses, printJob, printJobBody, printJobCreated, printJobList } from '../../contract/print.ts';
import { reachesAnything, reachOf } from '../access/scopes.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';
import { errors } from '../http/openapi.ts';
import { exportRateLimit } from '../http/rate-limits.ts';
import { ctxOf } from '../http/session.ts';
import { attachmentDisposition } from '../lessons/lesson-files.ts';
import { printableClasses } from './print-classes.ts';
import { jobFileOfRequester, jobOfRequester, jobsOfRequester } from './print-jobs.queries.ts';
import { requestPrint } from './print-jobs.ts';
import { createPrintRunner, resumePrintRunner } from './print-jobs-runner.ts';

const tags = ['print'];

function personOf(actor: { kind: string; personId?: number }): number {
  if (actor.kind !== 'person' || actor.personId === undefined) throw notFound();
  return actor.personId;
}

/**
 * Routes of the background print jobs, and the runner that makes them: started when the app is
 * ready (failing jobs a dead process left running, taking queued ones), stopped when it closes.
 */
export function registerPrintJobRoutes(api: Api, db: Kysely<DB>): void {
  const runner = createPrintRunner(db, { log: (error) => api.log.error({ err: error }, 'print job failed') });
  // A database that cannot be reached at start must not stop the server from starting (health
  // says so): the jobs are resumed at the next request for a print.
  api.addHook('onReady', async () => {
    await resumePrintRunner(db, runner).catch((error: unknown) =>
      api.log.error({ err: error }, 'print jobs not resumed'),
    );
  });
  api.addHook('onClose', async () => {
    await runner.stop();
  });

  api.get(
    '/api/print/classes',
    {
      schema: {
        tags,
        summary: 'Что можно напечатать: классы, их предметы и четверти, право на архив за год',
        response: { 200: printClasses, ...errors(401, 403) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      if (!reachesAnything(reachOf(ctx.actor, 'print.journal'))) throw forbidden();
      return printableClasses(ctx);
    },
  );

  api.post(
    '/api/print-jobs',
    {
      config: { rateLimit: exportRateLimit },
      schema: {
        tags,
        summary: 'Поставить в очередь печать журнала класса (PDF) или архива за год (ZIP)',
        body: printJobBody,
        response: { 202: printJobCreated, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const id = await requestPrint(ctxOf(request, db), request.body);
      runner.kick();
      return reply.code(202).send({ id });
    },
  );

  api.get(
    '/api/print-jobs',
    {
      schema: {
        tags,
        summary: 'Мои последние печати, сначала новые',
        response: { 200: printJobList, ...errors(401, 403) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      // Families and the district print nothing: they are refused, not shown an empty list.
      const prints = ['print.journal', 'archive.export'] as const;
      if (!prints.some((a) => reachesAnything(reachOf(ctx.actor, a)))) throw forbidden();
      return { jobs: await jobsOfRequester(ctx.db, personOf(ctx.actor)) };
    },
  );

  api.get(
    '/api/print-jobs/:id',
    {
      schema: {
        tags,
        summary: 'Состояние печати: готово N из M, имя файла или ошибка',
        params: idParams,
        response: { 200: printJob, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      const job = await jobOfRequester(ctx.db, request.params.id, personOf(ctx.actor));
      if (!job) throw notFound();
      return job;
    },
  );

  api.get(
    '/api/print-jobs/:id/file',
    {
      schema: {
        tags,
        summary: 'Скачать готовый файл печати (PDF или ZIP)',
        params: idParams,
        response: { 200: z.any().describe('Файл печати: PDF или ZIP'), ...errors(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      const job = await jobFileOfRequester(ctx.db, request.params.id, personOf(ctx.actor));
      if (!job) throw notFound();
      if (job.status === 'failed') throw new AppError('conflict', 'printJobsFailedFile');
      if (job.status !== 'done') throw new AppError('conflict', 'printJobsNotReady');
      if (!job.content || !job.mime || !job.fileName) throw new AppError('conflict', 'printJobsPurged');
      return reply
        .header('content-type', job.mime)
        .header('cache-control', 'no-store')
        .header('content-disposition', attachmentDisposition(job.fileName))
        .send(job.content);
    },
  );
}
