import type { z } from 'zod';
import type { periodMarkBody } from '../../contract/journal.ts';
import { memberDuring } from '../../domain/journal-rules.ts';
import { isPeriodMarkValue, periodMarkValues } from '../../domain/marks.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError, forbidden } from '../http/app-error.ts';
import { CellConflict, planCellWrite, writeOrConflict } from './cell-write.ts';
import { lockClassesForWrite, personOf, requireCourse, requireNotArchived } from './journal.policy.ts';
import { type PeriodMarkCell, presentPeriodMark } from './journal.present.ts';
import { coursePeriods, courseRules, spansOf } from './journal.queries.ts';
import { reasonOf } from './lesson-write.ts';

function cellRows(db: Db, studentId: number, subjectId: number, periodId: number) {
  return db
    .selectFrom('periodMarks')
    .select(['id', 'studentId', 'periodId', 'value', 'version', 'deletedAt'])
    .where('studentId', '=', studentId)
    .where('subjectId', '=', subjectId)
    .where('periodId', '=', periodId)
    .execute();
}

async function currentCell(db: Db, studentId: number, subjectId: number, periodId: number) {
  const live = (await cellRows(db, studentId, subjectId, periodId)).find((r) => r.deletedAt === null);
  return live ? presentPeriodMark(live) : null;
}

const invalidPeriod = () =>
  new AppError('validation', 'journalPeriodNotForCourse', {}, { periodId: 'journalPeriodNotForCourse' });

/**
 * Sets or clears ('') a student's period, year, exam or final mark in the course's subject. Only
 * the course's own teachers give them; the period must be a term of the scheme the class level
 * follows, the year, or (grades 9 and 11 only) the exam or final, and open for its classes; the
 * student a member of the group during it. The edit window does not apply. Versions, one row per cell and the audit event as for marks.
 */
export async function savePeriodMark(
  ctx: Ctx,
  body: z.infer<typeof periodMarkBody>,
): Promise<{ cell: PeriodMarkCell | null }> {
  const course = await requireCourse(ctx, body.courseId);
  if (!course.ownsCourse) throw forbidden();
  requireNotArchived(course);
  const r = await courseRules(ctx.db, course);
  // One of the terms of the level's scheme, the year, or (grades 9 and 11) the exam and final.
  const { terms, finals } = await coursePeriods(ctx.db, course, r);
  const period = [...terms, ...finals].find((p) => p.id === body.periodId);
  if (!period) throw invalidPeriod();
  if (period.closed) throw new AppError('conflict', 'journalPeriodClosed');
  const spans = await spansOf(ctx.db, course.groupId, body.studentId);
  if (!memberDuring(spans, period.startsOn, period.endsOn))
    throw new AppError('validation', 'journalNotMemberPeriod', {}, { studentId: 'journalNotMemberPeriod' });
  const clearing = body.value === '';
  if (!clearing && !isPeriodMarkValue(body.value))
    throw new AppError(
      'validation',
      'journalPeriodMarkInvalid',
      { allowed: periodMarkValues.join(', ') },
      {
        value: 'journalPeriodMarkInvalid',
      },
    );
  if (!r.marked) throw new AppError('validation', 'journalNotMarked', {}, { value: 'journalNotMarked' });
  const me = personOf(ctx)!;
  const key = { studentId: body.studentId, subjectId: course.subjectId, periodId: period.id };
  const reason = reasonOf(body.editReason);

  return writeOrConflict(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await lockClassesForWrite(trx, r.classIds, { periodId: period.id });
        const rows = await cellRows(trx, key.studentId, key.subjectId, key.periodId);
        const live = rows.find((row) => row.deletedAt === null);
        const plan = planCellWrite(rows, body.version, clearing);
        if (plan.kind === 'conflict') throw new CellConflict(live ? presentPeriodMark(live) : null);
        if (plan.kind === 'none') return { cell: null };
        if (plan.kind === 'update' && live?.value === body.value) return { cell: presentPeriodMark(live) };
        const now = new Date().toISOString();
        let id: number;
        let saved: PeriodMarkCell | null;
        if (plan.kind === 'insert') {
          const row = await trx
            .insertInto('periodMarks')
            .values({
              schoolId: course.schoolId,
              ...key,
              courseId: course.id,
              value: body.value,
              createdBy: me,
            })
            .returning(['id', 'version'])
            .executeTakeFirstOrThrow();
          id = row.id;
          saved = {
            studentId: key.studentId,
            periodId: key.periodId,
            value: body.value,
            version: row.version,
          };
        } else {
          const set =
            plan.kind === 'clear'
              ? { deletedAt: now }
              : { value: body.value, courseId: course.id, deletedAt: null };
          const done = await trx
            .updateTable('periodMarks')
            .set({ ...set, version: plan.version + 1, updatedAt: now, updatedBy: me })
            .where('id', '=', plan.id)
            .where('version', '=', plan.version)
            .executeTakeFirst();
          if (Number(done.numUpdatedRows) !== 1)
            throw new CellConflict(await currentCell(trx, key.studentId, key.subjectId, key.periodId));
          id = plan.id;
          saved =
            plan.kind === 'clear'
              ? null
              : {
                  studentId: key.studentId,
                  periodId: key.periodId,
                  value: body.value,
                  version: plan.version + 1,
                };
        }
        await recordAudit(trx, ctx, {
          schoolId: course.schoolId,
          action: saved ? 'journal.periodMark.set' : 'journal.periodMark.clear',
          entity: 'periodMark',
          entityId: id,
          studentId: key.studentId,
          before: live ? { value: live.value } : null,
          after: { value: saved?.value ?? null, reason },
        });
        return { cell: saved };
      }),
    () => currentCell(ctx.db, key.studentId, key.subjectId, key.periodId),
  );
}
