import { type ChangeResult, maxSyncChanges, type OfflineChange } from '../../contract/offline.ts';
import { apiPost } from '../app/api.ts';
import { ApiError, isRetryable, isSessionLocked, isUnauthenticated } from '../app/api-error.ts';
import { onUnlocked } from '../app/lock-screen-state.ts';
import { endSession } from '../app/session.ts';
import {
  type Conflict,
  clearDevice,
  type DeviceMeta,
  loadDevice,
  type Queued,
  saveCheckpoint,
  saveDevice,
} from './device-db.ts';
import {
  type Draft,
  nextBatch,
  outcomeOf,
  type Plan,
  planEnqueue,
  planKeepMine,
  planRefused,
  rebase,
  sameAsServer,
} from './outbox-rules.ts';

/** What the queue tells an open page about its cells. */
export type OutboxEvent =
  | { type: 'applied'; entry: Queued; cell: unknown; more: boolean }
  | { type: 'conflict'; entry: Queued }
  | { type: 'dropped'; entry: Queued };

/** What the indicator shows: changes waiting, conflicts to decide, and whether a send is on. */
export interface OutboxSnapshot {
  waiting: number;
  conflicts: readonly Queued[];
  sending: boolean;
}

const retryCapMs = 60_000;
const empty: OutboxSnapshot = { waiting: 0, conflicts: [], sending: false };

/**
 * The device's queue of journal changes made without a connection (kept in IndexedDB), sent to
 * `POST /api/journal/sync` oldest first when the connection returns, each exactly once.
 */
