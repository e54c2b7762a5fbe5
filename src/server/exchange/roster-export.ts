import { zipSync } from 'fflate';
import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { forbidden, notFound } from '../http/app-error.ts';
import { logCardViews } from '../people/log-card-views.ts';
import { withoutWithdrawnContacts } from '../people/restrict-contacts.ts';
import { loadRosterMarks, loadRosterPeople, loadRosterYear } from './roster-export.queries.ts';
import { buildRosterFiles, rosterPersonIds } from './roster-export-build.ts';

/** A finished OneRoster export: the ZIP and the name to save it under. */
export interface RosterExport {
  fileName: string;
  zip: Uint8Array;
  /** Rows per CSV file, for the audit trail and the page. */
  counts: Record<string, number>;
}

/**
 * The OneRoster 1.2 CSV export of a school year (`roster.exchange`: the administrator of its
 * school): a ZIP of the CSV files and manifest.csv. A year of another school is not found.
 * Every student and parent exported is logged as viewed; parents who withdrew consent go out
 * without e-mail and phone.
 */
export async function exportOneRoster(ctx: Ctx, yearId: number, now = new Date()): Promise<RosterExport> {
  const year = await ctx.db
    .selectFrom('academicYears')
    .select(['id', 'schoolId', 'name'])
    .where('id', '=', yearId)
    .executeTakeFirst();
  const ownSchool =
    ctx.actor.kind === 'person' &&
    ctx.actor.grants.some((g) => g.schoolId !== null && g.schoolId === year?.schoolId);
  if (!year || !ownSchool) throw notFound();
  if (!reachOf(ctx.actor, 'roster.exchange').schoolIds.includes(year.schoolId)) throw forbidden();

  const data = await loadRosterYear(ctx.db, year.schoolId, year.id);
  const loaded = await loadRosterPeople(ctx.db, rosterPersonIds(data));
  const people = { ...loaded, people: await withoutWithdrawnContacts(ctx.db, loaded.people) };
  const studentIds = new Set(data.memberships.map((m) => m.studentId));
  const schoolId = year.schoolId;
  await logCardViews(ctx, 'export', [
    ...[...studentIds].map((studentId) => ({ schoolId, studentId, guardianId: null })),
    ...data.guardianships
      .filter((g) => studentIds.has(g.studentId))
      .map((g) => ({ schoolId, studentId: g.studentId, guardianId: g.guardianId })),
  ]);
  const marks = await loadRosterMarks(
    ctx.db,
    data.courses.map((c) => c.id),
  );
  const exportedAt = now.toISOString();
  const files = buildRosterFiles({ data, people, marks, exportedAt });
  const encoder = new TextEncoder();
  const entries: Record<string, Uint8Array> = {};
  const counts: Record<string, number> = {};
  for (const [name, text] of files) {
    entries[name] = encoder.encode(text);
    counts[name] = Math.max(0, text.split('\r\n').length - 2);
  }
  const zip = zipSync(entries, { level: 6, mtime: now });
  await recordAudit(ctx.db, ctx, {
    schoolId: year.schoolId,
    action: 'roster.export',
    entity: 'academicYear',
    entityId: year.id,
    after: { exportedAt, counts },
  });
  const yearPart = year.name.replace(/[^0-9A-Za-zА-Яа-яЁё]+/g, '-').replace(/^-|-$/g, '');
  return { fileName: `oneroster-${yearPart}.zip`, zip, counts };
}
