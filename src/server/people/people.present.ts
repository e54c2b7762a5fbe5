import type { StudentCard } from '../../contract/people.ts';
import type { findStudent, guardiansOf } from './people.queries.ts';

type StudentRow = Awaited<ReturnType<typeof findStudent>>;
type GuardianRow = Awaited<ReturnType<typeof guardiansOf>>[number];

/** A student's card as the API answers it. */
export function presentStudentCard(
  student: StudentRow,
  guardians: GuardianRow[],
  canEdit: boolean,
): StudentCard {
  return {
    id: student.id,
    lastName: student.lastName,
    firstName: student.firstName,
    middleName: student.middleName,
    birthDate: student.birthDate,
    phone: student.phone,
    email: student.email,
    className: student.grade === null ? null : `${student.grade}${student.letter}`,
    guardians: guardians.map((g) => ({
      id: g.id,
      name: `${g.lastName} ${g.firstName} ${g.middleName}`.trim(),
      kind: g.kind,
      phone: g.phone,
      email: g.email,
    })),
    can: { edit: canEdit },
  };
}
