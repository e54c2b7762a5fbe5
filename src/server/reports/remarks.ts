import type { z } from 'zod';
import type { newRemarkBody, RemarkItem, remarksAnswer, remarksQuery } from '../../contract/remarks.ts';
import { parseSchoolSettings } from '../../contract/settings.ts';
import { countByTeacher, returnedText } from '../../domain/remarks.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';
import { teachesIn } from '../journal/journal.policy.ts';
import { settingsText } from '../settings/settings.queries.ts';
import { publicRemark, type RemarkRow, readRemarks } from './remarks.queries.ts';

export { remarksReport } from './remarks-report.ts';

/** Who reads remarks and how far: the leadership the whole school, a teacher their own courses. */
export interface RemarksReader {
  schoolId: number;
  me: number;
  /** Deputy or director (`remarks.write`): writes, closes, sends back and reads every remark. */
  leadership: boolean;
}

/**
 * The school whose remarks the actor reads: the leadership's (all of them) or a teacher's (their
 * own courses). Other staff and the district see that remarks exist but not them (403); families
 * and anyone else get 404.
 */
export function remarksReader(ctx: Ctx): RemarksReader {
  if (ctx.actor.kind !== 'person') throw notFound();
  const me = ctx.actor.personId;
  const lead = reachOf(ctx.actor, 'remarks.write').schoolIds[0];
  if (lead !== undefined) return { schoolId: lead, me, leadership: true };
  if (reachOf(ctx.actor, 'remarks.fix').relations.has('teaches')) {
    const grant = ctx.actor.grants.find((g) => g.role === 'teacher' && g.schoolId !== null);
    if (grant?.schoolId != null) return { schoolId: grant.schoolId, me, leadership: false };
  }
  if (reachOf(ctx.actor, 'reports.view').districtIds.length > 0) throw forbidden();
  if (reachOf(ctx.actor, 'school.view').schoolIds.length > 0) throw forbidden();
  throw notFound();
}

/**
 * The open remarks (neither fixed nor closed) of a school, newest first, for the dashboard and the
 * teacher's «Сегодня»; `teacherId` keeps the courses the person teaches or co-teaches, `courseIds`
 * those courses. The caller checks who may see them.
 */
export async function openRemarks(
  db: Db,
  schoolId: number,
  filter: { teacherId?: number; courseIds?: number[] },
): Promise<RemarkItem[]> {
  const rows = await readRemarks(db, schoolId, { ...filter, status: 'open' });
  return rows.map(publicRemark);
}

const mayFixRow = (ctx: Ctx, reader: RemarksReader, r: RemarkRow) =>
  r.status === 'open' &&
  (r.teacherId === reader.me || r.secondTeacherId === reader.me) &&
  teachesIn(ctx, reader.schoolId);

/** Open and fixed remarks per teacher of the course (closed ones left out): most open first, then by name. */
function perTeacher(rows: RemarkRow[]) {
  return countByTeacher(rows.filter((r) => r.status !== 'closed')).map(
    ({ teacherId, teacher, open, fixed }) => ({
      teacherId,
      teacher,
      open,
      fixed,
    }),
  );
}

/**
 * `GET /api/remarks`: the remarks the actor sees (the leadership: the school's; a teacher: those on
 * the courses they teach or co-teach), newest first, narrowed by status, teacher and course; and
 * the open and fixed ones per teacher over everything the actor sees (the filters do not apply).
 */
export async function listRemarks(
  ctx: Ctx,
  query: z.infer<typeof remarksQuery>,
): Promise<z.infer<typeof remarksAnswer>> {
  const reader = remarksReader(ctx);
  if (query.courseId !== undefined) {
    const course = await ctx.db
      .selectFrom('courses')
      .select('schoolId')
      .where('id', '=', query.courseId)
      .executeTakeFirst();
    if (!course || course.schoolId !== reader.schoolId) throw notFound();
  }
  const own = reader.leadership ? {} : { taughtBy: reader.me };
  const [rows, active] = await Promise.all([
    readRemarks(ctx.db, reader.schoolId, { ...own, ...query }),
    readRemarks(ctx.db, reader.schoolId, { ...own, status: 'active' }),
  ]);
  return {
    items: rows.map((r) => ({ ...publicRemark(r), canFix: mayFixRow(ctx, reader, r) })),
    byTeacher: perTeacher(active),
    canManage: reader.leadership,
  };
}

async function remarkById(db: Db, schoolId: number, id: number): Promise<RemarkItem> {
  const [row] = await readRemarks(db, schoolId, { id });
  if (!row) throw notFound();
  return publicRemark(row);
}

/**
 * `POST /api/remarks`: the deputy or director writes a remark on a course's journal of their
 * school, maybe about one of its lessons (another course's lesson is 400 on `lessonId`). A course
 * of another school is 404, an archived one 409; a teacher is 403. Audited `remark.created`.
 */
