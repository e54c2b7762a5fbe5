import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random token for a cookie or a CSRF header. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The session id stored in the database: the token's SHA-256, so a leaked table opens nothing. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
