import type { z } from 'zod';
import type { newStaffBody, StaffItem, StaffRole, staffUpdateBody } from '../../contract/staff.ts';
import { russianSortKey } from '../../domain/russian-order.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { createPerson } from '../people/create-person.ts';
import { requireSchoolAction } from '../people/people.policy.ts';
import { disableAccountsOf } from '../people/people.queries.ts';
import { listStaff } from './list-staff.ts';
import { staffOf, staffRolesOf } from './staff.queries.ts';

const blank = (v: string | null | undefined) => (v === '' ? null : v);

async function staffItem(ctx: Ctx, personId: number): Promise<StaffItem> {
  const [item] = await listStaff(ctx, personId);
  if (!item) throw notFound();
  return item;
}

/** The staff member in the actor's school, or 404. */
async function requireStaff(trx: Db, schoolId: number, personId: number) {
  const [person] = await staffOf(trx, schoolId, [personId]);
  if (!person) throw notFound();
  return person;
}

/** The administrator adds a staff member with roles; credentials are issued separately. */
export async function createStaff(ctx: Ctx, input: z.infer<typeof newStaffBody>): Promise<StaffItem> {
  const schoolId = requireSchoolAction(ctx, 'staff.manage');
  const roles = [...new Set(input.roles)];
  if (roles.length === 0)
    throw new AppError('validation', 'peopleRolesRequired', {}, { roles: 'peopleRolesRequired' });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const personId = await createPerson(trx, ctx, {
      schoolId,
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName,
      roles,
    });
    const contacts = { phone: blank(input.phone) ?? null, email: blank(input.email) ?? null };
    if (contacts.phone !== null || contacts.email !== null) {
      await trx.updateTable('persons').set(contacts).where('id', '=', personId).execute();
      await recordAudit(trx, ctx, {
        schoolId,
        action: 'person.contacts_updated',
        entity: 'person',
        entityId: personId,
        before: { phone: null, email: null },
        after: contacts,
      });
    }
    return personId;
  });
  return staffItem(ctx, id);
}

async function changeRoles(trx: Db, ctx: Ctx, schoolId: number, personId: number, wanted: StaffRole[]) {
  const current = (await staffRolesOf(trx, schoolId, [personId])).get(personId) ?? [];
  const now = new Date().toISOString();
  const revoke = current.filter((r) => !wanted.includes(r.role));
  const grant = wanted.filter((role) => !current.some((r) => r.role === role));
  if (revoke.length === 0 && grant.length === 0) return;
  if (revoke.length)
    await trx
      .updateTable('roleAssignments')
      .set({ revokedAt: now })
      .where(
        'id',
        'in',
        revoke.map((r) => r.id),
      )
      .execute();
  for (const role of grant)
    await trx.insertInto('roleAssignments').values({ personId, role, schoolId, districtId: null }).execute();
  await recordAudit(trx, ctx, {
    schoolId,
    action: 'person.roles_changed',
    entity: 'person',
    entityId: personId,
    before: { roles: current.map((r) => r.role) },
    after: { roles: wanted },
  });
}

/** The administrator corrects a staff member's name or contacts, or changes their roles (revoked, never deleted). */
export async function updateStaff(
  ctx: Ctx,
  personId: number,
  input: z.infer<typeof staffUpdateBody>,
): Promise<StaffItem> {
  const schoolId = requireSchoolAction(ctx, 'staff.manage');
  const self = ctx.actor.kind === 'person' && ctx.actor.personId === personId;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await requireStaff(trx, schoolId, personId);
    if (before.archivedAt !== null) throw new AppError('conflict', 'peopleStaffArchived');
    if (input.roles !== undefined) {
      const roles = [...new Set(input.roles)];
      if (roles.length === 0)
        throw new AppError('validation', 'peopleRolesRequired', {}, { roles: 'peopleRolesRequired' });
      if (self && !roles.includes('admin'))
        throw new AppError('validation', 'peopleOwnAdminRole', {}, { roles: 'peopleOwnAdminRole' });
      await changeRoles(trx, ctx, schoolId, personId, roles);
    }
    const change: Record<string, string | null> = {};
    for (const k of ['lastName', 'firstName', 'middleName', 'phone', 'email'] as const) {
      const raw = input[k];
      if (raw === undefined) continue;
      const value = k === 'middleName' ? raw : blank(raw);
      if (value !== before[k]) change[k] = value ?? null;
    }
    if (Object.keys(change).length === 0) return;
    const names = { ...before, ...change } as { lastName: string; firstName: string; middleName: string };
    await trx
      .updateTable('persons')
      .set({ ...change, sortKey: russianSortKey(names.lastName, names.firstName, names.middleName) })
      .where('id', '=', personId)
      .execute();
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'person.updated',
      entity: 'person',
      entityId: personId,
      before: Object.fromEntries(Object.keys(change).map((k) => [k, before[k as keyof typeof before]])),
      after: change,
    });
  });
  return staffItem(ctx, personId);
}

/** The staff member leaves: the person is archived, their account disabled and sessions ended. */
export async function archiveStaff(ctx: Ctx, personId: number): Promise<StaffItem> {
  const schoolId = requireSchoolAction(ctx, 'staff.manage');
  if (ctx.actor.kind === 'person' && ctx.actor.personId === personId)
    throw new AppError('validation', 'peopleArchiveSelf');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await requireStaff(trx, schoolId, personId);
    if (before.archivedAt !== null) return;
    const now = new Date().toISOString();
    await trx.updateTable('persons').set({ archivedAt: now }).where('id', '=', personId).execute();
    const accounts = await disableAccountsOf(trx, personId, now);
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'person.archived',
      entity: 'person',
      entityId: personId,
      before: { archivedAt: null },
      after: { archivedAt: now, accountsDisabled: accounts.length },
    });
  });
  return staffItem(ctx, personId);
}
