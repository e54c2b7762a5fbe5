import { z } from 'zod';
import { attendanceBody, attendanceCell, markBody, markCell } from './journal.ts';
import { lessonBody } from './lessons.ts';

const id = z.number().int().positive().max(2_147_483_647);

/** The most changes one sync request carries; a longer queue is sent in several requests. */
export const maxSyncChanges = 500;

/** Why an offline change was not applied: the teacher sees both values and chooses. */
export const conflictReasons = [
  'cellChanged',
  'periodClosed',
  'studentMoved',
  'editWindow',
  'forbidden',
  'lessonGone',
  'invalid',
] as const;

/** What the device believed a mark cell held when the change was made (null: empty). */
const markBase = z.strictObject({ value: z.string().max(10), version: z.number().int().min(0) }).nullable();
/** What the device believed an attendance cell held (null: present, no entry). */
const attendanceBase = z
  .strictObject({ value: attendanceBody.shape.value.unwrap(), version: z.number().int().min(0) })
  .nullable();

/** What every offline change carries besides its payload. */
const changeHead = {
  /** Made by the device once; a repeated id is answered with the first result, nothing applied again. */
  id: z.uuid(),
  /** Per device, increasing: the order the changes were made in. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** When the teacher made the change, by the device's clock (clamped by the server). */
  madeAt: z.iso.datetime({ offset: true }),
  /** The checkpoint the device took when it last loaded the lesson's course online. */
  checkpointId: id,
};

/** A mark cell set, changed or cleared ('') offline: the fields of `POST /api/journal/marks`. */
const markChange = z.strictObject({
  ...changeHead,
  kind: z.literal('mark'),
  ...markBody.omit({ version: true }).shape,
  base: markBase,
});
/** An attendance cell set or cleared offline: the fields of `POST /api/journal/attendance`. */
const attendanceChange = z.strictObject({
  ...changeHead,
  kind: z.literal('attendance'),
  ...attendanceBody.omit({ version: true }).shape,
  base: attendanceBase,
});
/** «Attendance taken» confirmed offline for a lesson (no base: the first confirmation's time stays). */
const attendanceTakenChange = z.strictObject({
  ...changeHead,
  kind: z.literal('attendanceTaken'),
  lessonId: id,
  editReason: attendanceBody.shape.editReason,
});
const pageShape = lessonBody.omit({ editReason: true }).shape;
/** The lesson page changed offline; `base` holds what the device saw of each field it changes. */
const lessonPageChange = z.strictObject({
  ...changeHead,
  kind: z.literal('lessonPage'),
  lessonId: id,
  ...pageShape,
  editReason: lessonBody.shape.editReason,
  base: z.strictObject(pageShape),
});

/** One change made offline. */
export const offlineChange = z.discriminatedUnion('kind', [
  markChange,
  attendanceChange,
  attendanceTakenChange,
  lessonPageChange,
]);
/** One change made offline, as sent. */
export type OfflineChange = z.infer<typeof offlineChange>;

/**
 * `POST /api/journal/sync`: the device's queue, oldest first. The server applies the changes in
 * `seq` order, each like its online route with the base as the version seen; repeats of an id are
 * answered from the first time. A conflict is resolved by a NEW change (new id, next seq) carrying
 * the value the teacher chose and, as base, the server's value from the conflict (and an
 * `editReason` for `editWindow`).
 */
export const syncBody = z.strictObject({
  deviceId: z.uuid(),
  changes: z.array(offlineChange).min(1).max(maxSyncChanges),
});

/** `POST /api/journal/sync/checkpoint`: the device loaded a course online and may now work offline. */
export const checkpointBody = z.strictObject({ deviceId: z.uuid(), courseId: id });
/** The checkpoint: changes made under it count as made no earlier than `at`. */
export const checkpointSaved = z.object({ checkpointId: z.number(), at: z.string() });

/** The server side of a conflict: what is stored now (as the grid shows it), who changed it and when. */
export const serverValue = z.object({
  cell: z.union([markCell, attendanceCell, z.record(z.string(), z.unknown())]).nullable(),
  by: z.string().nullable(),
  at: z.string().nullable(),
});

/** The result of one change. */
export const changeResult = z.discriminatedUnion('status', [
  z.object({
    id: z.string(),
    seq: z.number(),
    status: z.literal('applied'),
    /** The time the change counts as made: `madeAt`, clamped to [checkpoint, arrival]. */
    madeAt: z.string(),
    arrivedAt: z.string(),
    clamped: z.boolean(),
    /** The cell as stored now (null: cleared); the lesson page's fields; nothing for «taken». */
    cell: z.unknown().optional(),
  }),
  z.object({
    id: z.string(),
    seq: z.number(),
    status: z.literal('conflict'),
    reason: z.enum(conflictReasons),
    message: z.string(),
    /** Null where the teacher may no longer see the cell. */
    server: serverValue.nullable(),
    yours: z.record(z.string(), z.unknown()),
  }),
  z.object({
    id: z.string(),
    seq: z.number(),
    /** Seen before: `first` is the result it had then; nothing was applied again. */
    status: z.literal('duplicate'),
    first: z.record(z.string(), z.unknown()),
  }),
  z.object({
    id: z.string(),
    seq: z.number(),
    /** Its seq is not above the last one received from the device: refused, not stored. */
    status: z.literal('outOfOrder'),
    lastSeq: z.number(),
  }),
]);
/** The result of one change. */
export type ChangeResult = z.infer<typeof changeResult>;

/** One result per change, in the order sent. */
export const syncAnswer = z.object({ results: z.array(changeResult) });
