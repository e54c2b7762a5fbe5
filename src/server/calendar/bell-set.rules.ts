import type { z } from 'zod';
import type { bellBody } from '../../contract/calendar.ts';
import { checkBellTimes } from '../../domain/periods.ts';
import type { Db } from '../access/actor.ts';
import { bellSetsOfSchool } from './calendar.queries.ts';
import { invalidFields, refuseBellProblems } from './calendar.rules.ts';

/** A bell set as the administrator sends it. */
export type BellInput = z.infer<typeof bellBody>;

/** Refuses weekdays of the set that belong to another set of the school. */
export async function refuseTakenWeekdays(
  trx: Db,
  schoolId: number,
  input: BellInput,
  exceptId: number | null,
) {
  const others = (await bellSetsOfSchool(trx, schoolId)).filter((s) => s.id !== exceptId);
  const taken = new Set(others.flatMap((s) => s.weekdays));
  if (input.weekdays.some((d) => taken.has(d))) throw invalidFields([['weekdays', 'calendarWeekdayTaken']]);
  return others.length;
}

/** Replaces the lesson times of a bell set. */
export async function writeBellTimes(trx: Db, schoolId: number, setId: number, input: BellInput) {
  await trx.deleteFrom('bellTimes').where('bellScheduleId', '=', setId).execute();
  await trx
    .insertInto('bellTimes')
    .values(input.times.map((t) => ({ schoolId, bellScheduleId: setId, ...t })))
    .execute();
}

/**
 * Refuses lesson times that break the rules (naming the rows as sent), then orders the set:
 * weekdays once each, lessons by number.
 */
export function checkedBellSet(input: BellInput): BellInput {
  refuseBellProblems(checkBellTimes(input.times));
  return {
    ...input,
    weekdays: [...new Set(input.weekdays)].sort((a, b) => a - b),
    times: [...input.times].sort((a, b) => a.lessonNumber - b.lessonNumber),
  };
}
