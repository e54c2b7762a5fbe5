import type { ClassRoster } from '../../contract/people.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { classScope } from '../access/scopes.ts';
import { currentConsents, hasConsent, withdrawnConsents } from './consent.queries.ts';
import { logCardViews } from './log-card-views.ts';
import { allowedStudents, requireClass } from './people.policy.ts';
import { fullName } from './people.present.ts';
import { accountStatusOf, guardiansOf } from './people.queries.ts';

/**
 * «Мой класс»: today's students of the class in Russian order (and those who left it on
 * departure) with their parents, consent and account status. Every student and parent shown is
 * logged as viewed; a parent who withdrew consent shows no phone.
 */
export async function getClassRoster(ctx: Ctx, classId: number): Promise<ClassRoster> {
  const schoolId = await requireClass(ctx, classId, 'student.personal');
  const on = today();
  const cls = await ctx.db
    .selectFrom('classes')
    .leftJoin('persons', 'persons.id', 'classes.classTeacherId')
    .select([
      'classes.grade',
      'classes.letter',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
    ])
    .where('classes.id', '=', classId)
    .executeTakeFirstOrThrow();
  const students = await ctx.db
    .selectFrom('groupMemberships')
    .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
    .innerJoin('persons', 'persons.id', 'groupMemberships.studentId')
    .leftJoin('studentProfiles', 'studentProfiles.personId', 'persons.id')
    .select([
      'persons.id',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
      'persons.sortKey',
      'studentProfiles.departedOn',
    ])
    .distinct()
    .where('groups.classId', '=', classId)
    .where('groups.kind', '=', 'class')
    .where('groupMemberships.startsOn', '<=', on)
    .where((eb) =>
      eb.or([
        eb('groupMemberships.endsOn', 'is', null),
        eb('groupMemberships.endsOn', '>=', on),
        eb('groupMemberships.endsOn', '=', eb.ref('studentProfiles.departedOn')),
      ]),
    )
    .orderBy('persons.sortKey')
    .orderBy('persons.id')
    .execute();
  const ids = students.map((s) => s.id);
  const guardians = await guardiansOf(ctx.db, ids);
  const guardianIds = [...new Set(guardians.map((g) => g.id))];
  const [consented, consents, withdrawn, accounts, editable, visible] = await Promise.all([
    hasConsent(ctx.db, ids),
    currentConsents(ctx.db, guardianIds),
    withdrawnConsents(ctx.db, guardianIds),
    accountStatusOf(ctx.db, [...ids, ...guardianIds]),
    ctx.db
      .selectFrom('classes')
      .select('id')
      .where('id', '=', classId)
      .where((eb) => classScope(eb, ctx.actor, 'student.edit'))
      .executeTakeFirst(),
    allowedStudents(ctx, 'student.view', ids),
  ]);
  await logCardViews(ctx, 'roster', [
    ...ids.map((studentId) => ({ schoolId, studentId, guardianId: null })),
    ...guardians.map((g) => ({ schoolId, studentId: g.studentId, guardianId: g.id })),
  ]);
  return {
    class: {
      id: classId,
      name: `${cls.grade}${cls.letter}`,
      classTeacher: cls.lastName === null ? null : fullName(cls as Parameters<typeof fullName>[0]),
    },
    students: students.map((s) => ({
      id: s.id,
      lastName: s.lastName,
      firstName: s.firstName,
      middleName: s.middleName,
      departedOn: s.departedOn ?? null,
      canOpen: visible.has(s.id),
      consent: consented.has(s.id),
      account: accounts.get(s.id) ?? 'none',
      guardians: guardians
        .filter((g) => g.studentId === s.id)
        .map((g) => ({
          id: g.id,
          name: fullName(g),
          kind: g.kind,
          phone: withdrawn.has(g.id) ? null : g.phone,
          consentGivenOn: consents.get(g.id)?.givenOn ?? null,
          consentWithdrawnOn: withdrawn.get(g.id) ?? null,
          account: accounts.get(g.id) ?? 'none',
        })),
    })),
    can: { edit: editable !== undefined },
  };
}
