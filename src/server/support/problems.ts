import type { z } from 'zod';
import type { newProblemBody, problemsQuery, resolveProblemBody } from '../../contract/support.ts';
import type { Ctx } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';
import { queueProblemLetters } from './problem-letters.ts';
import { supportActor, supportManager } from './support.policy.ts';
import { problemsOf } from './support.queries.ts';
import { otmetkaVersion } from './version.ts';

/**
 * A page's address as stored: the path alone; a query or a fragment may carry names or ids, and a
 * whole address is cut down to its path too.
 */
export function pathOnly(address: string): string {
  try {
    return new URL(address, 'http://otmetka.invalid').pathname;
  } catch {
    return '/';
  }
}

/** Without the reporter's id, which only the policy needs. */
function item<T extends { reporterId: number }>({ reporterId: _, ...rest }: T) {
  return rest;
}

/**
 * Anyone signed in reports a problem from a page: stored for their school with the page's path,
 * the browser and this server's version, audited, and mailed to the school's administrators.
 */
export async function reportProblem(ctx: Ctx, body: z.infer<typeof newProblemBody>) {
  const who = supportActor(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const createdAt = new Date().toISOString();
    const values = {
      schoolId: who.schoolId,
      reporterId: who.personId,
      description: body.description,
      pagePath: pathOnly(body.pagePath),
      userAgent: body.userAgent,
      appVersion: otmetkaVersion,
      createdAt,
    };
    const { id } = await trx
      .insertInto('problemReports')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    const [stored] = await problemsOf(trx, { schoolId: who.schoolId, id });
    await queueProblemLetters(trx, { ...values, id, reporter: stored?.reporter ?? '' });
    await recordAudit(trx, ctx, {
      schoolId: who.schoolId,
      action: 'support.problem_reported',
      entity: 'problem_report',
      entityId: id,
      after: { pagePath: values.pagePath, appVersion: values.appVersion },
    });
    return id;
  });
  const [created] = await problemsOf(ctx.db, { schoolId: who.schoolId, id });
  if (!created) throw notFound();
  return item(created);
}

/** The school's problem reports for its administrator, newest first (403 for everyone else). */
export async function listProblems(ctx: Ctx, query: z.infer<typeof problemsQuery>) {
  const who = supportManager(ctx);
  const rows = await problemsOf(ctx.db, { schoolId: who.schoolId, status: query.status });
  return { items: rows.map(item) };
}

/** The actor's own problem reports and where they stand. */
export async function myProblems(ctx: Ctx) {
  const who = supportActor(ctx);
  const rows = await problemsOf(ctx.db, { schoolId: who.schoolId, reporterId: who.personId });
  return { items: rows.map(item) };
}

/**
 * The administrator marks a report resolved, maybe with a note. 404 for a report the actor does
 * not see (another school's, someone else's), 403 for its reporter, 409 when already resolved.
 */
export async function resolveProblem(ctx: Ctx, id: number, body: z.infer<typeof resolveProblemBody>) {
  const who = supportActor(ctx);
  const [found] = await problemsOf(ctx.db, { schoolId: who.schoolId, id });
  if (!found || (!who.manages && found.reporterId !== who.personId)) throw notFound();
  if (!who.manages) throw forbidden();
  const note = body.note ? body.note : null;
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('problemReports')
      .set({ resolvedAt: new Date().toISOString(), resolvedBy: who.personId, resolutionNote: note })
      .where('id', '=', id)
      .where('schoolId', '=', who.schoolId)
      .where('resolvedAt', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw new AppError('conflict', 'supportAlreadyResolved');
    await recordAudit(trx, ctx, {
      schoolId: who.schoolId,
      action: 'support.problem_resolved',
      entity: 'problem_report',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'resolved', note },
    });
  });
  const [resolved] = await problemsOf(ctx.db, { schoolId: who.schoolId, id });
  if (!resolved) throw notFound();
  return item(resolved);
}
