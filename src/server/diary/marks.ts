import type { z } from 'zod';
import type { diaryMarks, diarySubject } from '../../contract/diary.ts';
import { weightedAverage } from '../../domain/marks.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { periodsOfClass } from '../control/control.policy.ts';
import { AppError } from '../http/app-error.ts';
import { studentName } from '../journal/journal.present.ts';
import { requireDiaryReader } from './diary.policy.ts';
import { className, classOf, groupsDuring } from './diary.queries.ts';

/** A student's marks by subject for a period. */
export type DiaryMarks = z.infer<typeof diaryMarks>;
type Subject = z.infer<typeof diarySubject>;

/** The default period: the term holding today, else the latest begun, else the first. */
function defaultPeriod<P extends { id: number; kind: string; startsOn: string; endsOn: string }>(
  periods: P[],
  on: string,
): P | undefined {
  const terms = periods.filter((p) => p.kind === 'term');
  return (
    terms.find((p) => p.startsOn <= on && on <= p.endsOn) ??
    terms.filter((p) => p.startsOn <= on).at(-1) ??
    terms[0] ??
    periods[0]
  );
}

/** `GET /api/diary/:studentId/marks`: the marks, weighted averages and period marks by subject. */
export async function getDiaryMarks(ctx: Ctx, studentId: number, periodId?: number): Promise<DiaryMarks> {
  const student = await requireDiaryReader(ctx, studentId);
  const on = today();
  const groupsNow = await groupsDuring(ctx.db, studentId, on, on);
  let cls = await classOf(ctx.db, groupsNow, on);
  if (!cls) {
    // Out of school today (the summer): the latest class of the student's memberships.
    const all = await groupsDuring(ctx.db, studentId, '0001-01-01', '9999-12-31');
    cls = await classOf(ctx.db, all, on);
  }
  const name = { id: student.id, name: studentName(student), className: className(cls) };
  if (!cls) {
    if (periodId !== undefined)
      throw new AppError('validation', 'diaryNoSuchPeriod', {}, { periodId: 'diaryNoSuchPeriod' });
    return { student: name, periods: [], periodId: null, subjects: [] };
  }
  const periods = await periodsOfClass(ctx.db, { ...cls, groupId: 0 });
  const period = periodId === undefined ? defaultPeriod(periods, on) : periods.find((p) => p.id === periodId);
  if (!period) throw new AppError('validation', 'diaryNoSuchPeriod', {}, { periodId: 'diaryNoSuchPeriod' });
  const groups = await groupsDuring(ctx.db, studentId, period.startsOn, period.endsOn);
  const groupIds = [...groups.keys()];
  const [courses, marks, periodMarks] = await Promise.all([
    ctx.db
      .selectFrom('courses')
      .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
      .select(['subjects.id', 'subjects.name', 'subjects.sortOrder'])
      .where('courses.groupId', 'in', groupIds.length ? groupIds : [-1])
      .where('courses.academicYearId', '=', cls.academicYearId)
      .execute(),
    ctx.db
      .selectFrom('marks')
      .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
      .innerJoin('workKinds', 'workKinds.id', 'marks.workKindId')
      .select([
        'subjects.id as subjectId',
        'subjects.name as subject',
        'subjects.sortOrder',
        'lessons.id as lessonId',
        'lessons.date',
        'marks.value',
        'marks.comment',
        'workKinds.name as workKind',
        'workKinds.weight',
      ])
      .where('marks.studentId', '=', studentId)
      .where('marks.deletedAt', 'is', null)
      .where('lessons.date', '>=', period.startsOn)
      .where('lessons.date', '<=', period.endsOn)
      .orderBy('lessons.date')
      .orderBy('lessons.lessonNumber')
      .orderBy('marks.id')
      .execute(),
    ctx.db
      .selectFrom('periodMarks')
      .innerJoin('subjects', 'subjects.id', 'periodMarks.subjectId')
      .select([
        'subjects.id as subjectId',
        'subjects.name as subject',
        'subjects.sortOrder',
        'periodMarks.periodId',
        'periodMarks.value',
      ])
      .where('periodMarks.studentId', '=', studentId)
      .where('periodMarks.deletedAt', 'is', null)
      .where('periodMarks.periodId', 'in', periods.length ? periods.map((p) => p.id) : [-1])
      .execute(),
  ]);
  const subjects = new Map<number, Subject & { sortOrder: number }>();
  const subjectOf = (r: { subjectId: number; subject: string; sortOrder: number }) => {
    let s = subjects.get(r.subjectId);
    if (!s) {
      s = {
        subjectId: r.subjectId,
        subject: r.subject,
        sortOrder: r.sortOrder,
        marks: [],
        average: null,
        periodMarks: [],
      };
      subjects.set(r.subjectId, s);
    }
    return s;
  };
  for (const c of courses) subjectOf({ subjectId: c.id, subject: c.name, sortOrder: c.sortOrder });
  for (const m of marks)
    subjectOf(m).marks.push({
      date: m.date,
      lessonId: m.lessonId,
      value: m.value,
      workKind: m.workKind,
      weight: Number(m.weight),
      comment: m.comment,
    });
  const periodById = new Map(periods.map((p, i) => [p.id, { ...p, order: i }]));
  for (const pm of periodMarks) {
    const p = periodById.get(pm.periodId);
    if (p) subjectOf(pm).periodMarks.push({ periodId: p.id, period: p.name, kind: p.kind, value: pm.value });
  }
  const order = (id: number) => periodById.get(id)?.order ?? 0;
  const list = [...subjects.values()]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.subject.localeCompare(b.subject, 'ru'))
    .map(({ sortOrder: _, ...s }) => {
      const avg = weightedAverage(s.marks);
      s.periodMarks.sort((a, b) => order(a.periodId) - order(b.periodId));
      return { ...s, average: avg === null ? null : Math.round(avg * 100) / 100 };
    });
  return {
    student: name,
    periods: periods.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
    })),
    periodId: period.id,
    subjects: list,
  };
}
