import type { Transaction } from 'kysely';
import type { ChangeResult, conflictReasons, OfflineChange } from '../../contract/offline.ts';
import type { Ctx } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/app-error.ts';
import { type MessageKey, translate } from '../http/messages.ts';
import { saveLessonPage } from '../lessons/lesson-page.ts';
import { CellConflict } from './cell-write.ts';
import { personOf } from './journal.policy.ts';
import { saveAttendance } from './save-attendance.ts';
import { saveAttendanceColumn } from './save-attendance-column.ts';
import { saveMark } from './save-mark.ts';
import { AlreadyReceived, OutOfOrder, type Receipt, receivedResults, storeReceipt } from './sync.queries.ts';
import { type MadeAt, madeAtOf } from './sync-made-at.ts';
import { pageFields, serverValueOf } from './sync-server-value.ts';
import type { OfflineWrite } from './sync-write.ts';

type Reason = (typeof conflictReasons)[number];

/** Why a use case refused the change, as a conflict the teacher resolves. */
interface Refusal {
  reason: Reason;
  key: MessageKey;
  params: Record<string, string | number>;
}

/** The conflict a refusal of the online rules is to the device; null: not a refusal (a fault). */
function refusalOf(error: unknown): Refusal | null {
  if (error instanceof CellConflict) return { reason: 'cellChanged', key: 'syncCellChanged', params: {} };
  if (!(error instanceof AppError)) return null;
  const as = (reason: Reason, key: MessageKey): Refusal => ({ reason, key, params: error.params });
  switch (error.messageKey) {
    case 'journalPeriodClosed':
      return as('periodClosed', 'syncPeriodClosed');
    case 'journalNotMember':
      return as('studentMoved', 'syncStudentMoved');
    case 'journalReasonRequired':
      return as('editWindow', 'syncEditWindow');
    case 'journalLessonCancelled':
      return as('lessonGone', 'syncLessonGone');
    case 'journalCourseArchived':
      return as('forbidden', 'syncForbidden');
  }
  if (error.code === 'forbidden' || error.code === 'not_found') return as('forbidden', 'syncForbidden');
  // Anything else the online route refuses (a mark the rules no longer allow): its own message.
  const field = error.fields ? Object.values(error.fields)[0] : undefined;
  return as('invalid', field ?? error.messageKey);
}

/** The lesson page's fields the device changed must still hold what it saw (else cellChanged). */
async function checkPage(trx: Transaction<DB>, change: Extract<OfflineChange, { kind: 'lessonPage' }>) {
  const current = await trx
    .selectFrom('lessons')
    .select([...pageFields])
    .where('id', '=', change.lessonId)
    .executeTakeFirstOrThrow();
  for (const f of pageFields)
    if (change[f] !== undefined && (change.base[f] ?? null) !== current[f]) throw new CellConflict(null);
}

/** Runs a change through the online route's use case, with the base as the version seen. */
async function run(ctx: Ctx, change: OfflineChange, offline: OfflineWrite): Promise<void> {
  const { id: _id, seq: _seq, madeAt: _madeAt, checkpointId: _checkpoint, ...payload } = change;
  if (payload.kind === 'mark') {
    const { kind: _k, base, ...body } = payload;
    await saveMark(ctx, { ...body, version: base?.version ?? null }, offline);
  } else if (payload.kind === 'attendance') {
    const { kind: _k, base, ...body } = payload;
    await saveAttendance(ctx, { ...body, version: base?.version ?? null }, offline);
  } else if (payload.kind === 'attendanceTaken') {
    await saveAttendanceColumn(
      ctx,
      payload.lessonId,
      { entries: [], editReason: payload.editReason },
      offline,
    );
  } else {
    const { kind: _k, base: _b, lessonId, ...body } = payload;
    const check = (trx: Transaction<DB>) =>
      checkPage(trx, change as Extract<OfflineChange, { kind: 'lessonPage' }>);
    await saveLessonPage(ctx, lessonId, body, { ...offline, check });
  }
}

