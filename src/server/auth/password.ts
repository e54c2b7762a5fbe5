import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is a const enum (2), which isolatedModules cannot inline.
const argon2id = 2;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id });
}

/** Checks a password against a stored argon2 hash; a malformed hash is a mismatch. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the time of a real check for unknown logins, so timing does not reveal which exist. */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('otmetka-timing-equaliser');
  await verifyPassword(await dummy, password);
  return false;
}
