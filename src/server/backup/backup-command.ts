import type { Config } from '../config.ts';

/** What a command printed and whether it succeeded (exit code 0 or 1). */
export interface CommandResult {
  text: string;
  ok: boolean;
}

/**
 * `otmetka backup [run]`: one backup now, to every destination, verified; `otmetka backup list`:
 * the destinations and their copies; `otmetka backup verify FILE…`: a file's manifest, SHA-256,
 * authentication and a restore into a scratch database; `otmetka backup key`: a new key.
 */
export async function backupCommand(
  _config: Config,
  _sub: string | undefined,
  _args: string[],
): Promise<CommandResult> {
  throw new Error('not implemented');
}

/**
 * `otmetka restore FILE --to URL [--replace] [--list]`: lists what the file holds, then restores
 * it into a new database (an absent SQLite file, or a PostgreSQL database without tables); a
 * database holding data only with `--replace`.
 */
export async function restoreCommand(
  _config: Config,
  _file: string | undefined,
  _options: { to?: string; replace?: boolean; list?: boolean },
): Promise<CommandResult> {
  throw new Error('not implemented');
}
