import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { registerRosterExportRoutes } from './roster-export.routes.ts';
import { registerRosterImportRoutes } from './roster-import.routes.ts';

/** Data exchange with other systems: OneRoster 1.2 CSV out and in. */
export function registerExchangeRoutes(api: Api, db: Kysely<DB>): void {
  registerRosterExportRoutes(api, db);
  registerRosterImportRoutes(api, db);
}
