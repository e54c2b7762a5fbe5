import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildPerson } from '../../../test/factories.ts';
import type { Ctx } from '../access/actor.ts';
import { changePassword } from '../auth/change-password.ts';
import { logIn } from '../auth/log-in.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { buildCredentialsSchool, ctxFor } from './credentials.test-helpers.ts';
import { issueCredentials } from './issue-credentials.ts';
import { listClassCredentials } from './list-credentials.ts';
import { switchAccount } from './switch-account.ts';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe.each(engines())('issuing credentials on $name', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database.close();
  });

  const anon = (ctx: Ctx): Ctx => ({ ...ctx, actor: { kind: 'anonymous' } });
  const login = async (ctx: Ctx, l: string, password: string) => {
    const input = { login: l, password, userAgent: null, previousSessionId: null, deviceToken: null };
    const result = await logIn(anon(ctx), input);
    if ('twoFactor' in result) throw new Error('no two-factor step expected in these schools');
    return result;
  };

  it('creates accounts with logins from the names and a password that must be changed at first login', async () => {
    const s = await buildCredentialsSchool(database.db);
    const ctx = await ctxFor(database.db, s.teacher.id);
    const result = await issueCredentials(ctx, { personIds: [s.ivanov.parentId, s.ivanov.studentId] });
    expect(result.skipped).toEqual([]);
    const mother = result.slips.find((x) => x.personId === s.ivanov.parentId);
    expect(mother?.name).toBe('Иванова Мария Петровна');
    expect(mother?.login).toMatch(/^ivanova\.m(p\d*)?$/);
    expect(mother?.role).toBe('Родитель — мать: Иванов Пётр (5А)');
    expect(result.slips.find((x) => x.personId === s.ivanov.studentId)?.role).toBe('Обучающийся, 5А');
    const account = await database.db
      .selectFrom('accounts')
      .selectAll()
      .where('personId', '=', s.ivanov.parentId)
      .executeTakeFirstOrThrow();
    expect(account.passwordChangedAt).toBeNull();
    expect(account.passwordHash).not.toContain(mother?.password ?? '-');
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('action', '=', 'account.issued')
      .where('entityId', '=', String(account.id))
      .execute();
    expect(audit).toHaveLength(1);

    await login(ctx, mother?.login ?? '', mother?.password ?? '');
    const me = await ctxFor(database.db, s.ivanov.parentId);
    const list = await listClassCredentials(ctx, s.classA);
    expect(list.parents.find((p) => p.personId === s.ivanov.parentId)?.account.status).toBe('issued');
    await changePassword(me, {
      accountId: account.id,
      currentPassword: mother?.password ?? '',
      newPassword: 'моё собственное',
      userAgent: null,
    });
    const after = await listClassCredentials(ctx, s.classA);
    expect(after.parents.find((p) => p.personId === s.ivanov.parentId)?.account.status).toBe('active');
  });

  it('reissuing ends the sessions and the old password no longer logs in', async () => {
    const s = await buildCredentialsSchool(database.db);
    const ctx = await ctxFor(database.db, s.admin.id);
    const first = (await issueCredentials(ctx, { personIds: [s.ivanov.parentId] })).slips[0];
    if (!first) throw new Error('no slip');
    const session = await login(ctx, first.login, first.password);
    const second = (await issueCredentials(ctx, { personIds: [s.ivanov.parentId] })).slips[0];
    expect(second?.login).toBe(first.login);
    expect(second?.password).not.toBe(first.password);
    const live = await database.db
      .selectFrom('sessions')
      .select(['endedAt', 'endReason'])
      .where('accountId', '=', session.accountId)
      .execute();
    expect(live).toEqual([{ endedAt: expect.any(String), endReason: 'password_reset' }]);
    expect(await code(login(ctx, first.login, first.password))).toBe('unauthenticated');
    expect(await code(login(ctx, first.login, second?.password ?? ''))).toBe('ok');
    const reissued = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', '=', 'account.reissued')
      .where('entityId', '=', String(session.accountId))
      .execute();
    expect(reissued).toHaveLength(1);
  });

  it('skips a student without a parent’s consent and says so', async () => {
    const s = await buildCredentialsSchool(database.db);
    const ctx = await ctxFor(database.db, s.teacher.id);
    const result = await issueCredentials(ctx, { personIds: [s.sidorov.studentId, s.sidorov.parentId] });
    expect(result.skipped).toEqual([
      { personId: s.sidorov.studentId, name: 'Сидоров Олег Петрович', reason: 'noConsent' },
    ]);
    expect(result.slips.map((x) => x.personId)).toEqual([s.sidorov.parentId]);
    const accounts = await database.db
      .selectFrom('accounts')
      .select('id')
      .where('personId', '=', s.sidorov.studentId)
      .execute();
    expect(accounts).toEqual([]);
    expect(await code(issueCredentials(ctx, { personIds: [s.sidorov.studentId] }))).toBe('validation');
  });

  it('stores nothing when one person of the batch is outside the class teacher’s reach', async () => {
    const s = await buildCredentialsSchool(database.db);
    const ctx = await ctxFor(database.db, s.teacher.id);
    const outside = [s.other.parentId, s.director.id, s.otherTeacher.id];
    for (const id of outside) {
      expect(await code(issueCredentials(ctx, { personIds: [s.ivanov.parentId, id] }))).toBe('not_found');
    }
    const accounts = await database.db
      .selectFrom('accounts')
      .select('id')
      .where('personId', 'in', [s.ivanov.parentId, s.other.parentId])
      .execute();
    expect(accounts).toEqual([]);
    const directorCtx = await ctxFor(database.db, s.director.id);
    expect(await code(issueCredentials(directorCtx, { personIds: [s.ivanov.parentId] }))).toBe('forbidden');
  });

  it('never lets a class teacher take over a colleague who is also a parent in the class', async () => {
    const s = await buildCredentialsSchool(database.db);
    const colleague = await buildPerson(database.db, { schoolId: s.schoolId, roles: ['teacher', 'parent'] });
    await database.db
      .insertInto('guardianships')
      .values({
        schoolId: s.schoolId,
        guardianId: colleague.id,
        studentId: s.ivanov.studentId,
        kind: 'father',
      })
      .execute();
    const ctx = await ctxFor(database.db, s.teacher.id);
    expect(await code(issueCredentials(ctx, { personIds: [colleague.id] }))).toBe('not_found');
    const list = await listClassCredentials(ctx, s.classA);
    expect(list.parents.find((p) => p.personId === colleague.id)?.canManage).toBe(false);
    const admin = await ctxFor(database.db, s.admin.id);
    const slip = (await issueCredentials(admin, { personIds: [colleague.id] })).slips[0];
    expect(slip?.role).toBe('Сотрудник: учитель. Родитель — отец: Иванов Пётр (5А)');
  });

  it('switches an account off and on: sessions end, issuing skips it unless asked to switch it on', async () => {
    const s = await buildCredentialsSchool(database.db);
    const ctx = await ctxFor(database.db, s.teacher.id);
    const slip = (await issueCredentials(ctx, { personIds: [s.ivanov.parentId] })).slips[0];
    if (!slip) throw new Error('no slip');
    const session = await login(ctx, slip.login, slip.password);
    const off = await switchAccount(ctx, s.ivanov.parentId, false);
    expect(off.account.status).toBe('disabled');
    const sessions = await database.db
      .selectFrom('sessions')
      .select('endReason')
      .where('accountId', '=', session.accountId)
      .execute();
    expect(sessions).toEqual([{ endReason: 'disabled' }]);
    expect(await code(login(ctx, slip.login, slip.password))).toBe('unauthenticated');
    expect(await code(issueCredentials(ctx, { personIds: [s.ivanov.parentId] }))).toBe('validation');
    const again = await issueCredentials(ctx, { personIds: [s.ivanov.parentId], reactivate: true });
    expect(await code(login(ctx, slip.login, again.slips[0]?.password ?? ''))).toBe('ok');
    expect((await switchAccount(ctx, s.ivanov.parentId, false)).account.status).toBe('disabled');
    expect((await switchAccount(ctx, s.ivanov.parentId, true)).account.status).toBe('issued');
    expect(await code(switchAccount(ctx, s.sidorov.parentId, false))).toBe('conflict');
  });

  it('gives two namesakes of one batch different logins', async () => {
    const s = await buildCredentialsSchool(database.db);
    const twin = await buildPerson(database.db, {
      schoolId: s.schoolId,
      roles: ['teacher'],
      lastName: 'Иванова',
      firstName: 'Мария',
      middleName: 'Петровна',
      account: false,
    });
    const ctx = await ctxFor(database.db, s.admin.id);
    const parent = (await issueCredentials(ctx, { personIds: [s.ivanov.parentId, twin.id] })).slips;
    expect(parent).toHaveLength(2);
    expect(new Set(parent.map((p) => p.login)).size).toBe(2);
  });

  it('gives namesakes issued by two batches at the same moment different logins', async () => {
    const s = await buildCredentialsSchool(database.db);
    const namesake = () =>
      buildPerson(database.db, {
        schoolId: s.schoolId,
        roles: ['teacher'],
        lastName: 'Одновременная',
        firstName: 'Ольга',
        middleName: 'Олеговна',
        account: false,
      });
    const [one, two] = [await namesake(), await namesake()];
    const ctx = await ctxFor(database.db, s.admin.id);
    const batches = await Promise.all([
      issueCredentials(ctx, { personIds: [one.id] }),
      issueCredentials(ctx, { personIds: [two.id] }),
    ]);
    const logins = batches.map((b) => b.slips[0]?.login);
    expect(new Set(logins).size).toBe(2);
    for (const login of logins) expect(login).toMatch(/^odnovremennaia\.o/);
  });
});
