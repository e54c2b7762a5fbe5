import type { z } from 'zod';
import type { weekResponse } from '../../contract/timetable.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { reachOf } from '../access/scopes.ts';
import { requireClass, requireSchool } from './timetable.policy.ts';
import { bellsOf, classSlotsOn, coursesQuery, shortName, teachersOfSchool } from './timetable.queries.ts';

/** The courses of a class's groups in its year, in the journal's subject order. */
export function classCourses(ctx: Ctx, cls: { id: number; schoolId: number; academicYearId: number }) {
  return coursesQuery(ctx.db, cls.schoolId)
    .where('groups.classId', '=', cls.id)
    .where('courses.academicYearId', '=', cls.academicYearId)
    .orderBy('subjects.sortOrder')
    .orderBy('groups.name')
    .execute();
}

/** The terms of a class's year in its grade's scheme (quarters, trimesters or halves). */
function periodsOf(ctx: Ctx, cls: { schoolId: number; academicYearId: number; grade: number }) {
  return ctx.db
    .selectFrom('periods')
    .select(['periods.id', 'periods.name', 'periods.startsOn', 'periods.endsOn'])
    .where('periods.schoolId', '=', cls.schoolId)
    .where('periods.academicYearId', '=', cls.academicYearId)
    .where('periods.kind', '=', 'term')
    .where((eb) =>
      eb(
        'periods.scheme',
        '=',
        eb
          .selectFrom('gradeSchemes')
          .select('gradeSchemes.scheme')
          .where('gradeSchemes.academicYearId', '=', cls.academicYearId)
          .where('gradeSchemes.grade', '=', cls.grade)
          .limit(1),
      ),
    )
    .orderBy('periods.startsOn')
    .execute();
}

/** A class's weekly timetable in force on a date, with its courses and the bell times. */
export async function getWeek(
  ctx: Ctx,
  classId: number,
  on = today(),
): Promise<z.infer<typeof weekResponse>> {
  const cls = await requireClass(ctx, classId, 'timetable.view');
  const [slots, courses, bells, periods] = await Promise.all([
    classSlotsOn(ctx.db, classId, on),
    classCourses(ctx, cls),
    bellsOf(ctx.db, cls.schoolId),
    periodsOf(ctx, cls),
  ]);
  const placed = new Map<number, number>();
  for (const s of slots) placed.set(s.courseId, (placed.get(s.courseId) ?? 0) + 1);
  return {
    classId,
    className: `${cls.grade}${cls.letter}`,
    on,
    daysPerWeek: cls.daysPerWeek,
    slots: slots.map(({ lastName, firstName, middleName, ...s }) => ({
      ...s,
      teacher: shortName({ lastName, firstName, middleName }),
    })),
    courses: courses.map((c) => ({
      id: c.id,
      subject: c.subject,
      group: c.group,
      groupKind: c.groupKind,
      teacher: shortName(c),
      hoursPerWeek: c.hoursPerWeek,
      placed: placed.get(c.id) ?? 0,
    })),
    bells,
    periods,
    canManage: reachOf(ctx.actor, 'timetable.manage').schoolIds.includes(cls.schoolId),
  };
}

/** The teachers of the actor's school who may substitute. */
export async function listTeachers(ctx: Ctx, schoolId: number) {
  await requireSchool(ctx, schoolId, 'timetable.view');
  const rows = await teachersOfSchool(ctx.db, schoolId);
  return rows.map((t) => ({ id: t.id, name: shortName(t) }));
}
