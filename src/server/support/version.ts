import { readFileSync } from 'node:fs';

/** The Otmetka version of this server, from package.json (stamped on problem reports). */
export const otmetkaVersion: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