/** What the device is told when its change was stored meanwhile (a repeat sent at the same time). */
async function answerRepeat(ctx: Ctx, change: OfflineChange, error: unknown): Promise<ChangeResult> {
  if (error instanceof OutOfOrder)
    return { id: change.id, seq: change.seq, status: 'outOfOrder', lastSeq: error.lastSeq };
  const first = (await receivedResults(ctx.db, personOf(ctx)!, [change.id])).get(change.id);
  if (first) return { id: change.id, seq: change.seq, status: 'duplicate', first };
  // The id is someone else's: nothing stored, nothing applied.
  const message = translate(ctx.request.lang, 'syncIdTaken');
  return {
    id: change.id,
    seq: change.seq,
    status: 'conflict',
    reason: 'invalid',
    message,
    server: null,
    yours: change,
  };
}

/** Stores a refused change with its conflict (both values), so a repeat gets the same answer. */
async function refuse(ctx: Ctx, receipt: Receipt, change: OfflineChange, refusal: Refusal) {
  const hidden = refusal.reason === 'forbidden' || refusal.reason === 'lessonGone';
  const result: ChangeResult = {
    id: change.id,
    seq: change.seq,
    status: 'conflict',
    reason: refusal.reason,
    message: translate(ctx.request.lang, refusal.key, refusal.params),
    server: hidden ? null : await serverValueOf(ctx.db, change),
    yours: change,
  };
  try {
    await ctx.db.transaction().execute((trx) => storeReceipt(trx, receipt, result));
  } catch (error) {
    if (error instanceof AlreadyReceived || error instanceof OutOfOrder)
      return answerRepeat(ctx, change, error);
    throw error;
  }
  return result;
}

/**
 * Applies one offline change, by the online route's rules, in its own transaction with its receipt
 * and its audit event (which carries madeAt and arrivedAt); a refusal is stored as a conflict.
 */
export async function applyChange(
  ctx: Ctx,
  deviceId: string,
  change: OfflineChange,
  arrivedAt: string,
): Promise<ChangeResult> {
  const personId = personOf(ctx)!;
  // A lesson of a school the teacher has no role in answers as a missing one: the answer must not
  // tell whether another school's lesson id exists, and its receipt gets no foreign school.
  const schoolIds = ctx.actor.kind === 'person' ? ctx.actor.grants.flatMap((g) => g.schoolId ?? []) : [];
  const lesson = schoolIds.length
    ? await ctx.db
        .selectFrom('lessons')
        .select(['courseId', 'schoolId'])
        .where('id', '=', change.lessonId)
        .where('schoolId', 'in', schoolIds)
        .executeTakeFirst()
    : undefined;
  const receipt = (made: MadeAt): Receipt => ({
    id: change.id,
    schoolId: lesson?.schoolId ?? null,
    personId,
    deviceId,
    seq: change.seq,
    kind: change.kind,
    madeAt: made.madeAt,
    arrivedAt,
  });
  if (!lesson)
    return refuse(ctx, receipt({ madeAt: arrivedAt, clamped: null }), change, {
      reason: 'lessonGone',
      key: 'syncLessonGone',
      params: {},
    });
  const made = await madeAtOf(ctx.db, change, { personId, deviceId, courseId: lesson.courseId }, arrivedAt);
  let applied: ChangeResult | undefined;
  const offline: OfflineWrite = {
    madeAt: made.madeAt,
    audit: {
      offline: true,
      changeId: change.id,
      madeAt: made.madeAt,
      arrivedAt,
      ...(made.clamped && { clamped: made.clamped, claimedMadeAt: change.madeAt }),
    },
    async receive(trx, out) {
      const cell = out && typeof out === 'object' && 'cell' in out ? out.cell : undefined;
      applied = {
        id: change.id,
        seq: change.seq,
        status: 'applied',
        madeAt: made.madeAt,
        arrivedAt,
        clamped: made.clamped !== null,
        ...(cell !== undefined && { cell }),
      };
      await storeReceipt(trx, receipt(made), applied);
    },
  };
  try {
    await run(ctx, change, offline);
    return applied!;
  } catch (error) {
    if (error instanceof AlreadyReceived || error instanceof OutOfOrder)
      return answerRepeat(ctx, change, error);
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return refuse(ctx, receipt(made), change, refusal);
  }
}
