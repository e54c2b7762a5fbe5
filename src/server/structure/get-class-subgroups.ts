import type { ClassSubgroups } from '../../contract/structure.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { notFound } from '../http/app-error.ts';
import { classById, classGroupOf, subjectsOf, teachersOf } from './catalog.queries.ts';
import { fullName, membersOn, subgroupsOfClass } from './groups.queries.ts';
import { requireClassGroups } from './structure.policy.ts';

const option = (p: { id: number; lastName: string; firstName: string; middleName: string }) => ({
  id: p.id,
  name: fullName(p.lastName, p.firstName, p.middleName),
});

/** The subgroups of a class by subject with their members on a date (default today), to move students. */
export async function getClassSubgroups(
  ctx: Ctx,
  classId: number,
  on: string = today(),
): Promise<ClassSubgroups> {
  await requireClassGroups(ctx, classId);
  const cls = await classById(ctx.db, classId);
  const whole = await classGroupOf(ctx.db, classId);
  if (!cls || !whole) throw notFound();
  const groups = await subgroupsOfClass(ctx.db, classId);
  const [members, students, subjects, teachers] = await Promise.all([
    membersOn(
      ctx.db,
      groups.map((g) => g.id),
      on,
    ),
    membersOn(ctx.db, [whole.id], on),
    subjectsOf(ctx.db, cls.schoolId),
    teachersOf(ctx.db, cls.schoolId),
  ]);
  const bySubject = subjects
    .map((s) => ({
      subjectId: s.id,
      subject: s.name,
      groups: groups
        .filter((g) => g.subjectId === s.id)
        .map((g) => ({
          id: g.id,
          name: g.name,
          teachers: g.teachers,
          members: members.filter((m) => m.groupId === g.id).map(option),
        })),
    }))
    .filter((s) => s.groups.length > 0);
  return {
    class: { id: cls.id, name: `${cls.grade}${cls.letter}` },
    on,
    subjects: bySubject,
    students: students.map(option),
    subjectOptions: subjects.filter((s) => !s.archivedAt).map((s) => ({ id: s.id, name: s.name })),
    teachers: teachers.map(option),
  };
}
