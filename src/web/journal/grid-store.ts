import type { z } from 'zod';
import type { cellConflict } from '../../contract/journal.ts';
import { apiPost } from '../app/api.ts';
import { ApiError, isRetryable, isSessionLocked } from '../app/api-error.ts';
import type { Conflict, Queued } from '../offline/device-db.ts';
import type { OutboxEvent } from '../offline/outbox.ts';
import { attendanceGlyph, glyphAttendance } from './cell-values.ts';
import { type AttendanceCell, type Entity, type ServerCell, shown } from './grid-cells.ts';
import { draftOf, type OfflineLink, shownOf } from './grid-offline.ts';
import type { Grid } from './journal-api.ts';
import { KeyedEmitter } from './keyed-emitter.ts';

const retryCap = 30_000;

/** A refused offline change of a cell: its seq on the device, why, and whether the server's cell is hidden. */
export interface Refusal {
  seq: number;
  reason: Conflict['reason'];
  hidden: boolean;
}

/**
 * The cells of one grid and their saves. Each cell saves on its own at once; while a save is on its
 * way the latest value waits and goes next; a lost connection or a 5xx is retried with backoff; a
 * 409 keeps the teacher's value beside the server's current one until the teacher decides.
 */
export class GridStore {
  private readonly entities = new Map<string, Entity>();
  private readonly emitter = new KeyedEmitter();
  private readonly inFlight = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly attempts = new Map<string, number>();
  private readonly unsaved = new Set<string>();
  private unsavedVersion = 0;
  /** The reason sent with changes past the edit window, asked once per page. */
  editReason: string | null = null;
  /** Called when the server wants a reason the page has not asked for (the window closed meanwhile). */
  onReasonNeeded: (() => void) | null = null;

  /** When each cell was last typed (an offline change keeps that time). */
  private readonly typedAt = new Map<string, string>();
  /** Cells whose offline change the server refused: the queued change's seq. */
  private readonly queuedConflicts = new Map<string, Refusal>();
  /** Cells with a change on the device: their next changes go there too, in order, never online past it. */
  private readonly onDevice = new Set<string>();

  /** Loads the grid's cells; with `offline`, changes without a connection are kept on the device. */
  constructor(
    private readonly grid: Grid,
    private readonly offline: OfflineLink | null = null,
  ) {
    for (const m of grid.marks) this.put(`m:${m.lessonId}:${m.studentId}:${m.workKindId}`, 'mark', m);
    for (const a of grid.attendance) this.put(`a:${a.lessonId}:${a.studentId}`, 'attendance', a);
    for (const p of grid.periodMarks) this.put(`p:${p.periodId}:${p.studentId}`, 'periodMark', p);
  }

  private put(key: string, kind: Entity['kind'], cell: ServerCell) {
    const c = shown(kind, cell);
    this.entities.set(key, { key, kind, ...c, base: c.value, status: 'saved', message: null, current: null });
  }

  /** The cell under a key; undefined while it was never set. */
  get(key: string): Entity | undefined {
    return this.entities.get(key);
  }

  /** Listens to one cell. */
  subscribe = (key: string, listener: () => void) => this.emitter.subscribe(key, listener);

  /** How many cells are not on the server yet (saving, pending, refused or clashing). */
  unsavedCount = () => this.unsaved.size;

  /** Changes whenever an unsaved cell changes its state (a snapshot for React). */
  unsavedStamp = () => this.unsavedVersion;

  /** The cells not on the server yet. */
  unsavedCells(): Entity[] {
    return [...this.unsaved].map((key) => this.entities.get(key)!);
  }

  /** Takes the versions the server answered for a lesson's attendance column. */
  absorbAttendance(cells: readonly AttendanceCell[]) {
    for (const cell of cells) {
      const key = `a:${cell.lessonId}:${cell.studentId}`;
      if (this.entities.get(key)?.status !== 'saved') continue;
      this.update(key, 'attendance', { ...shown('attendance', cell) });
    }
  }

  /** Listens to the count of unsaved cells. */
  subscribeUnsaved = (listener: () => void) => this.emitter.subscribe('#unsaved', listener);

  private update(key: string, kind: Entity['kind'], patch: Partial<Entity>) {
    const old = this.entities.get(key) ?? {
      key,
      kind,
      value: '',
      comment: null,
      version: null,
      base: '',
      status: 'saved' as const,
      message: null,
      current: null,
    };
    const next = { ...old, ...patch };
    this.entities.set(key, next);
    const wasUnsaved = this.unsaved.has(key);
    if (next.status === 'saved') this.unsaved.delete(key);
    else this.unsaved.add(key);
    this.emitter.emit(key);
    if (wasUnsaved || this.unsaved.has(key)) {
      this.unsavedVersion += 1;
      this.emitter.emit('#unsaved');
    }
  }