class Outbox {
  private meta: DeviceMeta | null = null;
  private queue: Queued[] = [];
  private readonly checkpoints = new Map<number, number>();
  private readonly sending = new Set<number>();
  private syncing = false;
  private writes: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: OutboxEvent) => void>();
  private snap: OutboxSnapshot = empty;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  /** How many changes a request carries: one at a time after a batch was refused as a whole. */
  private batchSize = maxSyncChanges;
  private started: Promise<void> = Promise.resolve();
  private stopTriggers: (() => void) | null = null;

  /** Opens the device's queue for the signed-in person (another person's is deleted first) and sends what waits. */
  start(personId: number): Promise<void> {
    if (this.meta?.personId === personId) return this.started;
    this.started = this.started.then(async () => {
      if (this.meta?.personId === personId) return;
      await this.writes;
      try {
        let stored = await loadDevice();
        // Another person's, or left without an owner (a write that raced a sign-out): deleted.
        const orphaned = !stored.meta && (stored.queue.length > 0 || stored.checkpoints.length > 0);
        if (orphaned || (stored.meta && stored.meta.personId !== personId)) {
          await clearDevice();
          stored = { meta: undefined, queue: [], checkpoints: [] };
        }
        this.meta = stored.meta ?? { deviceId: crypto.randomUUID(), personId, nextSeq: 1 };
        this.queue = stored.queue;
        this.checkpoints.clear();
        for (const c of stored.checkpoints) this.checkpoints.set(c.courseId, c.checkpointId);
        if (!stored.meta) await saveDevice(this.meta, []);
      } catch {
        // No IndexedDB here (a private window may refuse it): the journal works online only.
        this.meta = null;
      }
      this.listenForConnection();
      this.changed();
      void this.sync();
    });
    return this.started;
  }

  /** Someone who keeps no queue signed in: another person's queue and checkpoints are deleted, unsent. */
  release(personId: number): Promise<void> {
    this.started = this.started.then(async () => {
      try {
        const { meta } = await loadDevice();
        if (meta && meta.personId !== personId) await clearDevice();
      } catch {
        // Nothing opens: nothing was kept.
      }
    });
    return this.started;
  }

  /** Resolves once the queue is loaded (a page opened offline waits for it before showing its cells). */
  ready(): Promise<void> {
    return this.started;
  }

  /**
   * Forgets what the device keeps: everything at sign-out; after a session that ended by itself,
   * everything but its owner's waiting changes (sent when the same person signs in again).
   */
  forget(keepQueue: boolean): Promise<void> {
    this.stopTriggers?.();
    this.stopTriggers = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.checkpoints.clear();
    this.queue = [];
    const owner = keepQueue ? this.meta : null;
    this.meta = null;
    this.changed();
    this.started = this.started.then(async () => {
      await this.writes;
      try {
        await clearDevice(keepQueue);
        if (owner) await saveDevice(owner, []);
      } catch {
        // Nothing could be kept where nothing opens.
      }
    });
    return this.started;
  }

  /** Whether a change to the course can be kept on the device (it was loaded online on it). */
  canQueue(courseId: number): boolean {
    return this.meta !== null && this.checkpointOf(courseId) !== undefined;
  }

  /**
   * The course's checkpoint: the one taken last here, else the one its waiting changes were made
   * under (after a new sign-in, before the page has taken a new one: the cell's next change must
   * still follow its queued one, not overtake it online).
   */
  private checkpointOf(courseId: number): number | undefined {
    return (
      this.checkpoints.get(courseId) ??
      this.queue.findLast((q) => q.courseId === courseId)?.change.checkpointId
    );
  }

  /** Tells the server the course was loaded online here; offline changes made after it count from now. */
  async checkpoint(courseId: number): Promise<void> {
    await this.started;
    const meta = this.meta;
    if (!meta) return;
    const saved = await apiPost<{ checkpointId: number }>('/api/journal/sync/checkpoint', {
      deviceId: meta.deviceId,
      courseId,
    });
    // Signed out meanwhile: nothing is kept for the next person.
    if (this.meta !== meta) return;
    this.checkpoints.set(courseId, saved.checkpointId);
    await saveCheckpoint({ courseId, checkpointId: saved.checkpointId }).catch(() => {});
  }

  /** The course's changes still on the device (waiting or in conflict), oldest first. */
  entries(courseId: number): Queued[] {
    return this.queue.filter((q) => q.courseId === courseId);
  }

  /** Keeps a change made now (or at `madeAt`) and sends it when the connection allows. */
  enqueue(
    where: { courseId: number; place: string },
    cellKey: string,
    draft: Draft,
    madeAt = new Date().toISOString(),
  ): void {
    const courseId = where.courseId;
    const checkpointId = this.checkpointOf(courseId);
    if (!this.meta || checkpointId === undefined) return;
    const stamp = { id: crypto.randomUUID(), seq: this.nextSeq(), madeAt, checkpointId };
    this.apply(planEnqueue(this.queue, this.sending, where, cellKey, draft, stamp));
    void this.sync();
  }

  /** A conflict: the teacher keeps their value; it goes again over the server's (with a reason past the window). */
  keepMine(seq: number, editReason?: string): void {
    const entry = this.queue.find((q) => q.seq === seq && q.state === 'conflict');
    if (!entry || !this.meta) return;
    const { madeAt, checkpointId } = entry.change;
    this.apply(
      planKeepMine(entry, { id: crypto.randomUUID(), seq: this.nextSeq(), madeAt, checkpointId }, editReason),
    );
    void this.sync();
  }

  /** A conflict: the teacher takes the server's value; the change is dropped. */
  takeServer(seq: number): void {
    const entry = this.queue.find((q) => q.seq === seq && q.state === 'conflict');
    if (!entry) return;
    this.apply({ put: [], remove: [seq] });
    this.emit({ type: 'dropped', entry });
  }

  /** Listens to the counts (for useSyncExternalStore). */
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The counts now. */
  snapshot = (): OutboxSnapshot => this.snap;

  /** Listens to what happens to the queued changes. */
  listen(listener: (event: OutboxEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Resolves when everything changed so far is written to the device. */
  flushed(): Promise<void> {
    return this.writes;
  }

  /** Sends the waiting changes, oldest first, in batches; stops on a lost connection and retries later. */
  async sync(): Promise<void> {
    if (this.syncing || !this.meta || !navigator.onLine) return;
    this.syncing = true;
    this.changed();
    try {
      for (;;) {
        const batch = nextBatch(this.queue, this.batchSize);
        if (batch.length === 0 || !this.meta) {
          this.batchSize = maxSyncChanges;
          break;
        }
        for (const q of batch) this.sending.add(q.seq);
        let results: ChangeResult[];
        try {
          const answer = await apiPost<{ results: ChangeResult[] }>('/api/journal/sync', {
            deviceId: this.meta.deviceId,
            changes: batch.map((q) => q.change),
          });
          results = answer.results;
        } catch (error) {
          this.sending.clear();
          this.failed(batch, error);
          return;
        }
        this.sending.clear();
        this.attempts = 0;
        this.absorb(batch, results);
      }
    } finally {
      this.syncing = false;
      this.changed();
    }
  }

  private absorb(batch: readonly Queued[], results: readonly ChangeResult[]) {
    for (const result of results) {
      const entry = batch.find((q) => q.change.id === result.id);
      if (!entry || !this.queue.some((q) => q.seq === entry.seq)) continue;
      if (result.status === 'outOfOrder') {
        this.renumber(result.lastSeq);
        return;
      }
      const outcome = outcomeOf(result);
      if (outcome && !outcome.applied && !sameAsServer(entry.change, outcome.conflict)) {
        this.settleConflict(entry, outcome.conflict);
        continue;
      }
      const cell = outcome?.applied ? outcome.cell : (outcome?.conflict.server?.cell ?? null);
      this.apply({ put: rebase(this.queue, entry, cell), remove: [entry.seq] });
      const more = this.queue.some((q) => q.cellKey === entry.cellKey && q.state === 'waiting');
      this.emit({ type: 'applied', entry, cell, more });
    }
  }

  private settleConflict(entry: Queued, conflict: Conflict) {
    const plan = planRefused(this.queue, entry, conflict);
    this.apply(plan);
    // A later change of the cell waits: it goes in this one's place (refused in turn if it must be).
    if (plan.remove.length) this.emit({ type: 'dropped', entry });
    else this.emit({ type: 'conflict', entry: plan.put[0]! });
  }

  /** The server has seen higher numbers from this device (its store was reset): the waiting ones go on above them. */
  private renumber(lastSeq: number) {
    if (!this.meta) return;
    this.meta.nextSeq = Math.max(this.meta.nextSeq, lastSeq + 1);
    const waiting = this.queue.filter((q) => q.state === 'waiting');
    const put = waiting.map((q) => {
      const seq = this.nextSeq();
      return { ...q, seq, change: { ...q.change, seq } as OfflineChange };
    });
    this.apply({ put, remove: waiting.map((q) => q.seq) });
  }

  private failed(batch: readonly Queued[], error: unknown) {
    // Locked: the lock screen shows, and unlocking sends again.
    if (isSessionLocked(error)) return;
    if (isUnauthenticated(error)) {
      // The session ended meanwhile: sign in again; the waiting changes stay for the same person.
      endSession('sessionExpired');
      return;
    }
    const refused = error instanceof ApiError && (error.status === 400 || error.status === 413);
    if (refused && batch.length > 1) {
      // The batch as a whole was refused (one bad change, or too large): one at a time finds which.
      this.batchSize = 1;
      this.retryTimer = setTimeout(() => void this.sync(), 0);
      return;
    }
    if (refused) {
      // This change itself is refused: it shows as refused, nothing is lost.
      for (const entry of batch)
        this.settleConflict(entry, {
          id: entry.change.id,
          seq: entry.seq,
          status: 'conflict',
          reason: 'invalid',
          message: error.message,
          server: null,
          yours: entry.change,
        });
      return;
    }
    if (!isRetryable(error) && !(error instanceof ApiError)) return;
    this.attempts += 1;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.sync(), Math.min(retryCapMs, 2_000 * 2 ** this.attempts));
  }

  private listenForConnection() {
    if (this.stopTriggers) return;
    const go = () => void this.sync();
    window.addEventListener('online', go);
    const offUnlocked = onUnlocked(go);
    this.stopTriggers = () => {
      window.removeEventListener('online', go);
      offUnlocked();
    };
  }

  /**
   * The next number: increasing in this tab, and from the clock (microsecond-like, with a random
   * tail), so two tabs of one device do not hand out the same number; a number the server has
   * passed already is answered `outOfOrder`, and the waiting changes are renumbered above it.
   */
  private nextSeq(): number {
    const meta = this.meta!;
    const seq = Math.max(meta.nextSeq, Date.now() * 1000 + Math.floor(Math.random() * 1000));
    meta.nextSeq = seq + 1;
    return seq;
  }

  private apply(plan: Plan) {
    const gone = new Set([...plan.remove, ...plan.put.map((q) => q.seq)]);
    this.queue = [...this.queue.filter((q) => !gone.has(q.seq)), ...plan.put].sort((a, b) => a.seq - b.seq);
    const meta = this.meta ? { ...this.meta } : null;
    if (meta) {
      this.writes = this.writes.then(() => saveDevice(meta, plan.put, plan.remove).catch(() => {}));
    }
    this.changed();
  }

  private changed() {
    this.snap = {
      waiting: this.queue.filter((q) => q.state === 'waiting').length,
      conflicts: this.queue.filter((q) => q.state === 'conflict'),
      sending: this.syncing,
    };
    for (const listener of [...this.listeners]) listener();
  }

  private emit(event: OutboxEvent) {
    for (const listener of [...this.eventListeners]) listener(event);
  }
}

/** The one queue of this tab. */
export const outbox = new Outbox();
