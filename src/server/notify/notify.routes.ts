import type { Kysely } from 'kysely';
import type { NotifyConfig } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';

/** Notification preferences, Telegram linking, and the school's SMTP settings. */
export function registerNotifyRoutes(api: Api, db: Kysely<DB>, config: NotifyConfig): void {
  void api;
  void db;
  void config;
}
