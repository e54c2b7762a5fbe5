import { memberOn, type Span } from '../../domain/journal-rules.ts';
import type { Db } from '../access/actor.ts';

/** A group the student belonged to at some time of a date range, with the spans of membership. */
export interface StudentGroup {
  groupId: number;
  kind: 'class' | 'subgroup' | 'cross';
  classId: number | null;
  spans: Span[];
}

/** The student's groups touching the days from `from` to `to`: one indexed query. */
export async function groupsDuring(db: Db, studentId: number, from: string, to: string) {
  const rows = await db
    .selectFrom('groupMemberships as gm')
    .innerJoin('groups as g', 'g.id', 'gm.groupId')
    .select(['gm.groupId', 'g.kind', 'g.classId', 'gm.startsOn', 'gm.endsOn'])
    .where('gm.studentId', '=', studentId)
    .where('gm.startsOn', '<=', to)
    .where((eb) => eb.or([eb('gm.endsOn', 'is', null), eb('gm.endsOn', '>=', from)]))
    .execute();
  const out = new Map<number, StudentGroup>();
  for (const r of rows) {
    const g = out.get(r.groupId) ?? { groupId: r.groupId, kind: r.kind, classId: r.classId, spans: [] };
    g.spans.push({ startsOn: r.startsOn, endsOn: r.endsOn });
    out.set(r.groupId, g);
  }
  return out;
}

/** Whether the student was in the group on the date. */
export function inGroupOn(groups: Map<number, StudentGroup>, groupId: number, date: string): boolean {
  const g = groups.get(groupId);
  return g !== undefined && memberOn(g.spans, date);
}

/** The whole class of the student on a date (or, failing that, the latest of the range). */
export async function classOf(db: Db, groups: Map<number, StudentGroup>, on: string) {
  const classes = [...groups.values()].filter((g) => g.kind === 'class' && g.classId !== null);
  const pick =
    classes.find((g) => memberOn(g.spans, on)) ??
    classes.sort((a, b) => (a.spans[0]!.startsOn < b.spans[0]!.startsOn ? 1 : -1))[0];
  if (!pick?.classId) return null;
  return (
    (await db
      .selectFrom('classes')
      .select(['id', 'schoolId', 'academicYearId', 'grade', 'letter', 'classTeacherId'])
      .where('id', '=', pick.classId)
      .executeTakeFirst()) ?? null
  );
}

/** «5А». */
export function className(c: { grade: number; letter: string } | null): string | null {
  return c ? `${c.grade}${c.letter}` : null;
}
