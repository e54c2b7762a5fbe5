import type { StudentCard } from '../../contract/people.ts';
import type { Ctx } from '../access/actor.ts';
import { currentConsents, hasConsent } from './consent.queries.ts';
import { allowedStudents, requireStudent } from './people.policy.ts';
import { type CardLevel, presentGuardian, presentStudentCard } from './people.present.ts';
import { accountStatusOf, findStudent, guardiansOf, isFamilyOf } from './people.queries.ts';

/** How much of the student the actor may see. */
async function levelOf(ctx: Ctx, studentId: number): Promise<CardLevel> {
  if ((await allowedStudents(ctx, 'student.personal', [studentId])).has(studentId)) return 'personal';
  if (ctx.actor.kind === 'person' && (await isFamilyOf(ctx.db, ctx.actor.personId, studentId)))
    return 'family';
  return 'names';
}

/**
 * A student's card for whoever may see the student, cut to what they may see; the view is logged.
 * `asEditor`: the caller checked at the start of its change that the actor may edit the student
 * (a departure can take the student out of the actor's reach before the answer is made).
 */
export async function getStudentCard(
  ctx: Ctx,
  studentId: number,
  o: { log?: boolean; asEditor?: boolean } = {},
): Promise<StudentCard> {
  if (!o.asEditor) await requireStudent(ctx, studentId, 'student.view');
  const [student, level, editable] = await Promise.all([
    findStudent(ctx.db, studentId),
    o.asEditor ? ('personal' as const) : levelOf(ctx, studentId),
    o.asEditor ? new Set([studentId]) : allowedStudents(ctx, 'student.edit', [studentId]),
  ]);
  if (o.log !== false && ctx.actor.kind === 'person' && student.schoolId !== null) {
    await ctx.db
      .insertInto('cardViews')
      .values({
        schoolId: student.schoolId,
        studentId,
        viewerId: ctx.actor.personId,
        at: new Date().toISOString(),
      })
      .execute();
  }
  const guardians = level === 'names' ? [] : await guardiansOf(ctx.db, [studentId]);
  const ids = guardians.map((g) => g.id);
  const [consents, accounts, consent] = await Promise.all([
    currentConsents(ctx.db, ids),
    accountStatusOf(ctx.db, [studentId, ...ids]),
    hasConsent(ctx.db, [studentId]),
  ]);
  return presentStudentCard(
    student,
    guardians.map((g) =>
      presentGuardian(g, level, consents.get(g.id)?.givenOn ?? null, accounts.get(g.id) ?? 'none'),
    ),
    {
      level,
      canEdit: editable.has(studentId),
      consent: consent.has(studentId),
      account: accounts.get(studentId) ?? 'none',
    },
  );
}
