import type { Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';

/**
 * Of the given students, those with at least one live guardian whose consent to processing
 * personal data (152-ФЗ) holds today. A student outside this set is «нет согласия» and gets no
 * account. One query for any number of students.
 */
export async function hasConsent(
  db: Db,
  studentIds: readonly number[],
  on: string = today(),
): Promise<Set<number>> {
  if (studentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('guardianships')
    .innerJoin('consents', (join) =>
      join
        .onRef('consents.guardianId', '=', 'guardianships.guardianId')
        .onRef('consents.schoolId', '=', 'guardianships.schoolId'),
    )
    .select('guardianships.studentId')
    .distinct()
    .where('guardianships.studentId', 'in', [...studentIds])
    .where('guardianships.archivedAt', 'is', null)
    .where('consents.givenOn', '<=', on)
    .where((eb) => eb.or([eb('consents.withdrawnOn', 'is', null), eb('consents.withdrawnOn', '>', on)]))
    .execute();
  return new Set(rows.map((r) => r.studentId));
}

/** Each guardian's consent that holds today (the latest), if any. */
export async function currentConsents(db: Db, guardianIds: readonly number[], on: string = today()) {
  if (guardianIds.length === 0) return new Map<number, { id: number; givenOn: string }>();
  const rows = await db
    .selectFrom('consents')
    .select(['id', 'guardianId', 'givenOn'])
    .where('guardianId', 'in', [...guardianIds])
    .where('givenOn', '<=', on)
    .where((eb) => eb.or([eb('withdrawnOn', 'is', null), eb('withdrawnOn', '>', on)]))
    .orderBy('givenOn')
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.guardianId, { id: r.id, givenOn: r.givenOn }]));
}

/**
 * Of the given parents, those whose latest recorded consent was withdrawn on or before `on`, with
 * the date: their contact data is restricted (152-ФЗ art. 9) until a consent is recorded again.
 * A parent who never gave consent is not in the map.
 */
export async function withdrawnConsents(
  db: Db,
  guardianIds: readonly number[],
  on: string = today(),
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (guardianIds.length === 0) return out;
  const rows = await db
    .selectFrom('consents')
    .select(['guardianId', 'withdrawnOn'])
    .where('guardianId', 'in', [...new Set(guardianIds)])
    .orderBy('id')
    .execute();
  const latest = new Map(rows.map((r) => [r.guardianId, r.withdrawnOn]));
  for (const [id, withdrawnOn] of latest)
    if (withdrawnOn !== null && withdrawnOn <= on) out.set(id, withdrawnOn);
  return out;
}
