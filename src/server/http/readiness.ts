import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { errorBody } from '../../contract/errors.ts';
import { readyResponse } from '../../contract/operations.ts';
import type { Database } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { Api } from './api.ts';
import { AppError } from './app-error.ts';

/**
 * The read replica's part of `/api/health` and `/api/ready`: nothing when no replica is set, else
 * whether it answers (a failure is logged, not thrown).
 */
export async function replicaHealth(
  database: Database,
  log: FastifyBaseLogger,
): Promise<{ replica?: 'reachable' | 'unreachable' }> {
  if (database.readUrl === null) return {};
  try {
    await sql`select 1`.execute(database.reads);
    return { replica: 'reachable' };
  } catch (error) {
    log.error({ err: error }, 'read replica unreachable');
    return { replica: 'unreachable' };
  }
}

/**
 * `GET /api/ready`: 200 once the database (and the read replica, when set) answers and every
 * migration this code knows is applied there, else 503, so a load balancer sends no traffic to a process that would fail it.
 */
export function registerReadiness(api: Api, database: Database): void {
  // Migrations only go forward: once current, the schema stays current for this process, and the
  // Migrator's table introspection (one query per table on SQLite) need not run on every probe.
  let current = false;
  api.get(
    '/api/ready',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Готовность: база отвечает и её схема соответствует версии сервера',
        response: { 200: readyResponse, 503: errorBody },
      },
    },
    async (request) => {
      let pending: string[] = [];
      try {
        await sql`select 1`.execute(database.db);
        if (!current) pending = await pendingMigrations(database);
      } catch (error) {
        request.log.error({ err: error }, 'database unreachable');
        throw new AppError('unavailable', 'databaseUnavailable');
      }
      const replica = await replicaHealth(database, request.log);
      // Diary and report reads go to the replica: a process that cannot reach it would fail them,
      // and one whose replica has not yet replayed this code's migrations would fail them too.
      if (replica.replica === 'unreachable') throw new AppError('unavailable', 'readReplicaUnavailable');
      if (!current && replica.replica) {
        const behind = await pendingMigrations({ ...database, db: database.reads }).catch((error) => {
          request.log.error({ err: error }, 'read replica unreachable');
          throw new AppError('unavailable', 'readReplicaUnavailable');
        });
        pending.push(...behind.map((name) => `${name} (DATABASE_READ_URL)`));
      }
      if (pending.length > 0)
        throw new AppError('unavailable', 'migrationsPending', { names: pending.join(', ') });
      current = true;
      return {
        status: 'ready' as const,
        database: database.engine,
        migrations: 'current' as const,
        ...(replica.replica ? { replica: 'reachable' as const } : {}),
      };
    },
  );
}
