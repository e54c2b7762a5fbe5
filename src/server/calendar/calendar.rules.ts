import type { BellProblem, PeriodProblem } from '../../domain/periods.ts';
import type { CalendarEntryProblem } from '../../domain/school-days.ts';
import type { Db } from '../access/actor.ts';
import { lockForTransaction } from '../db/locks.ts';
import { AppError } from '../http/app-error.ts';
import type { MessageKey } from '../http/messages.ts';

const periodKeys: Record<PeriodProblem['problem'], MessageKey> = {
  endsBeforeStart: 'calendarEndsBeforeStart',
  outsideYear: 'calendarOutsideYear',
  order: 'calendarPeriodOrder',
  count: 'calendarPeriodCount',
};
const entryKeys: Record<CalendarEntryProblem['problem'], MessageKey> = {
  endsBeforeStart: 'calendarEndsBeforeStart',
  outsideYear: 'calendarOutsideYear',
  transferOneDay: 'calendarTransferOneDay',
  transferWeekday: 'calendarTransferWeekday',
  weekdayNotTransfer: 'calendarWeekdayNotTransfer',
};
const bellKeys: Record<BellProblem['problem'], MessageKey> = {
  duplicate: 'calendarBellDuplicate',
  endsBeforeStart: 'calendarBellEndsBeforeStart',
  order: 'calendarBellOrder',
};

/**
 * Holds the school's calendar until the transaction ends, so that a change sent twice at once is
 * checked against the other's result (no overlapping years, no weekday in two bell sets).
 */
export function lockCalendar(trx: Db, schoolId: number): Promise<void> {
  return lockForTransaction(trx, `calendar:${schoolId}`);
}

/** A 400 naming each field with its problem (the first problem of a field wins). */
export function invalidFields(fields: [string, MessageKey][]): AppError {
  const byField: Record<string, MessageKey> = {};
  for (const [name, key] of fields) byField[name] ??= key;
  return new AppError('validation', fields[0]?.[1] ?? 'invalidValue', {}, byField);
}

/** Throws a 400 naming the periods' fields when the domain found problems. */
export function refusePeriodProblems(problems: PeriodProblem[]): void {
  if (problems.length === 0) return;
  throw invalidFields(
    problems.map((p) => [
      p.index === null ? 'periods' : `periods.${p.index}.${p.field}`,
      periodKeys[p.problem],
    ]),
  );
}

/** Throws a 400 naming the entry's fields when the domain found problems. */
export function refuseEntryProblems(problems: CalendarEntryProblem[]): void {
  if (problems.length === 0) return;
  throw invalidFields(problems.map((p) => [p.field, entryKeys[p.problem]]));
}

/** Throws a 400 naming the bell rows' fields when the domain found problems. */
export function refuseBellProblems(problems: BellProblem[]): void {
  if (problems.length === 0) return;
  throw invalidFields(problems.map((p) => [`times.${p.index}.${p.field}`, bellKeys[p.problem]]));
}
