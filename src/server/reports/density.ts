import type { z } from 'zod';
import type { densityAnswer } from '../../contract/report-density.ts';
import { memberDuring, memberOn, type Span } from '../../domain/journal-rules.ts';
import { atRiskOfNa, defaultMinMarksPerQuarterHour, rangeMinimum } from '../../domain/mark-density.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import type { Lang } from '../http/messages.ts';
import type { ReportDefinition } from './report-definition.ts';
import { earlier, ruDate } from './report-format.ts';
import { type ReportScope, rangeOf, type ScopedCourse } from './report-scope.ts';

/** Marks per student against the minimum, with the students at risk of «н/а». */
export type DensityAnswer = z.infer<typeof densityAnswer>;

/** The course columns every density and КТП row starts with. */
export function courseColumns(c: ScopedCourse) {
  return {
    courseId: c.id,
    classId: c.classId,
    className: c.className,
    subject: c.subject,
    group: c.group,
    teacher: c.teacher,
    hoursPerWeek: c.hoursPerWeek,
  };
}

/**
 * Mark density of the courses in scope from the range's start to `until` (its end, or today while
 * it runs on). The students of a course are those in its group on `until` (leavers take their
 * marks with them; newcomers count from the day they came). Per student: live marks on the
 * course's lessons (each mark row, «5/4» is one), absences («н», any reason) from the held lessons
 * while in the group. Four queries whatever the size of the school, none per student or lesson.
 */
