import { z } from 'zod';

/** `GET /api/ready`: the database answers and its schema is the one this code expects. */
export const readyResponse = z.object({
  status: z.literal('ready'),
  database: z.enum(['sqlite', 'postgres']),
  migrations: z.literal('current'),
  /** Present when a read replica (DATABASE_READ_URL) is set; a dead replica answers 503 instead. */
  replica: z.literal('reachable').optional(),
});