  /** The teacher set a cell: shown at once, saved at once (the latest value wins). */
  set(key: string, kind: Entity['kind'], value: string, comment?: string | null) {
    const old = this.entities.get(key);
    const patch: Partial<Entity> = { value, status: 'saving', message: null, current: null };
    if (comment !== undefined) patch.comment = comment;
    else if (value === '') patch.comment = null;
    else patch.comment = old?.comment ?? null;
    this.typedAt.set(key, new Date().toISOString());
    const seq = this.queuedConflicts.get(key)?.seq;
    if (seq !== undefined && old?.current) {
      // Typed over a refused offline change: the new value goes over what the server holds.
      this.queuedConflicts.delete(key);
      this.onDevice.delete(key);
      this.offline?.takeServer(seq);
      patch.version = old.current.version;
      patch.base = old.current.value;
    }
    this.update(key, kind, patch);
    this.send(key);
  }

  /** Conflict: send the teacher's value again over the current version. */
  keepMine(key: string) {
    const e = this.entities.get(key);
    if (!e?.current) return;
    const seq = this.queuedConflicts.get(key)?.seq;
    const over = { version: e.current.version, base: e.current.value, current: null, message: null };
    if (seq !== undefined && this.offline) {
      this.queuedConflicts.delete(key);
      this.update(key, e.kind, { ...over, status: 'pending' });
      this.offline.keepMine(seq, this.editReason ?? undefined);
      return;
    }
    this.update(key, e.kind, { ...over, status: 'saving' });
    this.send(key);
  }

  /** Conflict: take what the server holds. */
  takeCurrent(key: string) {
    const e = this.entities.get(key);
    if (!e?.current) return;
    const { value, comment, version } = e.current;
    const seq = this.queuedConflicts.get(key)?.seq;
    if (seq !== undefined) {
      this.queuedConflicts.delete(key);
      this.onDevice.delete(key);
      this.offline?.takeServer(seq);
    }
    this.update(key, e.kind, {
      value,
      comment,
      version,
      base: value,
      current: null,
      status: 'saved',
      message: null,
    });
  }

  /** Whether the cell's conflict is a refused offline change (its message says why). */
  refusedOnDevice(key: string): boolean {
    return this.queuedConflicts.has(key);
  }

  /** Why the server refused the cell's offline change (null: not a refused offline change). */
  refusal(key: string): Refusal | null {
    return this.queuedConflicts.get(key) ?? null;
  }

  /** Shows the course's changes kept on the device (after a reload): waiting ones pending, refused ones as conflicts. */
  restore(entries: readonly Queued[]) {
    for (const entry of entries) {
      const view = shownOf(entry);
      if (!view) continue;
      const kind = entry.change.kind === 'mark' ? 'mark' : 'attendance';
      const base =
        'base' in entry.change ? (entry.change.base as { value: string; version: number } | null) : null;
      const seen = base?.value;
      this.onDevice.add(entry.cellKey);
      this.update(entry.cellKey, kind, {
        ...view,
        version: base ? base.version : null,
        base: !seen
          ? ''
          : kind === 'mark'
            ? seen
            : attendanceGlyph(seen === 'late' ? 'late' : 'absent', null),
        status: 'pending',
        message: null,
        current: null,
      });
      if (entry.state === 'conflict' && entry.conflict) this.offlineConflict(entry);
    }
  }

  /** What happened to a change kept on the device: sent, or refused with the server's value. */
  absorbOffline(event: OutboxEvent) {
    const key = event.entry.cellKey;
    const e = this.entities.get(key);
    if (!e || e.kind === 'periodMark') return;
    if (event.type === 'conflict') {
      this.offlineConflict(event.entry);
      return;
    }
    if (event.type !== 'applied') return;
    const c = shown(e.kind, event.cell as ServerCell | null);
    // Typed again meanwhile: that newer change waits on the device, over the version just stored.
    const same = e.value === c.value && (e.kind !== 'mark' || e.comment === c.comment);
    if (same && e.status === 'pending' && !event.more) {
      this.onDevice.delete(key);
      this.update(key, e.kind, { ...c, base: c.value, status: 'saved' });
    } else this.update(key, e.kind, { version: c.version, base: c.value });
  }

  private offlineConflict(entry: Queued) {
    const e = this.entities.get(entry.cellKey);
    const conflict = entry.conflict;
    if (!e || !conflict) return;
    this.queuedConflicts.set(entry.cellKey, {
      seq: entry.seq,
      reason: conflict.reason,
      hidden: conflict.server === null,
    });
    this.update(entry.cellKey, e.kind, {
      status: 'conflict',
      message: conflict.message,
      current: shown(e.kind, (conflict.server?.cell ?? null) as ServerCell | null),
    });
  }

