import type { StudentCard } from '../../contract/people.ts';
import type { Ctx } from '../access/actor.ts';
import { currentConsents, hasConsent, withdrawnConsents } from './consent.queries.ts';
import { logCardViews } from './log-card-views.ts';
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
 * A student's card for whoever may see the student, cut to what they may see; the view is logged
 * (the student and each parent shown, 152-ФЗ).
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
  const guardians = level === 'names' ? [] : await guardiansOf(ctx.db, [studentId]);
  const ids = guardians.map((g) => g.id);
  if (o.log !== false && student.schoolId !== null) {
    const schoolId = student.schoolId;
    await logCardViews(ctx, 'card', [
      { schoolId, studentId, guardianId: null },
      ...ids.map((guardianId) => ({ schoolId, studentId, guardianId })),
    ]);
  }
  const [consents, withdrawn, accounts, consent] = await Promise.all([
    currentConsents(ctx.db, ids),
    withdrawnConsents(ctx.db, ids),
    accountStatusOf(ctx.db, [studentId, ...ids]),
    hasConsent(ctx.db, [studentId]),
  ]);
  return presentStudentCard(
    student,
    guardians.map((g) =>
      presentGuardian(
        g,
        level,
        { givenOn: consents.get(g.id)?.givenOn ?? null, withdrawnOn: withdrawn.get(g.id) ?? null },
        accounts.get(g.id) ?? 'none',
      ),
    ),
    {
      level,
      canEdit: editable.has(studentId),
      consent: consent.has(studentId),
      account: accounts.get(studentId) ?? 'none',
    },
  );
}
