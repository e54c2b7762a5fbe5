import type { Transaction } from 'kysely';
import { systemCtx } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { draftClasses } from '../timetable/draft-timetable.ts';
import { type GenerationReport, regenerateLessons } from '../timetable/generate-lessons.ts';

/** What seeding a timetable made. */
export interface SeededTimetable {
  slots: number;
  unplacedHours: number;
  lessons: GenerationReport;
}

/**
 * Gives a seeded school its weekly timetable (the draft builder, through the same placing and
 * clash checks as a slot saved by hand) and generates the lessons of the whole year from it.
 */
export async function writeTimetable(
  trx: Transaction<DB>,
  school: { schoolId: number; academicYearId: number },
  year: { startsOn: string; endsOn: string },
): Promise<SeededTimetable> {
  const ctx = systemCtx(trx);
  const scope = { ...school, classIds: null };
  // Each class gets a home room (101, 102, …); its subgroups the rooms beside it.
  const classes = await trx
    .selectFrom('classes')
    .select('id')
    .where('schoolId', '=', school.schoolId)
    .where('academicYearId', '=', school.academicYearId)
    .orderBy('grade')
    .orderBy('letter')
    .execute();
  const rooms = new Map(classes.map((c, i) => [c.id, String(101 + i)]));
  const draft = await draftClasses(trx, ctx, { ...scope, from: year.startsOn }, rooms);
  const lessons = await regenerateLessons(trx, { ...scope, from: year.startsOn, to: year.endsOn });
  return {
    slots: draft.placed,
    unplacedHours: draft.unplaced.reduce((sum, u) => sum + u.hours, 0),
    lessons,
  };
}
