import type { AccountStatus } from '../../contract/credentials.ts';
import type { accountsOf } from './credentials.queries.ts';

type AccountRow = Awaited<ReturnType<typeof accountsOf>>[number];

/** The state of an account: switched off, issued and never used (first login pending), or in use. */
export function statusOf(
  account: Pick<AccountRow, 'disabledAt' | 'passwordChangedAt'> | undefined,
): AccountStatus {
  if (!account) return 'none';
  if (account.disabledAt) return 'disabled';
  return account.passwordChangedAt ? 'active' : 'issued';
}

/** An account as the lists show it: state, login and last login; never the password. */
export function accountSummaryOf(account: AccountRow | undefined) {
  return {
    status: statusOf(account),
    login: account?.login ?? null,
    lastLoginAt: account?.lastLoginAt ?? null,
  };
}

/** A person's name as lists and slips write it: Фамилия Имя Отчество. */
export function fullName(p: { lastName: string; firstName: string; middleName: string }): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}
