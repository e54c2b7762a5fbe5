import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { backgroundRuns } from './backup/run-backup.ts';
import { startBackupScheduler } from './backup/scheduler.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startNotifyWorker } from './notify/worker.ts';

const graceMs = 10_000;

/** A running server and how to stop it cleanly. */
export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/**
 * Opens the database, brings its schema up to date, and listens. SIGTERM and SIGINT finish the
 * requests in flight, then close the database.
 */
export async function serve(
  config: Config,
  options: { database?: Database; signals?: boolean } = {},
): Promise<Running> {
  const database =
    options.database ??
    openDatabase(config.databaseUrl, {
      poolSize: config.databasePoolSize,
      readUrl: config.databaseReadUrl,
    });
  await migrateToLatest(database);
  const app = await buildApp(database, config);
  const address = await app.listen({ host: config.host, port: config.port });
  const worker = config.notify.worker ? startNotifyWorker(database, config.notify) : null;
  const backups = config.backup.scheduler ? startBackupScheduler(database, config.backup) : null;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // Keep-alive connections become idle only once their request is answered: close each then,
      // and give requests in flight at most `graceMs` before cutting them.
      const idle = setInterval(() => app.server.closeIdleConnections(), 50);
      const deadline = setTimeout(() => app.server.closeAllConnections(), graceMs);
      try {
        if (worker) {
          await worker.stop();
          app.log.info('notification worker stopped');
        }
        if (backups) {
          await backups.stop();
          app.log.info('backup scheduler stopped');
        } else await backgroundRuns();
        await app.close();
      } finally {
        clearInterval(idle);
        clearTimeout(deadline);
      }
      await database.close();
      app.log.info('database closed');
    })();
    return stopping;
  };
  if (options.signals !== false) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        app.log.info({ signal }, 'stopping');
        stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
    }
  }
  return { app, database, url: address, stop };
}
