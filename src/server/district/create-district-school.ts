import type { z } from 'zod';
import type { newSchoolBody } from '../../contract/district.ts';
import type { Ctx } from '../access/actor.ts';
import { hashPassword } from '../auth/password.ts';
import { temporaryPassword } from '../cli/user.ts';
import { lockForTransaction } from '../db/locks.ts';
import { forbidden } from '../http/app-error.ts';
import { createPerson } from '../people/create-person.ts';
import { createSchool } from '../structure/create-school.ts';
import { canCreateSchools, ownDistrict } from './district.policy.ts';

/**
 * The district administrator opens a school and its first administrator, whose one-time password
 * is returned once (to pass on) and must be changed at the first login. All or nothing, audited.
 */
export async function createDistrictSchool(ctx: Ctx, input: z.infer<typeof newSchoolBody>) {
  const districtId = ownDistrict(ctx);
  if (!canCreateSchools(ctx, districtId)) throw forbidden();
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const schoolId = await ctx.db.transaction().execute(async (trx) => {
    // The same school sent twice at once: the second sees the login taken (409), not a broken key.
    await lockForTransaction(trx, `account-login:${input.login.toLowerCase()}`);
    const id = await createSchool(trx, ctx, {
      name: input.schoolName,
      shortName: input.schoolShortName,
      districtId,
    });
    await createPerson(trx, ctx, {
      schoolId: id,
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName,
      roles: ['admin'],
      account: { login: input.login, passwordHash, mustChangePassword: true },
    });
    return id;
  });
  return {
    school: { id: schoolId, name: input.schoolName, shortName: input.schoolShortName },
    admin: {
      name: [input.lastName, input.firstName, input.middleName].filter(Boolean).join(' '),
      login: input.login.toLowerCase(),
      password,
    },
  };
}
