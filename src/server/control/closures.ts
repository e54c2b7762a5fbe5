import type { z } from 'zod';
import type { closuresAnswer } from '../../contract/control.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { isUniqueViolation } from '../journal/cell-write.ts';
import { lockClassesForClose } from '../journal/journal.policy.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import {
  classById,
  fieldError,
  leadershipSchool,
  periodsOfClass,
  reachesSchool,
  refuse,
} from './control.policy.ts';

/** The year to show: the one asked for (of the actor's school), else the year holding today, else the latest. */
async function yearOf(ctx: Ctx, schoolId: number, yearId: number | undefined): Promise<number> {
  const years = await ctx.db
    .selectFrom('academicYears')
    .select(['id', 'startsOn', 'endsOn'])
    .where('schoolId', '=', schoolId)
    .orderBy('startsOn', 'desc')
    .execute();
  if (yearId !== undefined) {
    if (!years.some((y) => y.id === yearId)) throw notFound();
    return yearId;
  }
  const on = today();
  const year = years.find((y) => y.startsOn <= on && on <= y.endsOn) ?? years[0];
  if (!year) throw notFound();
  return year.id;
}

const kindOrder = { term: 0, year: 1, exam: 2, final: 3 } as const;

/**
 * The leadership's table of closing: every period of the year (the study periods of each scheme,
 * then the year, exam and final), the classes with their grade's scheme, and the closures in force.
 */
export async function listClosures(ctx: Ctx, yearId?: number): Promise<z.infer<typeof closuresAnswer>> {
  const schoolId = leadershipSchool(ctx, 'journal.view');
  const academicYearId = await yearOf(ctx, schoolId, yearId);
  const [periods, classes, closures] = await Promise.all([
    ctx.db
      .selectFrom('periods')
      .select(['id', 'name', 'kind', 'scheme', 'startsOn', 'endsOn'])
      .where('academicYearId', '=', academicYearId)
      .orderBy('scheme')
      .orderBy('startsOn')
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('classes')
      .leftJoin('gradeSchemes', (j) =>
        j
          .onRef('gradeSchemes.academicYearId', '=', 'classes.academicYearId')
          .onRef('gradeSchemes.grade', '=', 'classes.grade'),
      )
      .select(['classes.id', 'classes.grade', 'classes.letter', 'gradeSchemes.scheme'])
      .where('classes.academicYearId', '=', academicYearId)
      .where('classes.archivedAt', 'is', null)
      .orderBy('classes.grade')
      .orderBy('classes.letter')
      .orderBy('classes.id')
      .execute(),
    ctx.db
      .selectFrom('periodClosures')
      .innerJoin('periods', 'periods.id', 'periodClosures.periodId')
      .innerJoin('persons', 'persons.id', 'periodClosures.closedBy')
      .select([
        'periodClosures.periodId',
        'periodClosures.classId',
        'periodClosures.closedAt',
        'persons.lastName',
        'persons.firstName',
        'persons.middleName',
      ])
      .where('periods.academicYearId', '=', academicYearId)
      .where('periodClosures.reopenedAt', 'is', null)
      .orderBy('periodClosures.periodId')
      .orderBy('periodClosures.classId')
      .execute(),
  ]);
  return {
    yearId: academicYearId,
    periods: [...periods].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]),
    classes: classes.map((c) => ({
      id: c.id,
      name: `${c.grade}${c.letter}`,
      grade: c.grade,
      scheme: c.scheme ?? 'quarters',
    })),
    closures: closures.map((c) => ({
      periodId: c.periodId,
      classId: c.classId,
      closedAt: String(c.closedAt),
      closedBy: shortName(c),
    })),
    canClose: reachesSchool(ctx, schoolId, 'journal.close'),
  };
}

/**
 * The class and period to close or reopen: both in a school where the actor closes periods
 * (404 if not seen at all, 403 for staff who may not close), of the same year, and one of the
 * class's own periods (its scheme's terms, the year, and exam and final for grades 9 and 11).
 */
