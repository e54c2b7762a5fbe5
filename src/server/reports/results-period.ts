import type { Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';

/** A period the results are of. */
export interface ResultsPeriod {
  id: number;
  name: string;
  kind: string;
  scheme: string;
  startsOn: string;
  endsOn: string;
}

const schemeOrder = ['quarters', 'trimesters', 'halves'];

/** The scheme most classes of the year follow (a grade without a scheme follows quarters). */
export async function schemesOf(db: Db, schoolId: number, yearId: number) {
  const [classes, schemes] = await Promise.all([
    db
      .selectFrom('classes')
      .select(['id', 'grade', 'letter'])
      .where('schoolId', '=', schoolId)
      .where('academicYearId', '=', yearId)
      .where('archivedAt', 'is', null)
      .execute(),
    db
      .selectFrom('gradeSchemes')
      .select(['grade', 'scheme'])
      .where('schoolId', '=', schoolId)
      .where('academicYearId', '=', yearId)
      .execute(),
  ]);
  const byGrade = new Map(schemes.map((s) => [s.grade, s.scheme as string]));
  const schemeOf = (grade: number) => byGrade.get(grade) ?? 'quarters';
  const tally = new Map<string, number>();
  for (const c of classes) tally.set(schemeOf(c.grade), (tally.get(schemeOf(c.grade)) ?? 0) + 1);
  const main = [...schemeOrder].sort((a, b) => (tally.get(b) ?? 0) - (tally.get(a) ?? 0))[0]!;
  return { classes, schemeOf, main };
}

/**
 * The period of a school's results: the one asked for; else the term `number` of the main scheme,
 * or the year marks with `wholeYear`; else the term of the main scheme running today (or the last
 * begun). Null when the school has no such period.
 */
export async function resultsPeriod(
  db: Db,
  schoolId: number,
  yearId: number,
  ask: { periodId?: number | null; number?: number; wholeYear?: boolean } = {},
): Promise<ResultsPeriod | null> {
  const periods = await db
    .selectFrom('periods')
    .select(['id', 'name', 'kind', 'scheme', 'number', 'startsOn', 'endsOn'])
    .where('schoolId', '=', schoolId)
    .where('academicYearId', '=', yearId)
    .orderBy('startsOn')
    .orderBy('id')
    .execute();
  const strip = ({ number: _n, ...p }: (typeof periods)[number]): ResultsPeriod => p;
  if (ask.periodId !== undefined && ask.periodId !== null) {
    const p = periods.find((x) => x.id === ask.periodId);
    return p ? strip(p) : null;
  }
  if (ask.wholeYear) {
    const p = periods.find((x) => x.kind === 'year');
    return p ? strip(p) : null;
  }
  const { main } = await schemesOf(db, schoolId, yearId);
  const terms = periods.filter((p) => p.kind === 'term' && p.scheme === main);
  if (ask.number !== undefined) {
    const p = terms.find((x) => x.number === ask.number);
    return p ? strip(p) : null;
  }
  const on = today();
  const p =
    terms.find((x) => x.startsOn <= on && on <= x.endsOn) ??
    terms.filter((x) => x.startsOn <= on).at(-1) ??
    terms[0];
  return p ? strip(p) : null;
}
