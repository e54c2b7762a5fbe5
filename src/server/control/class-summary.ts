import type { z } from 'zod';
import type { classSummary } from '../../contract/control.ts';
import { weightedAverage } from '../../domain/marks.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { notFound } from '../http/app-error.ts';
import { type ControlClass, periodsOfClass, requireClassReader } from './control.policy.ts';

type Period = Awaited<ReturnType<typeof periodsOfClass>>[number];

/** The period asked for (of the class's own periods), else the study period holding today, else the last begun. */
function choosePeriod(periods: Period[], periodId: number | undefined): Period {
  if (periodId !== undefined) {
    const asked = periods.find((p) => p.id === periodId);
    if (!asked) throw notFound();
    return asked;
  }
  const on = today();
  const terms = periods.filter((p) => p.kind === 'term');
  const chosen =
    terms.find((p) => p.startsOn <= on && on <= p.endsOn) ??
    terms.filter((p) => p.startsOn <= on).at(-1) ??
    terms[0] ??
    periods[0];
  if (!chosen) throw notFound();
  return chosen;
}

/** The ids of the class group's members at any time in the period (a subquery). */
function memberIds(ctx: Ctx, cls: ControlClass, period: Period) {
  return ctx.db
    .selectFrom('groupMemberships')
    .select('groupMemberships.studentId')
    .where('groupMemberships.groupId', '=', cls.groupId)
    .where('groupMemberships.startsOn', '<=', period.endsOn)
    .where((w) =>
      w.or([w('groupMemberships.endsOn', 'is', null), w('groupMemberships.endsOn', '>=', period.startsOn)]),
    );
}

/**
 * The class teacher's (and the leadership's) read-only view of a class in a period: every subject
 * its students were taught, and per student and subject the weighted average of their live marks
 * (marks made in a group the student has since left count too), how many marks, the period mark;
 * with each student's absences and lateness. A handful of set-based queries, none per student.
 */
export async function getClassSummary(
  ctx: Ctx,
  classId: number,
  periodId?: number,
): Promise<z.infer<typeof classSummary>> {
  const cls = await requireClassReader(ctx, classId);
  const periods = await periodsOfClass(ctx.db, cls);
  const period = choosePeriod(periods, periodId);
  const students = await ctx.db
    .selectFrom('persons')
    .select(['id', 'lastName', 'firstName'])
    .where('id', 'in', memberIds(ctx, cls, period))
    .orderBy('sortKey')
    .orderBy('id')
    .execute();
  const studentIds = memberIds(ctx, cls, period);
  // Lesson dates bound the marks and attendance; a year, exam or final period spans the year.
  const [subjects, marks, periodMarks, attendance] = students.length
    ? await Promise.all([
        ctx.db
          .selectFrom('groupMemberships')
          .innerJoin('courses', 'courses.groupId', 'groupMemberships.groupId')
          .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
          .select(['subjects.id', 'subjects.name', 'subjects.shortName', 'subjects.sortOrder'])
          .distinct()
          .where('groupMemberships.studentId', 'in', studentIds)
          .where('groupMemberships.startsOn', '<=', period.endsOn)
          .where((w) =>
            w.or([
              w('groupMemberships.endsOn', 'is', null),
              w('groupMemberships.endsOn', '>=', period.startsOn),
            ]),
          )
          .where('courses.academicYearId', '=', cls.academicYearId)
          .orderBy('subjects.sortOrder')
          .orderBy('subjects.name')
          .orderBy('subjects.id')
          .execute(),
        ctx.db
          .selectFrom('marks')
          .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
          .innerJoin('courses', 'courses.id', 'lessons.courseId')
          .innerJoin('workKinds', 'workKinds.id', 'marks.workKindId')
          .select(['marks.studentId', 'courses.subjectId', 'marks.value', 'workKinds.weight'])
          .where('marks.studentId', 'in', studentIds)
          .where('marks.deletedAt', 'is', null)
          .where('lessons.date', '>=', period.startsOn)
          .where('lessons.date', '<=', period.endsOn)
          .where('courses.academicYearId', '=', cls.academicYearId)
          .execute(),
        ctx.db
          .selectFrom('periodMarks')
          .select(['studentId', 'subjectId', 'value'])
          .where('periodId', '=', period.id)
          .where('studentId', 'in', studentIds)
          .where('deletedAt', 'is', null)
          .execute(),
        ctx.db
          .selectFrom('attendance')
          .innerJoin('lessons', 'lessons.id', 'attendance.lessonId')
          .select(['attendance.studentId', 'attendance.value'])
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('attendance.studentId', 'in', studentIds)
          .where('attendance.deletedAt', 'is', null)
          .where('lessons.date', '>=', period.startsOn)
          .where('lessons.date', '<=', period.endsOn)
          .groupBy(['attendance.studentId', 'attendance.value'])
          .execute(),
      ])
    : [[], [], [], []];
  const key = (studentId: number, subjectId: number) => `${studentId}:${subjectId}`;
  const markCells = new Map<string, { value: string; weight: number }[]>();
  for (const m of marks) {
    const k = key(m.studentId, m.subjectId);
    const list = markCells.get(k) ?? [];
    list.push({ value: m.value, weight: Number(m.weight) });
    markCells.set(k, list);
  }
  const finals = new Map(periodMarks.map((p) => [key(p.studentId, p.subjectId), p.value]));
  const counts = new Map(attendance.map((a) => [`${a.studentId}:${a.value}`, Number(a.n)]));
  return {
    classId: cls.id,
    className: `${cls.grade}${cls.letter}`,
    period: { id: period.id, name: period.name, startsOn: period.startsOn, endsOn: period.endsOn },
    periods: periods.map((p) => ({ id: p.id, name: p.name })),
    subjects: subjects.map((s) => ({ id: s.id, name: s.name, shortName: s.shortName })),
    students: students.map((s) => ({
      id: s.id,
      name: `${s.lastName} ${s.firstName}`,
      cells: subjects.map((subject) => {
        const cell = markCells.get(key(s.id, subject.id)) ?? [];
        const average = weightedAverage(cell);
        return {
          subjectId: subject.id,
          average: average === null ? null : Math.round(average * 100) / 100,
          marks: cell.length,
          periodMark: finals.get(key(s.id, subject.id)) ?? null,
        };
      }),
      absences: counts.get(`${s.id}:absent`) ?? 0,
      lateness: counts.get(`${s.id}:late`) ?? 0,
    })),
  };
}