export async function createRemark(ctx: Ctx, body: z.infer<typeof newRemarkBody>): Promise<RemarkItem> {
  const reader = remarksReader(ctx);
  if (!reader.leadership) throw forbidden();
  const course = await ctx.db
    .selectFrom('courses')
    .select(['id', 'schoolId', 'archivedAt'])
    .where('id', '=', body.courseId)
    .executeTakeFirst();
  if (!course || course.schoolId !== reader.schoolId) throw notFound();
  if (course.archivedAt !== null) throw new AppError('conflict', 'remarksCourseArchived');
  if (body.lessonId !== undefined) {
    const lesson = await ctx.db
      .selectFrom('lessons')
      .select('courseId')
      .where('id', '=', body.lessonId)
      .executeTakeFirst();
    if (lesson?.courseId !== course.id)
      throw new AppError(
        'validation',
        'remarksLessonOtherCourse',
        {},
        { lessonId: 'remarksLessonOtherCourse' },
      );
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('remarks')
      .values({
        schoolId: reader.schoolId,
        courseId: course.id,
        lessonId: body.lessonId ?? null,
        authorId: reader.me,
        text: body.text,
        createdAt: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      schoolId: reader.schoolId,
      action: 'remark.created',
      entity: 'remark',
      entityId: row.id,
      after: { courseId: course.id, lessonId: body.lessonId ?? null, text: body.text },
    });
    return row.id;
  });
  return remarkById(ctx.db, reader.schoolId, id);
}

/** The remark if the actor reads it (404 otherwise), with the reader. */
async function requireRemark(ctx: Ctx, id: number) {
  const reader = remarksReader(ctx);
  const [row] = await readRemarks(ctx.db, reader.schoolId, { id });
  if (!row) throw notFound();
  const teaches = row.teacherId === reader.me || row.secondTeacherId === reader.me;
  if (!reader.leadership && !teaches) throw notFound();
  return { reader, row, teaches };
}

/**
 * `POST /api/remarks/:id/fix`: a teacher of the course (teacher or second teacher) says the remark
 * is dealt with, maybe with a note. 403 for the leadership who do not teach it; 409 unless open.
 * The update is conditional on the remark still being open, so two fixes cannot both pass.
 */
export async function fixRemark(ctx: Ctx, id: number, note: string | undefined): Promise<RemarkItem> {
  const { reader, row, teaches } = await requireRemark(ctx, id);
  if (!teaches || !teachesIn(ctx, reader.schoolId)) throw forbidden();
  if (row.status !== 'open') throw new AppError('conflict', 'remarksNotOpen');
  const fixNote = note?.trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('remarks')
      .set({ fixedAt: new Date().toISOString(), fixedBy: reader.me, fixNote })
      .where('id', '=', id)
      .where('fixedAt', 'is', null)
      .where('closedAt', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('conflict', 'remarksNotOpen');
    await recordAudit(trx, ctx, {
      schoolId: reader.schoolId,
      action: 'remark.fixed',
      entity: 'remark',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'fixed', fixNote },
    });
  });
  return remarkById(ctx.db, reader.schoolId, id);
}

/**
 * `POST /api/remarks/:id/close`: the leadership accepts the remark as dealt with, fixed or not.
 * A teacher is 403; a closed remark 409 (conditional update, as for fixing).
 */
export async function closeRemark(ctx: Ctx, id: number): Promise<RemarkItem> {
  const { reader, row } = await requireRemark(ctx, id);
  if (!reader.leadership) throw forbidden();
  if (row.status === 'closed') throw new AppError('conflict', 'remarksAlreadyClosed');
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('remarks')
      .set({ closedAt: new Date().toISOString(), closedBy: reader.me })
      .where('id', '=', id)
      .where('closedAt', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('conflict', 'remarksAlreadyClosed');
    await recordAudit(trx, ctx, {
      schoolId: reader.schoolId,
      action: 'remark.closed',
      entity: 'remark',
      entityId: id,
      before: { status: row.status },
      after: { status: 'closed' },
    });
  });
  return remarkById(ctx.db, reader.schoolId, id);
}

/**
 * `POST /api/remarks/:id/reopen`: the leadership sends a fixed remark back to open («Вернуть на
 * доработку»): the fix's stamp, author and note are cleared (the audit event keeps them), and a
 * reason, if given, is appended to the text with the date (the school's day). 409 unless the remark is fixed.
 */
export async function reopenRemark(ctx: Ctx, id: number, reason: string | undefined): Promise<RemarkItem> {
  const { reader, row } = await requireRemark(ctx, id);
  if (!reader.leadership) throw forbidden();
  if (row.status !== 'fixed') throw new AppError('conflict', 'remarksNotFixed');
  const { timeZone } = parseSchoolSettings(await settingsText(ctx.db, reader.schoolId));
  const text = returnedText(row.text, reason?.trim(), new Date(), timeZone);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('remarks')
      .set({ fixedAt: null, fixedBy: null, fixNote: null, text })
      .where('id', '=', id)
      .where('fixedAt', 'is not', null)
      .where('closedAt', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('conflict', 'remarksNotFixed');
    await recordAudit(trx, ctx, {
      schoolId: reader.schoolId,
      action: 'remark.reopened',
      entity: 'remark',
      entityId: id,
      before: { status: 'fixed', fixedAt: row.fixedAt, fixedBy: row.fixedBy, fixNote: row.fixNote },
      after: { status: 'open', reason: reason || null },
    });
  });
  return remarkById(ctx.db, reader.schoolId, id);
}
