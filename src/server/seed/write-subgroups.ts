import type { Transaction } from 'kysely';
import { systemCtx } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { writeSubgroups } from '../structure/create-subgroups.ts';
import { idAt } from './batches.ts';
import type { SchoolPlan } from './plan.ts';

/**
 * Splits each planned class into its subgroups through the structure module's use case (groups,
 * their courses and first members, audited), so the demo's subgroups are made the way a class
 * teacher makes them.
 */
export async function writePlannedSubgroups(
  trx: Transaction<DB>,
  plan: SchoolPlan,
  at: {
    classIds: number[];
    subjectIds: Map<string, number>;
    person: (index: number) => number;
    startsOn: string;
  },
): Promise<void> {
  const ctx = systemCtx(trx);
  const splits = new Map<string, { classIndex: number; subject: string; groups: number[] }>();
  plan.groups.forEach((g, i) => {
    if (g.kind !== 'subgroup' || g.subject === undefined) return;
    const key = `${g.classIndex}:${g.subject}`;
    const split = splits.get(key) ?? { classIndex: g.classIndex, subject: g.subject, groups: [] };
    split.groups.push(i);
    splits.set(key, split);
  });
  for (const split of splits.values()) {
    const groups = split.groups.map((i) => {
      const group = plan.groups[i];
      const course = plan.courses.find((c) => c.group === i);
      if (!group || !course) throw new Error(`seed: subgroup ${i} has no course`);
      return {
        name: group.name,
        teacherId: at.person(course.teacher),
        hoursPerWeek: course.hours,
        studentIds: group.students.map(at.person),
      };
    });
    await writeSubgroups(trx, ctx, {
      classId: idAt(at.classIds, split.classIndex),
      subjectId: at.subjectIds.get(split.subject) ?? -1,
      startsOn: at.startsOn,
      groups,
    });
  }
}
