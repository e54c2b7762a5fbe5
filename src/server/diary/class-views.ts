import type { z } from 'zod';
import type { classAcknowledgements } from '../../contract/diary.ts';
import { addDays, mondayOf, weekdayOf } from '../../domain/school-days.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { reachesAnything, reachOf } from '../access/scopes.ts';
import { type ControlClass, classById, fieldError, leadsClass } from '../control/control.policy.ts';
import { forbidden, notFound } from '../http/app-error.ts';
import { studentName } from '../journal/journal.present.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import { type AbsenceNotice, noticesQuery, presentNotice } from './notices.ts';

/**
 * The class if the actor may review its diaries (`diary.review`): the teacher who leads it, or
 * the school's deputy or director. Without the ability 403; a class out of reach 404.
 */
export async function requireClassReviewer(ctx: Ctx, classId: number): Promise<ControlClass> {
  const reach = reachOf(ctx.actor, 'diary.review');
  if (!reachesAnything(reach)) throw forbidden();
  const cls = await classById(ctx.db, classId);
  if (!cls) throw notFound();
  if (reach.schoolIds.includes(cls.schoolId)) return cls;
  if (reach.relations.has('classTeacher') && leadsClass(ctx, cls)) return cls;
  throw notFound();
}

/** Today's students of the class, in Russian name order. */
function studentsNow(db: Db, cls: ControlClass) {
  const on = today();
  return db
    .selectFrom('groupMemberships as gm')
    .innerJoin('persons as p', 'p.id', 'gm.studentId')
    .select(['p.id', 'p.lastName', 'p.firstName'])
    .where('gm.groupId', '=', cls.groupId)
    .where('gm.startsOn', '<=', on)
    .where((eb) => eb.or([eb('gm.endsOn', 'is', null), eb('gm.endsOn', '>=', on)]))
    .where('p.archivedAt', 'is', null)
    .orderBy('p.sortKey')
    .orderBy('p.id')
    .execute();
}

/** Who of the class's parents acknowledged a week (this week when left out). */
export async function classAcknowledgementsOf(
  ctx: Ctx,
  classId: number,
  weekStart?: string,
): Promise<z.infer<typeof classAcknowledgements>> {
  const cls = await requireClassReviewer(ctx, classId);
  if (weekStart !== undefined && weekdayOf(weekStart) !== 1)
    throw fieldError('weekStart', 'diaryWeekNotMonday');
  const week = weekStart ?? mondayOf(today());
  const students = await studentsNow(ctx.db, cls);
  const ids = students.length ? students.map((s) => s.id) : [-1];
  const guardians = await ctx.db
    .selectFrom('guardianships as g')
    .innerJoin('persons as p', 'p.id', 'g.guardianId')
    .leftJoin('weekAcknowledgements as a', (j) =>
      j
        .onRef('a.studentId', '=', 'g.studentId')
        .onRef('a.guardianId', '=', 'g.guardianId')
        .on('a.weekStart', '=', week),
    )
    .select(['g.studentId', 'p.id', 'p.lastName', 'p.firstName', 'p.middleName', 'a.at'])
    .where('g.studentId', 'in', ids)
    .where('g.archivedAt', 'is', null)
    .where('p.archivedAt', 'is', null)
    .orderBy('p.sortKey')
    .orderBy('p.id')
    .execute();
  return {
    classId: cls.id,
    className: `${cls.grade}${cls.letter}`,
    weekStart: week,
    students: students.map((s) => ({
      studentId: s.id,
      name: studentName(s),
      guardians: guardians
        .filter((g) => g.studentId === s.id)
        .map((g) => ({ id: g.id, name: shortName(g), at: g.at ?? null })),
    })),
  };
}

/** The notices of the class's students ending on or after `from` (a week ago when left out). */
export async function classNoticesOf(
  ctx: Ctx,
  classId: number,
  from?: string,
): Promise<{ notices: AbsenceNotice[] }> {
  const cls = await requireClassReviewer(ctx, classId);
  const students = await studentsNow(ctx.db, cls);
  if (students.length === 0) return { notices: [] };
  const rows = await noticesQuery(ctx.db)
    .where(
      'n.studentId',
      'in',
      students.map((s) => s.id),
    )
    .where('n.toDate', '>=', from ?? addDays(today(), -7))
    .limit(500)
    .execute();
  return { notices: rows.map(presentNotice) };
}
