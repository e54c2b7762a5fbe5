import type { StudentCard } from '../../contract/people.ts';
import type { Ctx } from '../access/actor.ts';
import { allowedStudents, requireStudent } from './people.policy.ts';
import { presentStudentCard } from './people.present.ts';
import { findStudent, guardiansOf } from './people.queries.ts';

/** A student's card with their guardians, for whoever may see the student. */
export async function getStudentCard(ctx: Ctx, studentId: number): Promise<StudentCard> {
  await requireStudent(ctx, studentId, 'student.view');
  const [student, guardians, editable] = await Promise.all([
    findStudent(ctx.db, studentId),
    guardiansOf(ctx.db, studentId),
    allowedStudents(ctx, 'student.edit', [studentId]),
  ]);
  return presentStudentCard(student, guardians, editable.has(studentId));
}
