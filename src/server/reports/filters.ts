import type { z } from 'zod';
import type { reportFilters } from '../../contract/reports.ts';
import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { resolveReportScope } from './report-scope.ts';

type Filters = z.infer<typeof reportFilters>;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'ru');

/** The choices of the report filters: only the classes, subjects, teachers and courses the actor sees. */
export async function getReportFilters(ctx: Ctx, yearId?: number): Promise<Filters> {
  const scope = await resolveReportScope(ctx, yearId === undefined ? {} : { yearId }, { classLevel: true });
  const [years, periods] = await Promise.all([
    ctx.db
      .selectFrom('academicYears')
      .select(['id', 'name'])
      .where('schoolId', '=', scope.schoolId)
      .orderBy('startsOn')
      .execute(),
    ctx.db
      .selectFrom('periods')
      .select(['id', 'name', 'scheme', 'kind', 'startsOn', 'endsOn'])
      .where('schoolId', '=', scope.schoolId)
      .where('academicYearId', '=', scope.yearId)
      .where('kind', 'in', ['term', 'year'])
      .orderBy('scheme')
      .orderBy('startsOn')
      .execute(),
  ]);
  const classes = new Map<number, string>();
  const subjects = new Map<number, string>();
  const teachers = new Map<number, string>();
  for (const c of scope.courses) {
    if (c.classId !== null && c.className !== null) classes.set(c.classId, c.className);
    subjects.set(c.subjectId, c.subject);
    teachers.set(c.teacherId, c.teacher);
  }
  const list = (m: Map<number, string>) => [...m].map(([id, name]) => ({ id, name }));
  return {
    yearId: scope.yearId,
    years,
    periods,
    classes: list(classes),
    subjects: list(subjects).sort(byName),
    teachers: list(teachers).sort(byName),
    courses: scope.courses.map((c) => ({
      id: c.id,
      subject: c.subject,
      group: c.group,
      teacher: c.teacher,
      classId: c.classId,
      subjectId: c.subjectId,
      teacherId: c.teacherId,
    })),
    whole: scope.whole,
    canRemark: reachOf(ctx.actor, 'remarks.write').schoolIds.includes(scope.schoolId),
  };
}
