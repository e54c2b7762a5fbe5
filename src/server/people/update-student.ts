import type { z } from 'zod';
import type { studentUpdateBody } from '../../contract/people.ts';
import { russianSortKey } from '../../domain/russian-order.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { getStudentCard } from './get-student-card.ts';
import { requireStudent } from './people.policy.ts';
import { fileNumberTaken, findStudent } from './people.queries.ts';
import { lockStudentRecords } from './student-records.ts';

type Input = z.infer<typeof studentUpdateBody>;
const personKeys = [
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'sex',
  'address',
  'phone',
  'email',
] as const;
const fileKeys = ['fileNumber', 'healthGroup', 'peGroup', 'arrivedOn', 'arrivalOrder'] as const;

/** Empty text means «not known»: stored as null. */
function blankToNull<T>(value: T): T | null {
  return typeof value === 'string' && value === '' ? null : value;
}

/** The class teacher (or the administrator) keeps a student's data and personal file current. */
export async function updateStudent(ctx: Ctx, studentId: number, input: Input) {
  await requireStudent(ctx, studentId, 'student.edit');
  const { schoolId: lockedSchool } = await findStudent(ctx.db, studentId);
  await ctx.db.transaction().execute(async (trx) => {
    if (lockedSchool !== null) await lockStudentRecords(trx, lockedSchool);
    const before = await findStudent(trx, studentId);
    const schoolId = before.schoolId!;
    const person: Record<string, unknown> = {};
    const file: Record<string, unknown> = {};
    for (const k of personKeys) {
      if (input[k] === undefined) continue;
      const value = k === 'middleName' ? input[k] : blankToNull(input[k]);
      if (value !== before[k]) person[k] = value;
    }
    for (const k of fileKeys) {
      if (input[k] === undefined) continue;
      const value = k === 'fileNumber' ? input[k] : blankToNull(input[k]);
      if (value !== (before[k] ?? null)) file[k] = value;
    }
    if (Object.keys(person).length === 0 && Object.keys(file).length === 0) return;
    if (
      typeof file.fileNumber === 'string' &&
      (await fileNumberTaken(trx, schoolId, file.fileNumber, studentId))
    )
      throw new AppError('conflict', 'peopleFileNumberTaken', {}, { fileNumber: 'peopleFileNumberTaken' });
    if (Object.keys(person).length) {
      const names = { ...before, ...person } as { lastName: string; firstName: string; middleName: string };
      await trx
        .updateTable('persons')
        .set({ ...person, sortKey: russianSortKey(names.lastName, names.firstName, names.middleName) })
        .where('id', '=', studentId)
        .execute();
    }
    if (Object.keys(file).length) {
      if (before.profileId === null) {
        if (typeof file.fileNumber !== 'string')
          throw new AppError(
            'validation',
            'peopleFileNumberFirst',
            {},
            { fileNumber: 'peopleFileNumberFirst' },
          );
        await trx
          .insertInto('studentProfiles')
          .values({ personId: studentId, schoolId, fileNumber: file.fileNumber, ...file })
          .execute();
      } else {
        await trx.updateTable('studentProfiles').set(file).where('personId', '=', studentId).execute();
      }
    }
    const changed = { ...person, ...file };
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'student.updated',
      entity: 'person',
      entityId: studentId,
      before: Object.fromEntries(
        Object.keys(changed).map((k) => [k, before[k as keyof typeof before] ?? null]),
      ),
      after: changed,
    });
  });
  return getStudentCard(ctx, studentId, { log: false });
}
