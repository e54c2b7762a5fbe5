import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Api } from '../http/api.ts';
import { registerArchiveRoutes } from './archive.routes.ts';
import { registerCouncilRoutes } from './council.routes.ts';
import { registerPaperRoutes } from './paper.routes.ts';
import { registerPrintJobRoutes } from './print-jobs.routes.ts';

/** The paper journal: background prints, report cards and extracts, council decisions, the year archive. */
export function registerPrintRoutes(api: Api, db: Kysely<DB>): void {
  registerPrintJobRoutes(api, db);
  registerPaperRoutes(api, db);
  registerCouncilRoutes(api, db);
  registerArchiveRoutes(api, db);
}
