import type { CommandResult } from './backup-command.ts';

/**
 * `otmetka migrate-to-postgres --to postgres://…`: copies every table of the SQLite database
 * (DATABASE_URL) into an empty PostgreSQL database, then compares row counts and checksums table
 * by table and prints them.
 */
export async function moveToPostgresCommand(_from: string, _to: string | undefined): Promise<CommandResult> {
  throw new Error('not implemented');
}
