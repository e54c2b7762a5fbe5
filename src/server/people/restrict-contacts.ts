import type { Db } from '../access/actor.ts';
import { withdrawnConsents } from './consent.queries.ts';

/** Contact fields a parent's consent withdrawal hides (152-ФЗ): phones, e-mail, address, workplace. */
const contactFields = ['phone', 'extraPhone', 'email', 'address', 'workplace'] as const;

/**
 * The same people with the contact fields of parents who withdrew consent set to null, for lists
 * and exports that read persons directly. Fields a row does not have stay absent.
 */
export async function withoutWithdrawnContacts<T extends { id: number }>(
  db: Db,
  people: readonly T[],
): Promise<T[]> {
  const withdrawn = await withdrawnConsents(
    db,
    people.map((p) => p.id),
  );
  if (withdrawn.size === 0) return [...people];
  return people.map((p) => {
    if (!withdrawn.has(p.id)) return p;
    const copy: Record<string, unknown> = { ...p };
    for (const f of contactFields) if (f in copy) copy[f] = null;
    return copy as T;
  });
}
