/**
 * A bounded, process-local cache of built diary bodies (JSON text). An entry's key holds the
 * diary's versions (see `DiaryStudent.version`), which every audited change to what it shows bumps
 * in its own transaction: such a write makes the old keys unreachable at once, in every process,
 * and they age out of the LRU. A mark saved for one student leaves the other diaries' keys alone.
 *
 * With a read replica (`DATABASE_READ_URL`) the version and the body are both read from the
 * replica, never one from each database. A replica only moves forward and the version is read
 * before the body is built, so the body is at least as new as the version in its key: a lagging
 * replica can only serve an older key (the parent sees the mark a moment later), never an older
 * body under a newer key that would then stay cached after the replica caught up.
 */
export class DiaryCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly limit = 2000) {}

  /** The body under the key, marked as recently used. */
  get(key: string): string | undefined {
    const body = this.entries.get(key);
    if (body === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, body);
    return body;
  }

  /** Keeps a body, dropping the least recently used one past the limit. */
  set(key: string, body: string): void {
    this.entries.delete(key);
    this.entries.set(key, body);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** How many bodies are kept. */
  get size(): number {
    return this.entries.size;
  }
}

/** The diary caches of this process. */
export const weekCache = new DiaryCache(2000);

/** What a cached diary view depends on: who looks, at whom, which week, the data version, the day. */
export interface DiaryKey {
  view: string;
  viewerId: number;
  studentId: number;
  scope: string;
  /** The diary's versions (`DiaryStudent.version`), or the school's data version. */
  version: number | string;
  today: string;
}

/** The cache key and the weak ETag of a view. */
export function keyOf(k: DiaryKey): { key: string; etag: string } {
  const key = `${k.view}:${k.viewerId}:${k.studentId}:${k.scope}:${k.version}:${k.today}`;
  return { key, etag: `W/"${key.replaceAll(':', '-')}"` };
}

/** Whether an If-None-Match header names the ETag (a list, `*`, weak or strong). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || t.replace(/^W\//, '') === bare);
}
