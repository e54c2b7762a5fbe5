/** Failed logins allowed before the account starts locking. */
export const freeAttempts = 5;
/** The longest lock, in seconds. */
export const maxLockSeconds = 3600;

/**
 * How long a login name stays locked after its `failures`-th failed attempt in a row: nothing for the
 * first five, then 30 s, doubling with every further failure, capped at an hour.
 */
export function lockSeconds(failures: number): number {
  if (failures < freeAttempts) return 0;
  return Math.min(maxLockSeconds, 30 * 2 ** (failures - freeAttempts));
}
