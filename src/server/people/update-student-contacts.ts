import type { z } from 'zod';
import type { studentContactsBody } from '../../contract/people.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { getStudentCard } from './get-student-card.ts';
import { requireStudent } from './people.policy.ts';
import { contactsOf, setContacts } from './people.queries.ts';

/** The class teacher (or the administrator) keeps a student's phone and e-mail current. */
export async function updateStudentContacts(
  ctx: Ctx,
  studentId: number,
  input: z.infer<typeof studentContactsBody>,
) {
  await requireStudent(ctx, studentId, 'student.edit');
  const change = {
    ...(input.phone !== undefined && { phone: input.phone || null }),
    ...(input.email !== undefined && { email: input.email || null }),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const before = await contactsOf(trx, studentId);
    if (Object.keys(change).length === 0) return;
    await setContacts(trx, studentId, change);
    await recordAudit(trx, ctx, {
      schoolId: before.schoolId,
      action: 'student.contacts_updated',
      entity: 'person',
      entityId: studentId,
      before: { phone: before.phone, email: before.email },
      after: change,
    });
  });
  return getStudentCard(ctx, studentId);
}
