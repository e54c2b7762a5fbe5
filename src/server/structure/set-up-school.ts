import type { z } from 'zod';
import type { setupBody } from '../../contract/auth.ts';
import type { Ctx } from '../access/actor.ts';
import { hashPassword } from '../auth/password.ts';
import { assertStrongPassword } from '../auth/password-policy.ts';
import { lockForTransaction } from '../db/locks.ts';
import { AppError } from '../http/app-error.ts';
import { createPerson } from '../people/create-person.ts';
import { createSchool } from './create-school.ts';
import { anySchoolExists } from './structure.queries.ts';

/** Whether the installation still has no school: the first-run setup is then offered. */
export async function isSetupNeeded(ctx: Ctx): Promise<boolean> {
  return !(await anySchoolExists(ctx.db));
}

/**
 * The first-run setup: creates the school and its administrator, who chose their own password.
 * Refused once any school exists, so it cannot be replayed against a running installation.
 */
export async function setUpSchool(ctx: Ctx, input: z.infer<typeof setupBody>): Promise<void> {
  await assertStrongPassword(input.password, input.login, 'password');
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, 'first-run-setup');
    if (await anySchoolExists(trx)) throw new AppError('conflict', 'setupDone');
    const schoolId = await createSchool(trx, ctx, {
      name: input.schoolName,
      shortName: input.schoolShortName,
      districtId: null,
    });
    await createPerson(trx, ctx, {
      schoolId,
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName,
      roles: ['admin'],
      account: { login: input.login, passwordHash, mustChangePassword: false },
    });
  });
}
