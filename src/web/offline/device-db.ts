import type { ChangeResult, OfflineChange } from '../../contract/offline.ts';

/**
 * The device's own store of the offline journal (IndexedDB, so only pages of this site can read
 * it): the changes made without a connection, the checkpoints of the courses loaded online, and
 * who the device belongs to now. It holds no names and no grid: the cached answers do (sw.js).
 */
const dbName = 'otmetka-offline';
const version = 1;

/** Where a queued change stands: waiting to be sent, or refused with a conflict the teacher decides. */
export type QueuedState = 'waiting' | 'conflict';

/** The conflict part of the server's answer, kept until the teacher chooses. */
export type Conflict = Extract<ChangeResult, { status: 'conflict' }>;

/** One change made offline, as kept on the device until the server has it. */
export interface Queued {
  /** The change's `seq`: the key, and the order the changes are sent in. */
  seq: number;
  change: OfflineChange;
  courseId: number;
  /** Where it was made, as the indicator names it (the course's subject and group). */
  place: string;
  /** The cell it changes (`m:lesson:student:kind`, `a:lesson:student`, `t:lesson`, `l:lesson`). */
  cellKey: string;
  state: QueuedState;
  conflict: Conflict | null;
}

/** Who the device's queue belongs to, and the numbers it hands out. */
export interface DeviceMeta {
  deviceId: string;
  personId: number;
  nextSeq: number;
}

/** The checkpoint taken when a course was last loaded online. */
export interface Checkpoint {
  courseId: number;
  checkpointId: number;
}

let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('changes', { keyPath: 'seq' });
      db.createObjectStore('checkpoints', { keyPath: 'courseId' });
      db.createObjectStore('meta');
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer version opening in another tab: this one steps aside and opens again when next used.
      db.onversionchange = () => {
        db.close();
        opened = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opened = null;
      reject(request.error);
    };
  });
  return opened;
}

type StoreName = 'changes' | 'checkpoints' | 'meta';

/** Runs `work` in one transaction over the stores; resolves when it has committed. */
async function inTransaction<T>(
  stores: StoreName[],
  mode: IDBTransactionMode,
  work: (get: (name: StoreName) => IDBObjectStore) => Promise<T> | T,
): Promise<T> {
  const db = await open();
  const trx = db.transaction(stores, mode);
  const done = new Promise<void>((resolve, reject) => {
    trx.oncomplete = () => resolve();
    trx.onerror = () => reject(trx.error);
    trx.onabort = () => reject(trx.error ?? new Error('aborted'));
  });
  const result = await work((name) => trx.objectStore(name));
  await done;
  return result;
}

function read<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Everything the device keeps: its owner, the queue (oldest first) and the checkpoints. */
export async function loadDevice(): Promise<{
  meta: DeviceMeta | undefined;
  queue: Queued[];
  checkpoints: Checkpoint[];
}> {
  return inTransaction(['changes', 'checkpoints', 'meta'], 'readonly', async (get) => {
    const [meta, queue, checkpoints] = await Promise.all([
      read(get('meta').get('device') as IDBRequest<DeviceMeta | undefined>),
      read(get('changes').getAll() as IDBRequest<Queued[]>),
      read(get('checkpoints').getAll() as IDBRequest<Checkpoint[]>),
    ]);
    return { meta, queue: queue.sort((a, b) => a.seq - b.seq), checkpoints };
  });
}

/** Writes the owner and the changed queue entries in one transaction (removing those in `remove`). */
export function saveDevice(
  meta: DeviceMeta,
  put: readonly Queued[],
  remove: readonly number[] = [],
): Promise<void> {
  return inTransaction(['changes', 'meta'], 'readwrite', (get) => {
    get('meta').put(meta, 'device');
    for (const seq of remove) get('changes').delete(seq);
    for (const q of put) get('changes').put(q);
  });
}

/** Keeps a course's checkpoint. */
export function saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
  return inTransaction(['checkpoints'], 'readwrite', (get) => {
    get('checkpoints').put(checkpoint);
  });
}

/** Forgets everything, or everything but the queue (kept for its owner after an ended session). */
export function clearDevice(keepQueue = false): Promise<void> {
  const stores: StoreName[] = keepQueue ? ['checkpoints'] : ['changes', 'checkpoints', 'meta'];
  return inTransaction(stores, 'readwrite', (get) => {
    for (const name of stores) get(name).clear();
  });
}
