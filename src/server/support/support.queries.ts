import type { ProblemItem } from '../../contract/support.ts';
import type { Db } from '../access/actor.ts';
import { shortName } from '../timetable/timetable.queries.ts';

/** What narrows a list of problem reports (always within one school). */
export interface ProblemFilter {
  schoolId: number;
  status?: 'open' | 'resolved' | undefined;
  reporterId?: number;
  id?: number;
}

/** Problem reports of a school, newest first, with who reported and who resolved them. */
export async function problemsOf(
  db: Db,
  f: ProblemFilter,
): Promise<(ProblemItem & { reporterId: number })[]> {
  let q = db
    .selectFrom('problemReports as p')
    .innerJoin('persons as r', 'r.id', 'p.reporterId')
    .leftJoin('persons as x', 'x.id', 'p.resolvedBy')
    .select([
      'p.id',
      'p.reporterId',
      'p.description',
      'p.pagePath',
      'p.userAgent',
      'p.appVersion',
      'p.createdAt',
      'p.resolvedAt',
      'p.resolutionNote',
      'r.lastName as rLast',
      'r.firstName as rFirst',
      'r.middleName as rMiddle',
      'x.lastName as xLast',
      'x.firstName as xFirst',
      'x.middleName as xMiddle',
    ])
    .where('p.schoolId', '=', f.schoolId);
  if (f.status === 'open') q = q.where('p.resolvedAt', 'is', null);
  if (f.status === 'resolved') q = q.where('p.resolvedAt', 'is not', null);
  if (f.reporterId !== undefined) q = q.where('p.reporterId', '=', f.reporterId);
  if (f.id !== undefined) q = q.where('p.id', '=', f.id);
  const rows = await q.orderBy('p.createdAt', 'desc').orderBy('p.id', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    reporterId: r.reporterId,
    description: r.description,
    pagePath: r.pagePath,
    userAgent: r.userAgent,
    appVersion: r.appVersion,
    createdAt: String(r.createdAt),
    reporter: shortName({ lastName: r.rLast, firstName: r.rFirst, middleName: r.rMiddle }),
    status: r.resolvedAt === null ? 'open' : 'resolved',
    resolvedAt: r.resolvedAt === null ? null : String(r.resolvedAt),
    resolvedBy:
      r.xLast === null
        ? null
        : shortName({ lastName: r.xLast, firstName: r.xFirst ?? '', middleName: r.xMiddle ?? '' }),
    resolutionNote: r.resolutionNote,
  }));
}

/** The school's active administrators with an e-mail address (a problem report's letter goes to them). */
export async function schoolAdmins(db: Db, schoolId: number): Promise<{ personId: number; email: string }[]> {
  const rows = await db
    .selectFrom('roleAssignments')
    .innerJoin('persons', 'persons.id', 'roleAssignments.personId')
    .select(['persons.id as personId', 'persons.email'])
    .where('roleAssignments.role', '=', 'admin')
    .where('roleAssignments.schoolId', '=', schoolId)
    .where('roleAssignments.revokedAt', 'is', null)
    .where('persons.archivedAt', 'is', null)
    .where('persons.email', 'is not', null)
    .orderBy('persons.id')
    .execute();
  const seen = new Set<number>();
  const out: { personId: number; email: string }[] = [];
  for (const r of rows) {
    const email = r.email?.trim() ?? '';
    if (email === '' || seen.has(r.personId)) continue;
    seen.add(r.personId);
    out.push({ personId: r.personId, email });
  }
  return out;
}
