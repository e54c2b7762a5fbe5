import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { loginField } from '../../contract/auth.ts';
import { line } from '../../contract/fields.ts';
import { roles } from '../../domain/roles.ts';
import { systemCtx } from '../access/actor.ts';
import { hashPassword } from '../auth/password.ts';
import { resetPassword } from '../auth/reset-password.ts';
import type { DB } from '../db/schema.ts';
import { createPerson } from '../people/create-person.ts';
import { districtById, schoolsByIds } from '../structure/structure.queries.ts';

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

const userOptions = z.object({
  login: loginField,
  lastName: line(1, 100),
  firstName: line(1, 100),
  middleName: line(0, 100),
  school: z.coerce.number().int().positive().optional(),
  district: z.coerce.number().int().positive().optional(),
  roles: z.array(z.enum(roles)).min(1),
});

/** `otmetka user create`: a staff member with a temporary password to change at first login. */
export async function createUserCommand(db: Kysely<DB>, o: CreateUserOptions): Promise<string> {
  const wanted = o.roles.split(',').map((r) => r.trim());
  const bad = wanted.filter((r) => !(roles as readonly string[]).includes(r));
  if (bad.length) throw new Error(`Неизвестные роли: ${bad.join(', ')}. Допустимые: ${roles.join(', ')}`);
  const parsed = userOptions.safeParse({ ...o, middleName: o.middleName ?? '', roles: wanted });
  if (!parsed.success) {
    const names = parsed.error.issues.map(
      (i) => `--${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    );
    throw new Error(`Проверьте параметры: ${[...new Set(names)].join(', ')}`);
  }
  const input = parsed.data;
  if (input.roles.some((r) => r !== 'district') && !input.school)
    throw new Error('Для школьных ролей нужен --school');
  if (input.roles.includes('district') && !input.district)
    throw new Error('Для роли district нужен --district');
  if (input.school && (await schoolsByIds(db, [input.school])).length === 0) {
    throw new Error(`Школы с номером ${input.school} нет`);
  }
  if (input.district && !(await districtById(db, input.district))) {
    throw new Error(`Управления образования с номером ${input.district} нет`);
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const ctx = systemCtx(db);
  await db.transaction().execute((trx) =>
    createPerson(trx, ctx, {
      schoolId: input.school ?? null,
      districtId: input.district ?? null,
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName,
      roles: input.roles,
      account: { login: input.login, passwordHash, mustChangePassword: true },
    }),
  );
  return password;
}

/**
 * `otmetka user reset-password`: a new temporary password; every session is signed out and
 * two-factor login switched off (`twoFactorReset` when it was on).
 */
export async function resetPasswordCommand(
  db: Kysely<DB>,
  login: string,
): Promise<{ password: string; twoFactorReset: boolean }> {
  const password = temporaryPassword();
  const { twoFactorReset } = await resetPassword(systemCtx(db), { login, password });
  return { password, twoFactorReset };
}
