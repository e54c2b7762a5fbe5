import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../domain/roles.ts';
import type { DB } from '../db/schema.ts';
import type { Lang } from '../http/messages.ts';

/** A role held in a school or, for `district`, in a district. */
export interface RoleGrant {
  role: Role;
  schoolId: number | null;
  districtId: number | null;
}

/** A signed-in person acting through the API. */
export interface PersonActor {
  kind: 'person';
  personId: number;
  accountId: number;
  grants: RoleGrant[];
}

/** Otmetka itself, acting for the command line or a scheduled job; audited as «система». */
export interface SystemActor {
  kind: 'system';
}

/** A visitor without a session, on the few public routes (login, first-run setup). */
export interface AnonymousActor {
  kind: 'anonymous';
}

/** Who is acting. */
export type Actor = PersonActor | SystemActor | AnonymousActor;

/** Where a request came from, for the audit trail and translated messages. */
export interface RequestInfo {
  requestId: string | null;
  ip: string | null;
  lang: Lang;
}

/** Either the database or a transaction in progress. */
export type Db = Kysely<DB> | Transaction<DB>;

/** What every use case receives: the database, the actor and the request. */
export interface Ctx {
  db: Kysely<DB>;
  actor: Actor;
  request: RequestInfo;
}

/** The context of the command line and of jobs. */
export function systemCtx(db: Kysely<DB>): Ctx {
  return { db, actor: { kind: 'system' }, request: { requestId: null, ip: null, lang: 'ru' } };
}

/** The roles an actor holds (any school). */
export function rolesOf(actor: Actor): Role[] {
  return actor.kind === 'person' ? [...new Set(actor.grants.map((g) => g.role))] : [];
}
