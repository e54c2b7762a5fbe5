import { sql } from 'kysely';
import type { z } from 'zod';
import type { ktpAnswer } from '../../contract/report-density.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import type { Lang } from '../http/messages.ts';
import { planFact } from '../lessons/get-plan.ts';
import { courseColumns } from './density.ts';
import type { ReportDefinition } from './report-definition.ts';
import { earlier, ruDate } from './report-format.ts';
import { type ReportScope, rangeOf } from './report-scope.ts';

/** The КТП of each course against the lessons held and still ahead. */
export type KtpAnswer = z.infer<typeof ktpAnswer>;

/**
 * КТП lag of the courses in scope on `until` (the range's end, or today while it runs on), by the
 * plan page's rules (`planFact`): the hours planned by then (by planned dates; without any dates,
 * as many hours as lessons held, capped by the plan) minus the held lessons with a topic. The
 * lessons still ahead are those not cancelled after `until` to the year's end; they can cover the
 * plan when they are at least the hours not yet given. Two queries.
 */
export async function computeKtpLag(ctx: Ctx, scope: ReportScope): Promise<KtpAnswer> {
  const until = earlier(scope.to, today());
  const courseIds = scope.courses.map((c) => c.id);
  if (courseIds.length === 0) return { range: rangeOf(scope), until, courses: [] };
  const [items, counts] = await Promise.all([
    ctx.db
      .selectFrom('planItems')
      .select('courseId')
      .select((eb) => [
        eb.fn.sum<number>('hours').as('hours'),
        eb.fn.count<number>('plannedOn').as('dated'),
        eb.fn
          .sum<number>(eb.case().when('plannedOn', '<=', until).then(eb.ref('hours')).else(0).end())
          .as('hoursBy'),
      ])
      .where('courseId', 'in', courseIds)
      .groupBy('courseId')
      .execute(),
    ctx.db
      .selectFrom('lessons')
      .select('courseId')
      .select((eb) => [
        eb.fn.sum<number>(eb.case().when('date', '<=', until).then(1).else(0).end()).as('held'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.and([
                  eb('date', '<=', until),
                  sql<boolean>`trim(coalesce(${sql.ref('topic')}, '')) <> ''`,
                ]),
              )
              .then(1)
              .else(0)
              .end(),
          )
          .as('withTopic'),
        eb.fn.sum<number>(eb.case().when('date', '>', until).then(1).else(0).end()).as('remaining'),
      ])
      .where('courseId', 'in', courseIds)
      .where('cancelledAt', 'is', null)
      .where('date', '<=', scope.yearEndsOn)
      .groupBy('courseId')
      .execute(),
  ]);
  // planFact needs only each course's hours, whether any topic is dated and the hours dated by
  // `until`: the topics are summed in SQL and handed over as one item dated `until` (those hours)
  // and one undated (the rest), which planFact totals exactly as it would the topics themselves.
  const plans = new Map<number, { hours: number; plannedOn: string | null }[]>();
  for (const i of items) {
    const hours = Number(i.hours);
    const by = Number(i.hoursBy);
    plans.set(
      i.courseId,
      Number(i.dated) > 0
        ? [
            { hours: by, plannedOn: until },
            { hours: hours - by, plannedOn: null },
          ]
        : [{ hours, plannedOn: null }],
    );
  }
  const byCourse = new Map(counts.map((c) => [c.courseId, c]));
  const courses = scope.courses.map((c) => {
    const n = byCourse.get(c.id);
    const held = Number(n?.held ?? 0);
    const withTopic = Number(n?.withTopic ?? 0);
    const remaining = Number(n?.remaining ?? 0);
    const fact = planFact(plans.get(c.id) ?? [], { lessons: held, withTopic }, until);
    const left = Math.max(0, fact.plannedHours - withTopic);
    return {
      ...courseColumns(c),
      plannedHours: fact.plannedHours,
      plannedToDate: fact.plannedToDate,
      held,
      heldWithTopic: withTopic,
      lag: fact.lag,
      remaining,
      left,
      canCatchUp: remaining >= left,
    };
  });
  return { range: rangeOf(scope), until, courses };
}

const words = {
  ru: {
    title: 'Выполнение КТП',
    className: 'Класс',
    subject: 'Предмет',
    group: 'Группа',
    teacher: 'Учитель',
    plannedHours: 'Часов по КТП',
    plannedToDate: 'По плану на дату',
    held: 'Проведено уроков',
    heldWithTopic: 'Из них с темой',
    lag: 'Отставание, ч',
    remaining: 'Осталось уроков',
    left: 'Осталось часов КТП',
    canCatchUp: 'Успевают',
    yes: 'да',
    no: 'нет',
  },
  en: {
    title: 'Work programme progress',
    className: 'Class',
    subject: 'Subject',
    group: 'Group',
    teacher: 'Teacher',
    plannedHours: 'Hours in the plan',
    plannedToDate: 'Planned to date',
    held: 'Lessons held',
    heldWithTopic: 'Of them with a topic',
    lag: 'Lag, hours',
    remaining: 'Lessons remaining',
    left: 'Plan hours left',
    canCatchUp: 'Can catch up',
    yes: 'yes',
    no: 'no',
  },
} as const;

/** The export of the КТП lag: a row per course. */
export const ktpReport: ReportDefinition<KtpAnswer> = {
  name: 'ktp',
  title: { ru: 'Выполнение КТП', en: 'Work programme progress' },
  compute: computeKtpLag,
  tables(answer, lang: Lang) {
    const w = words[lang];
    const col = (key: keyof typeof w, kind?: 'number' | 'text') => ({ key, label: w[key], kind });
    return [
      {
        title: `${w.title}: ${ruDate(answer.until)}`,
        columns: [
          col('className'),
          col('subject'),
          col('group'),
          col('teacher'),
          col('plannedHours', 'number'),
          col('plannedToDate', 'number'),
          col('held', 'number'),
          col('heldWithTopic', 'number'),
          col('lag', 'number'),
          col('remaining', 'number'),
          col('left', 'number'),
          col('canCatchUp'),
        ],
        rows: answer.courses.map((c) => ({
          className: c.className ?? '',
          subject: c.subject,
          group: c.group,
          teacher: c.teacher,
          plannedHours: c.plannedHours,
          plannedToDate: c.plannedToDate,
          held: c.held,
          heldWithTopic: c.heldWithTopic,
          lag: c.lag,
          remaining: c.remaining,
          left: c.left,
          canCatchUp: c.canCatchUp ? w.yes : w.no,
        })),
      },
    ];
  },
};