  /** Sends every waiting cell now (the connection is back, or the session was unlocked). */
  retryAll() {
    this.offline?.syncNow();
    for (const key of [...this.unsaved]) {
      const e = this.entities.get(key);
      if (e?.status !== 'pending' || this.onDevice.has(key)) continue;
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      this.send(key);
    }
  }

  /** Sends again every refused cell (after the teacher gave the reason the server asked for). */
  resendRefused() {
    for (const key of [...this.unsaved]) if (this.entities.get(key)?.status === 'error') this.send(key);
  }

  /** Stops the retry timers (the page is gone). */
  dispose() {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private body(e: Entity): [string, unknown] {
    const [, a, b, c] = e.key.split(':').map(Number) as [number, number, number, number];
    const editReason = this.editReason ?? undefined;
    if (e.kind === 'mark') {
      return [
        '/api/journal/marks',
        {
          lessonId: a,
          studentId: b,
          workKindId: c,
          value: e.value,
          comment: e.comment,
          version: e.version,
          editReason,
        },
      ];
    }
    if (e.kind === 'attendance') {
      const { value, reason } = glyphAttendance(e.value);
      return [
        '/api/journal/attendance',
        { lessonId: a, studentId: b, value, reason, version: e.version, editReason },
      ];
    }
    return [
      '/api/journal/period-marks',
      {
        courseId: this.grid.course.id,
        periodId: a,
        studentId: b,
        value: e.value,
        version: e.version,
        editReason,
      },
    ];
  }

  private send(key: string) {
    if (this.inFlight.has(key)) {
      this.dirty.add(key);
      return;
    }
    const e = this.entities.get(key);
    if (!e) return;
    if ((offlineNow() || this.onDevice.has(key)) && this.toDevice(e)) return;
    this.inFlight.add(key);
    if (e.status !== 'saving') this.update(key, e.kind, { status: 'saving' });
    const [path, body] = this.body(e);
    apiPost<{ cell: ServerCell | null }>(path, body).then(
      (answer) => this.saved(key, answer.cell),
      (error: unknown) => this.failed(key, error),
    );
  }

  private saved(key: string, cell: ServerCell | null) {
    this.inFlight.delete(key);
    this.attempts.delete(key);
    const e = this.entities.get(key)!;
    const c = shown(e.kind, cell);
    if (this.dirty.delete(key)) {
      // Typed again while this save was on its way: the newer value goes next, over the new version.
      this.update(key, e.kind, { version: c.version });
      this.send(key);
      return;
    }
    this.update(key, e.kind, { ...c, base: c.value, status: 'saved', message: null });
  }

  /** Keeps the cell's change on the device, if the course allows it; false when it cannot. */
  private toDevice(e: Entity): boolean {
    if (!this.offline?.canQueue()) return false;
    const draft = draftOf(e, this.editReason);
    if (!draft) return false;
    this.offline.queue(e.key, draft, this.typedAt.get(e.key) ?? new Date().toISOString());
    this.onDevice.add(e.key);
    this.update(e.key, e.kind, { status: 'pending', message: null });
    return true;
  }

  private failed(key: string, error: unknown) {
    this.inFlight.delete(key);
    const e = this.entities.get(key)!;
    const dirty = this.dirty.delete(key);
    if (isSessionLocked(error)) {
      // The session is locked: the cell waits for the password (retryAll after unlocking), not an error.
      this.update(key, e.kind, { status: 'pending', message: null });
      return;
    }
    if (error instanceof ApiError && error.code === 'network' && this.toDevice(e)) return;
    if (isRetryable(error)) {
      const attempt = (this.attempts.get(key) ?? 0) + 1;
      this.attempts.set(key, attempt);
      this.update(key, e.kind, { status: 'pending', message: null });
      const delay = dirty ? 0 : Math.min(retryCap, 500 * 2 ** attempt);
      clearTimeout(this.timers.get(key));
      this.timers.set(
        key,
        setTimeout(() => {
          this.timers.delete(key);
          this.send(key);
        }, delay),
      );
      return;
    }
    this.attempts.delete(key);
    const body = error instanceof ApiError ? error.body : undefined;
    if (error instanceof ApiError && error.status === 409 && isConflict(body)) {
      this.update(key, e.kind, {
        status: 'conflict',
        message: error.message,
        current: shown(e.kind, body.current as ServerCell | null),
      });
      return;
    }
    if (dirty) {
      this.send(key);
      return;
    }
    this.update(key, e.kind, {
      status: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
    if (error instanceof ApiError && error.fields.editReason && this.editReason === null)
      this.onReasonNeeded?.();
  }
}

/** Whether the browser says it has no connection (no `navigator`, as in unit tests: online). */
function offlineNow(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

function isConflict(body: unknown): body is z.infer<typeof cellConflict> {
  return typeof body === 'object' && body !== null && 'current' in body;
}
