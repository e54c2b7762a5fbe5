import type { Db } from '../access/actor.ts';
import { translate } from '../http/messages.ts';
import { withdrawnConsents } from '../people/consent.queries.ts';
import type { FullName, JournalPeriod } from './journal-data.ts';
import type { JournalPrint } from './print-request.ts';

/** A parent as the general information lists them. */
export interface ParentInfo extends FullName {
  workplace: string | null;
  phone: string | null;
}

/** A student's line of «Общие сведения об учащихся». */
export interface StudentInfo extends FullName {
  id: number;
  birthDate: string | null;
  fileNumber: string | null;
  address: string | null;
  healthGroup: string | null;
  parents: ParentInfo[];
}

/** A remark on keeping one of the class's courses. */
export interface RemarkLine {
  date: string;
  subject: string;
  text: string;
  status: 'open' | 'fixed' | 'closed';
}

/** What the class's own sections show: students, attendance per period, remarks, the director. */
export interface ClassSections {
  students: StudentInfo[];
  /** Lessons missed and of them for illness, by `${periodId}:${studentId}` (periods: the terms printed). */
  missed: Map<string, { missed: number; illness: number }>;
  remarks: RemarkLine[];
  director: FullName | null;
}

/**
 * The class's own sections of the journal: its students in the year (Russian name order) with
 * their personal file and parents, the lessons each missed per term of the print (held lessons
 * of the class's courses, live absences), the remarks on its courses, and the school's director.
 */
export async function loadClassSections(
  db: Db,
  print: JournalPrint,
  courseIds: readonly number[],
  terms: readonly JournalPeriod[],
): Promise<ClassSections> {
  const rows = await db
    .selectFrom('groupMemberships as gm')
    .innerJoin('groups as g', 'g.id', 'gm.groupId')
    .innerJoin('persons as p', 'p.id', 'gm.studentId')
    .leftJoin('studentProfiles as sp', 'sp.personId', 'p.id')
    .select(['p.id', 'p.lastName', 'p.firstName', 'p.middleName', 'p.birthDate', 'p.address', 'p.sortKey'])
    .select(['sp.fileNumber', 'sp.healthGroup'])
    .distinct()
    .where('g.classId', '=', print.classId)
    .where('g.kind', '=', 'class')
    .orderBy('p.sortKey')
    .orderBy('p.id')
    .execute();
  const ids = rows.map((r) => r.id);
  const [parents, absences, remarks, director] = await Promise.all([
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('guardianships as gs')
          .innerJoin('persons as p', 'p.id', 'gs.guardianId')
          .select([
            'gs.studentId',
            'p.id',
            'p.lastName',
            'p.firstName',
            'p.middleName',
            'p.workplace',
            'p.phone',
          ])
          .where('gs.studentId', 'in', ids)
          .where('gs.archivedAt', 'is', null)
          .orderBy('gs.id')
          .execute(),
    ids.length === 0 || courseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('attendance as a')
          .innerJoin('lessons as l', 'l.id', 'a.lessonId')
          .select(['a.studentId', 'l.date', 'a.reason'])
          .where('l.courseId', 'in', [...courseIds])
          .where('l.cancelledAt', 'is', null)
          .where('a.deletedAt', 'is', null)
          .where('a.value', '=', 'absent')
          .where('a.studentId', 'in', ids)
          .execute(),
    courseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('remarks as r')
          .innerJoin('courses as c', 'c.id', 'r.courseId')
          .innerJoin('subjects as s', 's.id', 'c.subjectId')
          .select(['r.createdAt', 's.name', 'r.text', 'r.fixedAt', 'r.closedAt'])
          .where('r.courseId', 'in', [...courseIds])
          .orderBy('r.createdAt')
          .orderBy('r.id')
          .execute(),
    db
      .selectFrom('roleAssignments as ra')
      .innerJoin('persons as p', 'p.id', 'ra.personId')
      .select(['p.lastName', 'p.firstName', 'p.middleName'])
      .where('ra.schoolId', '=', print.schoolId)
      .where('ra.role', '=', 'director')
      .where('ra.revokedAt', 'is', null)
      .orderBy('ra.id')
      .executeTakeFirst(),
  ]);
  const parentsOf = new Map<number, ParentInfo[]>();
  const withdrawn = await withdrawnConsents(
    db,
    parents.map((p) => p.id),
  );
  for (const p of parents) {
    const list = parentsOf.get(p.studentId) ?? [];
    list.push({
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      // A parent who withdrew consent (152-ФЗ): the date of withdrawal instead of their contacts.
      workplace: withdrawn.has(p.id)
        ? translate(print.lang, 'privacyConsentWithdrawn', {
            date: withdrawn.get(p.id)!.split('-').reverse().join('.'),
          })
        : p.workplace,
      phone: withdrawn.has(p.id) ? null : p.phone,
    });
    parentsOf.set(p.studentId, list);
  }
  const missed = new Map<string, { missed: number; illness: number }>();
  for (const a of absences) {
    const term = terms.find((t) => t.startsOn <= a.date && t.endsOn >= a.date);
    if (!term) continue;
    const key = `${term.id}:${a.studentId}`;
    const count = missed.get(key) ?? { missed: 0, illness: 0 };
    count.missed += 1;
    if (a.reason === 'illness') count.illness += 1;
    missed.set(key, count);
  }
  return {
    students: rows.map((r) => ({
      id: r.id,
      lastName: r.lastName,
      firstName: r.firstName,
      middleName: r.middleName,
      birthDate: r.birthDate,
      fileNumber: r.fileNumber,
      address: r.address,
      healthGroup: r.healthGroup,
      parents: parentsOf.get(r.id) ?? [],
    })),
    missed,
    remarks: remarks.map((r) => ({
      date: String(r.createdAt).slice(0, 10),
      subject: r.name,
      text: r.text,
      status: r.closedAt ? 'closed' : r.fixedAt ? 'fixed' : 'open',
    })),
    director: director ?? null,
  };
}