async function requireClosable(ctx: Ctx, periodId: number, classId: number) {
  const cls = await classById(ctx.db, classId);
  if (!cls) throw notFound();
  if (!reachesSchool(ctx, cls.schoolId, 'journal.close')) throw refuse(ctx, cls.schoolId);
  const period = await ctx.db
    .selectFrom('periods')
    .select(['id', 'schoolId', 'academicYearId', 'kind', 'scheme', 'name'])
    .where('id', '=', periodId)
    .executeTakeFirst();
  if (!period || period.schoolId !== cls.schoolId) throw notFound();
  if (period.academicYearId !== cls.academicYearId) throw fieldError('periodId', 'controlPeriodOtherYear');
  if (!(await periodsOfClass(ctx.db, cls)).some((p) => p.id === period.id))
    throw fieldError('periodId', 'controlPeriodOtherScheme');
  return { cls, period };
}

/** Whether a period is closed for the class after the change. */
export interface ClosureState {
  periodId: number;
  classId: number;
  closed: boolean;
}

/**
 * The deputy or director closes a period for a class: its marks, attendance, reasons and period
 * marks become read-only. The class's closing lock is taken exclusively, so the close waits for
 * journal writes under way and none starts before it commits (PostgreSQL; SQLite serialises
 * writes). Closing a closed period is a conflict (409); concurrent closes are serialised by the
 * same lock, and the partial unique index keeps one closure in force on either engine.
 */
export async function closePeriod(ctx: Ctx, periodId: number, classId: number): Promise<ClosureState> {
  const { cls, period } = await requireClosable(ctx, periodId, classId);
  const me = ctx.actor.kind === 'person' ? ctx.actor.personId : null;
  if (me === null) throw notFound();
  const closing = ctx.db.transaction().execute(async (trx) => {
    await lockClassesForClose(trx, [classId]);
    const open = await trx
      .selectFrom('periodClosures')
      .select('id')
      .where('periodId', '=', periodId)
      .where('classId', '=', classId)
      .where('reopenedAt', 'is', null)
      .executeTakeFirst();
    if (open) throw new AppError('conflict', 'controlAlreadyClosed');
    const closedAt = new Date().toISOString();
    const row = await trx
      .insertInto('periodClosures')
      .values({ schoolId: cls.schoolId, periodId, classId, closedAt, closedBy: me })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId: cls.schoolId,
      action: 'journal.period.close',
      entity: 'periodClosure',
      entityId: row.id,
      after: { periodId, period: period.name, classId, class: `${cls.grade}${cls.letter}`, closedAt },
    });
  });
  // Another process may close it between our check and insert (SQLite takes no advisory lock):
  // the partial unique index refuses the second closure in force, and that is the same conflict.
  await closing.catch((error: unknown) => {
    throw isUniqueViolation(error) ? new AppError('conflict', 'controlAlreadyClosed') : error;
  });
  return { periodId, classId, closed: true };
}

/** The deputy or director reopens a closed period for a class, with a reason (409 if not closed). */
export async function reopenPeriod(
  ctx: Ctx,
  periodId: number,
  classId: number,
  reason: string,
): Promise<ClosureState> {
  const { cls, period } = await requireClosable(ctx, periodId, classId);
  const me = ctx.actor.kind === 'person' ? ctx.actor.personId : null;
  if (me === null) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await lockClassesForClose(trx, [classId]);
    const open = await trx
      .selectFrom('periodClosures')
      .select(['id', 'closedAt', 'closedBy'])
      .where('periodId', '=', periodId)
      .where('classId', '=', classId)
      .where('reopenedAt', 'is', null)
      .executeTakeFirst();
    if (!open) throw new AppError('conflict', 'controlNotClosed');
    const reopenedAt = new Date().toISOString();
    await trx
      .updateTable('periodClosures')
      .set({ reopenedAt, reopenedBy: me, reopenReason: reason })
      .where('id', '=', open.id)
      .execute();
    await recordAudit(trx, ctx, {
      schoolId: cls.schoolId,
      action: 'journal.period.reopen',
      entity: 'periodClosure',
      entityId: open.id,
      before: {
        periodId,
        period: period.name,
        classId,
        class: `${cls.grade}${cls.letter}`,
        closedAt: open.closedAt,
        closedBy: open.closedBy,
      },
      after: { reopenedAt, reason },
    });
  });
  return { periodId, classId, closed: false };
}
