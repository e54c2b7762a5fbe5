import type { AccountStatus, GuardianItem, StudentCard } from '../../contract/people.ts';
import type { GuardianRow, StudentRow } from './people.queries.ts';

/** How much of a student a viewer may see: names only, the family's view, or the personal file. */
export type CardLevel = 'names' | 'family' | 'personal';

/** A person's full name as the interface writes it. */
export function fullName(p: { lastName: string; firstName: string; middleName: string }): string {
  return `${p.lastName} ${p.firstName} ${p.middleName}`.trim();
}

/**
 * A guardian on the card; workplace, extra phone, consent and account only at the personal level.
 * A parent who withdrew consent (`withdrawnOn`) shows no contacts to anyone (152-ФЗ), only the date.
 */
export function presentGuardian(
  g: GuardianRow,
  level: CardLevel,
  consent: { givenOn: string | null; withdrawnOn: string | null },
  account: AccountStatus | null,
): GuardianItem {
  const personal = level === 'personal';
  const open = consent.withdrawnOn === null;
  return {
    id: g.id,
    name: fullName(g),
    lastName: g.lastName,
    firstName: g.firstName,
    middleName: g.middleName,
    kind: g.kind,
    phone: open ? g.phone : null,
    extraPhone: personal && open ? g.extraPhone : null,
    email: open ? g.email : null,
    workplace: personal && open ? g.workplace : null,
    consentGivenOn: personal ? consent.givenOn : null,
    consentWithdrawnOn: consent.withdrawnOn,
    account: personal ? account : null,
  };
}

/** A student's card as the API answers it, cut to what the viewer's level allows. */
export function presentStudentCard(
  student: StudentRow,
  guardians: GuardianItem[],
  o: { level: CardLevel; canEdit: boolean; consent: boolean; account: AccountStatus },
): StudentCard {
  const personal = o.level === 'personal';
  const contacts = o.level !== 'names';
  return {
    id: student.id,
    lastName: student.lastName,
    firstName: student.firstName,
    middleName: student.middleName,
    classId: student.classId ?? null,
    className: student.grade === null ? null : `${student.grade}${student.letter}`,
    birthDate: contacts ? student.birthDate : null,
    sex: personal ? student.sex : null,
    address: personal ? student.address : null,
    phone: contacts ? student.phone : null,
    email: contacts ? student.email : null,
    file:
      personal && student.profileId !== null
        ? {
            fileNumber: student.fileNumber ?? '',
            healthGroup: student.healthGroup ?? null,
            peGroup: student.peGroup ?? null,
            arrivedOn: student.arrivedOn ?? null,
            arrivalOrder: student.arrivalOrder ?? null,
            departedOn: student.departedOn ?? null,
            departureOrder: student.departureOrder ?? null,
          }
        : null,
    guardians: contacts ? guardians : [],
    consent: personal ? o.consent : null,
    account: personal ? o.account : null,
    can: { edit: o.canEdit, personal },
  };
}