export async function computeDensity(ctx: Ctx, scope: ReportScope): Promise<DensityAnswer> {
  const until = earlier(scope.to, today());
  const perHour = scope.settings.minMarksPerQuarterHour ?? defaultMinMarksPerQuarterHour;
  const courseIds = scope.courses.map((c) => c.id);
  const groupIds = [...new Set(scope.courses.map((c) => c.groupId))];
  const empty = { range: rangeOf(scope), until, minMarksPerQuarterHour: perHour };
  if (courseIds.length === 0) return { ...empty, courses: [] };
  const [members, lessons, marks, absences] = await Promise.all([
    ctx.db
      .selectFrom('groupMemberships')
      .innerJoin('persons', 'persons.id', 'groupMemberships.studentId')
      .select([
        'groupMemberships.groupId',
        'groupMemberships.studentId',
        'groupMemberships.startsOn',
        'groupMemberships.endsOn',
        'persons.lastName',
        'persons.firstName',
        'persons.sortKey',
      ])
      .where('groupMemberships.groupId', 'in', groupIds)
      .where('groupMemberships.startsOn', '<=', until)
      .where((w) =>
        w.or([w('groupMemberships.endsOn', 'is', null), w('groupMemberships.endsOn', '>=', scope.from)]),
      )
      .execute(),
    ctx.db
      .selectFrom('lessons')
      .select(['courseId', 'date'])
      .where('courseId', 'in', courseIds)
      .where('cancelledAt', 'is', null)
      .where('date', '>=', scope.from)
      .where('date', '<=', until)
      .execute(),
    ctx.db
      .selectFrom('marks')
      .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
      .select(['lessons.courseId', 'marks.studentId'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('lessons.courseId', 'in', courseIds)
      .where('lessons.cancelledAt', 'is', null)
      .where('lessons.date', '>=', scope.from)
      .where('lessons.date', '<=', until)
      .where('marks.deletedAt', 'is', null)
      .groupBy(['lessons.courseId', 'marks.studentId'])
      .execute(),
    ctx.db
      .selectFrom('attendance')
      .innerJoin('lessons', 'lessons.id', 'attendance.lessonId')
      .select(['lessons.courseId', 'attendance.studentId'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('lessons.courseId', 'in', courseIds)
      .where('lessons.cancelledAt', 'is', null)
      .where('lessons.date', '>=', scope.from)
      .where('lessons.date', '<=', until)
      .where('attendance.value', '=', 'absent')
      .where('attendance.deletedAt', 'is', null)
      .groupBy(['lessons.courseId', 'attendance.studentId'])
      .execute(),
  ]);
  const key = (courseId: number, studentId: number) => `${courseId}:${studentId}`;
  const markCount = new Map(marks.map((m) => [key(m.courseId, m.studentId), Number(m.n)]));
  const missedCount = new Map(absences.map((a) => [key(a.courseId, a.studentId), Number(a.n)]));
  const datesOf = new Map<number, string[]>();
  for (const l of lessons) {
    const list = datesOf.get(l.courseId);
    if (list) list.push(l.date);
    else datesOf.set(l.courseId, [l.date]);
  }
  type Member = { studentId: number; name: string; sortKey: string; spans: Span[] };
  const byGroup = new Map<number, Map<number, Member>>();
  for (const m of members) {
    const group = byGroup.get(m.groupId) ?? new Map<number, Member>();
    byGroup.set(m.groupId, group);
    const member = group.get(m.studentId) ?? {
      studentId: m.studentId,
      name: `${m.lastName} ${m.firstName}`,
      sortKey: m.sortKey,
      spans: [],
    };
    member.spans.push({ startsOn: m.startsOn, endsOn: m.endsOn });
    group.set(m.studentId, member);
  }
  const courses = scope.courses.map((c) => {
    const dates = datesOf.get(c.id) ?? [];
    const students = [...(byGroup.get(c.groupId)?.values() ?? [])]
      .filter((m) => memberOn(m.spans, until) && memberDuring(m.spans, scope.from, until))
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.studentId - b.studentId))
      .map((m) => ({
        studentId: m.studentId,
        name: m.name,
        marks: markCount.get(key(c.id, m.studentId)) ?? 0,
        missed: missedCount.get(key(c.id, m.studentId)) ?? 0,
        held: m.spans.some((sp) => sp.startsOn <= scope.from && (sp.endsOn === null || sp.endsOn >= until))
          ? dates.length
          : dates.filter((d) => memberOn(m.spans, d)).length,
      }));
    const minimum = rangeMinimum(perHour, c.hoursPerWeek, { from: scope.from, to: scope.to }, until);
    const total = students.reduce((sum, s) => sum + s.marks, 0);
    return {
      ...courseColumns(c),
      students: students.length,
      held: dates.length,
      minimum: minimum.whole,
      minimumSoFar: minimum.soFar,
      belowMinimum: students.filter((s) => s.marks < minimum.soFar).length,
      averageMarks: students.length ? Math.round((total / students.length) * 10) / 10 : null,
      atRisk: students.filter(atRiskOfNa),
    };
  });
  return { ...empty, courses };
}

const words = {
  ru: {
    courses: 'Накопляемость оценок',
    risk: 'Риск «н/а»',
    className: 'Класс',
    subject: 'Предмет',
    group: 'Группа',
    teacher: 'Учитель',
    hoursPerWeek: 'Часов в неделю',
    students: 'Учеников',
    held: 'Проведено уроков',
    minimum: 'Минимум за период',
    minimumSoFar: 'Минимум на дату',
    belowMinimum: 'Ниже минимума',
    averageMarks: 'Оценок на ученика',
    atRisk: 'Под риском «н/а»',
    name: 'Ученик',
    marks: 'Оценок',
    missed: 'Пропущено',
  },
  en: {
    courses: 'Mark density',
    risk: 'Risk of “not assessed”',
    className: 'Class',
    subject: 'Subject',
    group: 'Group',
    teacher: 'Teacher',
    hoursPerWeek: 'Hours a week',
    students: 'Students',
    held: 'Lessons held',
    minimum: 'Minimum for the period',
    minimumSoFar: 'Minimum to date',
    belowMinimum: 'Below the minimum',
    averageMarks: 'Marks per student',
    atRisk: 'At risk of “not assessed”',
    name: 'Student',
    marks: 'Marks',
    missed: 'Missed',
  },
} as const;

/** The export of mark density: a row per course, then a row per student at risk. */
export const densityReport: ReportDefinition<DensityAnswer> = {
  name: 'density',
  title: { ru: 'Накопляемость оценок', en: 'Mark density' },
  compute: computeDensity,
  tables(answer, lang: Lang) {
    const w = words[lang];
    const col = (key: keyof typeof w, kind?: 'number' | 'text') => ({ key, label: w[key], kind });
    const head = [col('className'), col('subject'), col('group'), col('teacher')];
    return [
      {
        title: `${w.courses}: ${ruDate(answer.range.from)} – ${ruDate(answer.until)}`,
        columns: [
          ...head,
          col('hoursPerWeek', 'number'),
          col('students', 'number'),
          col('held', 'number'),
          col('minimum', 'number'),
          col('minimumSoFar', 'number'),
          col('belowMinimum', 'number'),
          col('averageMarks', 'number'),
          col('atRisk', 'number'),
        ],
        rows: answer.courses.map((c) => ({
          className: c.className ?? '',
          subject: c.subject,
          group: c.group,
          teacher: c.teacher,
          hoursPerWeek: c.hoursPerWeek,
          students: c.students,
          held: c.held,
          minimum: c.minimum,
          minimumSoFar: c.minimumSoFar,
          belowMinimum: c.belowMinimum,
          averageMarks: c.averageMarks,
          atRisk: c.atRisk.length,
        })),
      },
      {
        title: w.risk,
        columns: [
          ...head,
          col('name'),
          col('marks', 'number'),
          col('missed', 'number'),
          col('held', 'number'),
        ],
        rows: answer.courses.flatMap((c) =>
          c.atRisk.map((s) => ({
            className: c.className ?? '',
            subject: c.subject,
            group: c.group,
            teacher: c.teacher,
            name: s.name,
            marks: s.marks,
            missed: s.missed,
            held: s.held,
          })),
        ),
      },
    ];
  },
};
