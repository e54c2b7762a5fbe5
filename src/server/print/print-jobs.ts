import type { z } from 'zod';
import type { printJobBody } from '../../contract/print.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { schemeOf } from '../control/control.policy.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { logClassViewed } from '../people/log-card-views.ts';
import type { ClassPrintAccess } from './print-access.ts';
import type { JobParams } from './print-jobs-runner.ts';
import { printKinds } from './print-kinds.ts';
import type { JournalPrint } from './print-request.ts';

/** What `POST /api/print-jobs` asks for. */
export type PrintJobRequest = z.infer<typeof printJobBody>;

const fileWords = {
  ru: { classJournal: 'Журнал', yearArchive: 'Архив' },
  en: { classJournal: 'Journal', yearArchive: 'Archive' },
} as const;

/** A term of the class's year and grade scheme, or a 400 naming `periodId`. */
async function termOfClass(ctx: Ctx, access: ClassPrintAccess, periodId: number) {
  const scheme = (await schemeOf(ctx.db, access.academicYearId, access.grade)) as
    | 'quarters'
    | 'trimesters'
    | 'halves';
  const period = await ctx.db
    .selectFrom('periods')
    .select(['id', 'name'])
    .where('id', '=', periodId)
    .where('kind', '=', 'term')
    .where('scheme', '=', scheme)
    .where('academicYearId', '=', access.academicYearId)
    .where('schoolId', '=', access.schoolId)
    .executeTakeFirst();
  if (!period) {
    throw new AppError(
      'validation',
      'printJobsPeriodNotOfYear',
      {},
      { periodId: 'printJobsPeriodNotOfYear' },
    );
  }
  return period;
}

/**
 * Queues a background print after checking the actor may print it (403/404 before anything is
 * queued) and that the period is a term of the class's year; records `print.request`. Returns the
 * job's id; the caller kicks the runner.
 */
export async function requestPrint(ctx: Ctx, body: PrintJobRequest): Promise<number> {
  if (ctx.actor.kind !== 'person') throw notFound();
  const personId = ctx.actor.personId;
  const kind = printKinds[body.kind];
  const access = await kind.access(ctx, body.classId, body.courseIds);
  const periodId = body.periodId ?? null;
  const period = periodId === null ? null : await termOfClass(ctx, access, periodId);
  const year = await ctx.db
    .selectFrom('academicYears')
    .select('name')
    .where('id', '=', access.academicYearId)
    .executeTakeFirstOrThrow();
  const lang = ctx.request.lang;
  const print: JournalPrint = {
    schoolId: access.schoolId,
    classId: access.classId,
    academicYearId: access.academicYearId,
    periodId,
    courseIds: access.whole ? null : access.courseIds,
    printedOn: today(),
    lang,
  };
  const baseName = [
    fileWords[lang][body.kind],
    `${access.grade}${access.letter}`,
    year.name.replace(/\//g, '-'),
    period?.name,
  ]
    .filter((part) => part)
    .join(' ');
  const params: JobParams = { print, baseName };
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('printJobs')
      .values({
        schoolId: access.schoolId,
        requestedBy: personId,
        kind: body.kind,
        params: JSON.stringify(params),
        lang,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The whole journal prints «Общие сведения»: students' and parents' personal data (152-ФЗ log).
    if (access.whole) await logClassViewed({ ...ctx, db: trx }, 'print', access.schoolId, access.classId);
    await recordAudit(trx, ctx, {
      schoolId: access.schoolId,
      action: 'print.request',
      entity: 'printJob',
      entityId: row.id,
      after: { kind: body.kind, classId: access.classId, periodId, courseIds: print.courseIds },
    });
    return row.id;
  });
}
