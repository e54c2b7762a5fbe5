import type { Me } from '../../contract/auth.ts';

/** A person's full name as Russian documents write it: Фамилия Имя Отчество (no patronymic: two words). */
export function fullName(person: Pick<Me['person'], 'lastName' | 'firstName' | 'middleName'>): string {
  return [person.lastName, person.firstName, person.middleName]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

/** What the header says the person works for: the school's short name(s), else the district. */
export function organisationOf(me: Pick<Me, 'schools' | 'district'>): string {
  if (me.schools.length > 0) return me.schools.map((s) => s.shortName).join(', ');
  return me.district?.name ?? '';
}
