import type { Me } from '../../contract/auth.ts';
import { abilitiesOf } from '../../domain/abilities.ts';
import { roles as roleOrder } from '../../domain/roles.ts';
import { type Ctx, rolesOf } from '../access/actor.ts';
import { childrenWithClasses, classesLedBy } from '../access/relationships.queries.ts';
import { AppError } from '../http/app-error.ts';
import { districtById, schoolsByIds } from '../structure/structure.queries.ts';

/** The session facts the HTTP layer already knows. */
export interface SessionFacts {
  person: Me['person'];
  accountId: number;
  login: string;
  mustChangePassword: boolean;
  idleTimeoutMinutes: number;
  csrfToken: string;
  /** Locked since; null while open. */
  lockedAt: string | null;
}

/** Who the actor is, where, and what they may do: what the web app needs to draw itself. */
export async function getMe(ctx: Ctx, session: SessionFacts): Promise<Me> {
  const { db, actor } = ctx;
  if (actor.kind !== 'person') throw new AppError('unauthenticated', 'unauthenticated');
  // The lock screen shows whose session it is, and nothing of what the session may see.
  if (session.lockedAt) return lockedMe(session);
  const schoolIds = [
    ...new Set(actor.grants.map((g) => g.schoolId).filter((id): id is number => id !== null)),
  ];
  const districtId = actor.grants.find((g) => g.districtId !== null)?.districtId ?? null;
  const [schools, district, led, children] = await Promise.all([
    schoolsByIds(db, schoolIds),
    districtId === null ? undefined : districtById(db, districtId),
    classesLedBy(db, actor.personId),
    childrenWithClasses(db, actor.personId),
  ]);
  const held = rolesOf(actor);
  return {
    person: session.person,
    login: session.login,
    roles: roleOrder.filter((r) => held.includes(r)),
    schools,
    district: district ?? null,
    abilities: abilitiesOf(held),
    classTeacherOf: led.map((c) => ({ id: c.id, name: `${c.grade}${c.letter}` })),
    children: children.map((c) => ({
      id: c.id,
      name: `${c.lastName} ${c.firstName}`,
      className: c.grade === null ? null : `${c.grade}${c.letter}`,
    })),
    mustChangePassword: session.mustChangePassword,
    idleTimeoutMinutes: session.idleTimeoutMinutes,
    locked: false,
    csrfToken: session.csrfToken,
  };
}

function lockedMe(session: SessionFacts): Me {
  return {
    person: session.person,
    login: session.login,
    roles: [],
    schools: [],
    district: null,
    abilities: [],
    classTeacherOf: [],
    children: [],
    mustChangePassword: session.mustChangePassword,
    idleTimeoutMinutes: session.idleTimeoutMinutes,
    locked: true,
    csrfToken: session.csrfToken,
  };
}
