import type { RosterImportReport } from '../../contract/roster-import.ts';
import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { lockForTransaction } from '../db/locks.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';
import { applyPlan } from './roster-import-apply.ts';
import { addValidation, planHasErrors, planRoster, type TargetYear } from './roster-import-plan.ts';
import { readRosterZip, UnreadableRoster } from './roster-import-read.ts';
import { buildRosterReport } from './roster-import-report.ts';

/** A refused import: nothing was stored; the report tells every row's problems. */
export class RosterImportRejected extends Error {
  constructor(readonly report: RosterImportReport) {
    super('roster import rejected');
    this.name = 'RosterImportRejected';
  }
}

/**
 * The year the roster goes into, if the actor may exchange rosters of its school
 * (`roster.exchange`: the administrator). A year of another school is not found.
 */
export async function requireRosterYear(ctx: Ctx, yearId: number): Promise<TargetYear> {
  const year = await ctx.db
    .selectFrom('academicYears')
    .select(['id', 'schoolId', 'startsOn', 'endsOn'])
    .where('id', '=', yearId)
    .executeTakeFirst();
  const actor = ctx.actor;
  const ownSchool =
    actor.kind === 'person' && actor.grants.some((g) => g.schoolId !== null && g.schoolId === year?.schoolId);
  if (!year || !ownSchool) throw notFound();
  if (!reachOf(actor, 'roster.exchange').schoolIds.includes(year.schoolId)) throw forbidden();
  return { schoolId: year.schoolId, yearId: year.id, startsOn: year.startsOn, endsOn: year.endsOn };
}

function read(bytes: Uint8Array) {
  try {
    return readRosterZip(bytes);
  } catch (error) {
    if (!(error instanceof UnreadableRoster)) throw error;
    if (error.reason === 'notZip') throw new AppError('validation', 'rosterImportNotZip');
    throw new AppError('validation', 'rosterImportUnreadable', { file: error.file ?? '' });
  }
}

/** Reads the archive and tells, file by file and row by row, what importing it would do; stores nothing. */
export async function previewRosterImport(
  ctx: Ctx,
  yearId: number,
  bytes: Uint8Array,
): Promise<RosterImportReport> {
  const year = await requireRosterYear(ctx, yearId);
  const { files, texts } = read(bytes);
  const plan = await planRoster(ctx.db, year, files);
  addValidation(plan, texts);
  return buildRosterReport(ctx.request.lang, plan, [...files.keys()], false);
}

/** Imports the archive into the year, all or nothing: any problem refuses the whole archive. */
export async function importRoster(ctx: Ctx, yearId: number, bytes: Uint8Array): Promise<RosterImportReport> {
  const year = await requireRosterYear(ctx, yearId);
  const { files, texts } = read(bytes);
  return ctx.db.transaction().execute(async (trx) => {
    // Planned inside the transaction (after its lock), so two imports at once cannot both create.
    await lockForTransaction(trx, `student-records:${year.schoolId}`);
    const plan = await planRoster(trx, year, files);
    addValidation(plan, texts);
    if (planHasErrors(plan))
      throw new RosterImportRejected(buildRosterReport(ctx.request.lang, plan, [...files.keys()], false));
    const applied = await applyPlan(trx, ctx, plan, plan.existing);
    await recordAudit(trx, ctx, {
      schoolId: year.schoolId,
      action: 'roster.import',
      entity: 'academicYear',
      entityId: year.yearId,
      after: applied,
    });
    return buildRosterReport(ctx.request.lang, plan, [...files.keys()], true);
  });
}
