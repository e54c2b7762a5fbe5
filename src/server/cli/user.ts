import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Role, roles } from '../../domain/roles.ts';
import { systemCtx } from '../access/actor.ts';
import { hashPassword } from '../auth/password.ts';
import { resetPassword } from '../auth/reset-password.ts';
import type { DB } from '../db/schema.ts';
import { createPerson } from '../people/create-person.ts';

const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY23456789';

/** A temporary password for a slip: 10 characters without look-alikes (l/1, O/0). */
export function temporaryPassword(): string {
  return Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** Options of `otmetka user create`. */
export interface CreateUserOptions {
  school?: string;
  district?: string;
  login: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  roles: string;
}

/** `otmetka user create`: a staff member with a temporary password to change at first login. */
export async function createUserCommand(db: Kysely<DB>, o: CreateUserOptions): Promise<string> {
  const wanted = o.roles.split(',').map((r) => r.trim());
  const bad = wanted.filter((r) => !(roles as readonly string[]).includes(r));
  if (bad.length) throw new Error(`Неизвестные роли: ${bad.join(', ')}. Допустимые: ${roles.join(', ')}`);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const ctx = systemCtx(db);
  await db.transaction().execute((trx) =>
    createPerson(trx, ctx, {
      schoolId: o.school ? Number(o.school) : null,
      districtId: o.district ? Number(o.district) : null,
      lastName: o.lastName,
      firstName: o.firstName,
      middleName: o.middleName ?? '',
      roles: wanted as Role[],
      account: { login: o.login, passwordHash, mustChangePassword: true },
    }),
  );
  return password;
}

/** `otmetka user reset-password`: a new temporary password; other sessions are signed out. */
export async function resetPasswordCommand(db: Kysely<DB>, login: string): Promise<string> {
  const password = temporaryPassword();
  await resetPassword(systemCtx(db), { login, password });
  return password;
}
