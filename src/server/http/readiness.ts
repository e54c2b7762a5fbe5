import { sql } from 'kysely';
import { errorBody } from '../../contract/errors.ts';
import { readyResponse } from '../../contract/operations.ts';
import type { Database } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { Api } from './api.ts';
import { AppError } from './app-error.ts';

/**
 * `GET /api/ready`: 200 once the database answers and every migration this code knows is applied,
 * else 503, so a load balancer sends no traffic to a process that would fail it.
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
      if (pending.length > 0)
        throw new AppError('unavailable', 'migrationsPending', { names: pending.join(', ') });
      current = true;
      return { status: 'ready' as const, database: database.engine, migrations: 'current' as const };
    },
  );
}
