import type { z } from 'zod';
import type { newStudentBody } from '../../contract/people.ts';
import type { Ctx } from '../access/actor.ts';
import { AppError } from '../http/app-error.ts';
import { requireClass } from './people.policy.ts';
import { fileNumberTaken } from './people.queries.ts';
import { lockStudentRecords, saveStudentRecord } from './student-records.ts';

const blank = (v: string | null) => (v === '' ? null : v);

/** The class teacher (or the administrator) adds a student to a class; returns the new id. */
export async function createStudentInClass(ctx: Ctx, input: z.infer<typeof newStudentBody>): Promise<number> {
  const schoolId = await requireClass(ctx, input.classId, 'student.edit');
  return ctx.db.transaction().execute(async (trx) => {
    await lockStudentRecords(trx, schoolId);
    if (await fileNumberTaken(trx, schoolId, input.fileNumber, null))
      throw new AppError('conflict', 'peopleFileNumberTaken', {}, { fileNumber: 'peopleFileNumberTaken' });
    const { studentId } = await saveStudentRecord(trx, ctx, {
      schoolId,
      classId: input.classId,
      student: {
        lastName: input.lastName,
        firstName: input.firstName,
        middleName: input.middleName,
        birthDate: input.birthDate,
        sex: input.sex,
        address: blank(input.address),
        phone: blank(input.phone),
        email: blank(input.email),
        fileNumber: input.fileNumber,
        healthGroup: blank(input.healthGroup),
        peGroup: blank(input.peGroup),
        arrivedOn: input.arrivedOn,
        arrivalOrder: blank(input.arrivalOrder),
      },
      guardians: [],
    });
    return studentId;
  });
}
