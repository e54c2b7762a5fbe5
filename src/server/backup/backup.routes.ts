import { backupRunDetail, backupStarted, backupStatusResponse } from '../../contract/backups.ts';
import { idParams } from '../../contract/people.ts';
import type { Ctx } from '../access/actor.ts';
import { reachesAnything, reachOf } from '../access/scopes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Api } from '../http/api.ts';
import { forbidden, notFound } from '../http/app-error.ts';
import { errors } from '../http/openapi.ts';
import { exportRateLimit } from '../http/rate-limits.ts';
import { ctxOf } from '../http/session.ts';
import { runWithCopies } from './backup-runs.queries.ts';
import { backupStatus } from './backup-status.ts';
import { startBackup } from './run-backup.ts';

const tags = ['backups'];

/**
 * The person who may manage backups (school or district administrator); everyone else, families
 * included, is refused with 403 rather than shown an empty state. Answers the person's id and the
 * school the audit event belongs to (none for the district).
 */
function manager(ctx: Ctx): { personId: number; schoolId: number | null } {
  const reach = reachOf(ctx.actor, 'backups.manage');
  if (ctx.actor.kind !== 'person' || !reachesAnything(reach)) throw forbidden();
  return { personId: ctx.actor.personId, schoolId: reach.schoolIds[0] ?? null };
}

/** Routes of backups: their state per destination, the runs, and a backup on demand. */
export function registerBackupRoutes(api: Api, database: Database, config: Config): void {
  const db = database.db;

  api.get(
    '/api/backups',
    {
      schema: {
        tags,
        summary:
          'Резервные копии: настройка, расписание, хранение, последняя проверенная копия в каждом каталоге, запуски',
        response: { 200: backupStatusResponse, ...errors(401, 403) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      manager(ctx);
      return backupStatus(db, config.backup, new Date(), ctx.request.lang);
    },
  );

  api.post(
    '/api/backups',
    {
      config: { rateLimit: exportRateLimit },
      schema: {
        tags,
        summary:
          'Создать резервную копию сейчас (в фоне); 409, пока идёт другая или копирование не настроено',
        response: { 202: backupStarted, ...errors(401, 403, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      const { personId, schoolId } = manager(ctx);
      const { runId } = await startBackup(database, config.backup, personId);
      await recordAudit(db, ctx, {
        schoolId,
        action: 'backup.request',
        entity: 'backupRun',
        entityId: runId,
      });
      return reply.code(202).send({ runId });
    },
  );

  api.get(
    '/api/backups/runs/:id',
    {
      schema: {
        tags,
        summary: 'Один запуск резервного копирования и его копии по каталогам',
        params: idParams,
        response: { 200: backupRunDetail, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      manager(ctxOf(request, db));
      const run = await runWithCopies(db, request.params.id);
      if (!run) throw notFound();
      return run;
    },
  );
}
