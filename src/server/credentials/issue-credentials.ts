import type { SkipReason } from '../../contract/credentials.ts';
import type { Role } from '../../domain/roles.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { hashPassword } from '../auth/password.ts';
import { AppError } from '../http/app-error.ts';
import { hasConsent } from '../people/consent.queries.ts';
import { requireManageable } from './credentials.policy.ts';
import { fullName } from './credentials.present.ts';
import {
  accountsOf,
  classNamesOf,
  guardianshipsOf,
  liveRolesOf,
  loginsStartingWith,
  personsByIds,
  staffRoleNames,
} from './credentials.queries.ts';
import { loginStem, type NameParts, pickLogin } from './login-name.ts';
import { oneTimePassword } from './one-time-password.ts';
import { roleLine } from './slip-text.ts';
import type { Slip } from './slips-pdf.ts';
import { writeAccount } from './write-account.ts';

/** A person of the batch who got no slip, and why. */
export interface Skipped {
  personId: number;
  name: string;
  reason: SkipReason;
}

/** What issuing gives back: the slips to print (the only place the passwords ever appear) and the skipped. */
export interface IssueResult {
  slips: (Slip & { personId: number })[];
  skipped: Skipped[];
}

/**
 * Issues credentials to a batch of people, all or nothing: an account with a login made from the
 * name for those without one, a new one-time password for those with one (the old password stops
 * working and their sessions end). Either way the first login forces a password change. Students
 * without a parent's consent get nothing, nor do switched-off accounts unless `reactivate` is set;
 * both are reported as skipped.
 */
export async function issueCredentials(
  ctx: Ctx,
  input: { personIds: number[]; reactivate?: boolean },
): Promise<IssueResult> {
  const ids = [...new Set(input.personIds)];
  await requireManageable(ctx, ids);
  const lang = ctx.request.lang;
  const [persons, roles, accounts] = await Promise.all([
    personsByIds(ctx.db, ids),
    liveRolesOf(ctx.db, ids),
    accountsOf(ctx.db, ids),
  ]);
  const rolesOf = (id: number) => roles.filter((r) => r.personId === id).map((r) => r.role as Role);
  const accountOf = new Map(accounts.map((a) => [a.personId, a]));
  const students = ids.filter((id) => rolesOf(id).includes('student'));
  const [consent, classes, guardianships] = await Promise.all([
    hasConsent(ctx.db, students),
    classNamesOf(ctx.db, students),
    guardianshipsOf(ctx.db, { guardianIds: ids }),
  ]);
  const childClasses = await classNamesOf(
    ctx.db,
    guardianships.map((g) => g.studentId),
  );

  const skipped: Skipped[] = [];
  const chosen = persons.filter((p) => {
    const held = rolesOf(p.id);
    const staff = held.some((r) => (staffRoleNames as readonly string[]).includes(r));
    let reason: SkipReason | null = null;
    if (held.includes('student') && !staff && !consent.has(p.id)) reason = 'noConsent';
    else if (accountOf.get(p.id)?.disabledAt && !input.reactivate) reason = 'disabled';
    if (reason) skipped.push({ personId: p.id, name: fullName(p), reason });
    return reason === null;
  });
  if (chosen.length === 0) {
    throw new AppError(
      'validation',
      'credentialsNothingToIssue',
      {},
      { personIds: 'credentialsNothingToIssue' },
    );
  }

  const passwords = chosen.map(() => oneTimePassword());
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  const at = new Date().toISOString();

  const write = () =>
    ctx.db.transaction().execute(async (trx) => {
      const assigned = new Set<string>();
      const out: IssueResult['slips'] = [];
      // Read again inside the transaction: a batch issued meanwhile may have created some accounts.
      const fresh = new Map(
        (
          await accountsOf(
            trx,
            chosen.map((p) => p.id),
          )
        ).map((a) => [a.personId, a]),
      );
      for (const [i, person] of chosen.entries()) {
        const password = passwords[i] ?? '';
        const passwordHash = hashes[i] ?? '';
        const existing = fresh.get(person.id);
        const login = existing ? existing.login : await freeLogin(trx, person, assigned);
        await writeAccount(trx, ctx, {
          personId: person.id,
          schoolId: person.schoolId,
          login,
          passwordHash,
          mustChangePassword: true,
          existing,
          at,
        });
        assigned.add(login);
        const held = rolesOf(person.id);
        const role = roleLine(lang, {
          staffRoles: held.filter((r) => r !== 'student' && r !== 'parent'),
          studentClass: held.includes('student') ? (classes.get(person.id) ?? '') : null,
          children: guardianships
            .filter((g) => g.guardianId === person.id)
            .map((g) => ({
              name: `${g.studentLastName} ${g.studentFirstName}`,
              className: childClasses.get(g.studentId) ?? null,
              kind: g.kind,
            })),
        });
        out.push({ personId: person.id, name: fullName(person), role, login, password });
      }
      return out;
    });
  return { slips: await retryOnUniqueViolation(write), skipped };
}

/** Whether an error is a unique-constraint violation (PostgreSQL 23505, SQLite's constraint code). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Runs the write again when a batch issued at the same moment took a login this one picked: the
 * second try sees that login as taken. Three tries at most.
 */
async function retryOnUniqueViolation<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

/** A login for the name that no account has and this batch has not handed out. */
async function freeLogin(trx: Db, name: NameParts, assigned: ReadonlySet<string>): Promise<string> {
  const taken = new Set([...(await loginsStartingWith(trx, loginStem(name))), ...assigned]);
  return pickLogin(name, taken);
}
