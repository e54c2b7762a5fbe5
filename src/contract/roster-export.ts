import { z } from 'zod';

/** `GET /api/exchange/oneroster?yearId=`: the school year to export. */
export const rosterExportQuery = z.object({ yearId: z.coerce.number().int().positive().max(2_147_483_647) });

/** The query of the OneRoster export. */
export type RosterExportQuery = z.infer<typeof rosterExportQuery>;
