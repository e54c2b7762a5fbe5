import type { CouncilDecisionBody, CouncilList } from '../../contract/council.ts';
import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { forbidden, notFound } from '../http/app-error.ts';
import { requireClassPrint } from './print-access.ts';
import { classStudents } from './summary-load.ts';

/** A class as the council needs it, if it is in one of the actor's schools. */
async function councilClass(ctx: Ctx, classId: number) {
  const cls = await ctx.db
    .selectFrom('classes')
    .innerJoin('academicYears as y', 'y.id', 'classes.academicYearId')
    .select([
      'classes.id',
      'classes.schoolId',
      'classes.academicYearId',
      'classes.grade',
      'classes.letter',
      'classes.classTeacherId',
      'y.name as yearName',
      'y.endsOn',
    ])
    .where('classes.id', '=', classId)
    .executeTakeFirst();
  const ownSchool =
    ctx.actor.kind === 'person' &&
    ctx.actor.grants.some((g) => g.schoolId !== null && g.schoolId === cls?.schoolId);
  if (!cls || !ownSchool) throw notFound();
  return cls;
}

/** Whether the actor records the council's decisions for a class: its class teacher, the deputy, the director. */
function mayRecord(ctx: Ctx, cls: { schoolId: number; classTeacherId: number | null }): boolean {
  const reach = reachOf(ctx.actor, 'council.record');
  const me = ctx.actor.kind === 'person' ? ctx.actor.personId : null;
  return (
    reach.schoolIds.includes(cls.schoolId) ||
    (reach.relations.has('classTeacher') && me !== null && cls.classTeacherId === me)
  );
}

/**
 * The students of a class (Russian order, those who left included) with their council decision for
 * the year. Read by whoever records them and by anyone who may print the class's journal.
 */
export async function listCouncilDecisions(ctx: Ctx, classId: number): Promise<CouncilList> {
  const cls = await councilClass(ctx, classId);
  const canRecord = mayRecord(ctx, cls);
  if (!canRecord) await requireClassPrint(ctx, classId);
  const students = await classStudents(ctx.db, classId, cls.endsOn);
  const rows = await ctx.db
    .selectFrom('councilDecisions')
    .select(['studentId', 'decision', 'decidedOn', 'protocol', 'recordedAt'])
    .where('academicYearId', '=', cls.academicYearId)
    .where('studentId', 'in', students.length ? students.map((s) => s.id) : [-1])
    .execute();
  const byStudent = new Map(rows.map((r) => [r.studentId, r]));
  return {
    classId: cls.id,
    className: `${cls.grade}${cls.letter}`,
    grade: cls.grade,
    yearName: cls.yearName,
    canRecord,
    students: students.map((s) => {
      const d = byStudent.get(s.id);
      return {
        studentId: s.id,
        name: s.name,
        leftOn: s.leftOn,
        decision: d
          ? {
              decision: d.decision,
              decidedOn: d.decidedOn,
              protocol: d.protocol,
              recordedAt: String(d.recordedAt),
            }
          : null,
      };
    }),
  };
}

/** The class and student a change is for, once the actor may record it; a student not in the class is not found. */
async function recordTarget(ctx: Ctx, classId: number, studentId: number) {
  const cls = await councilClass(ctx, classId);
  if (!mayRecord(ctx, cls)) throw forbidden();
  const students = await classStudents(ctx.db, classId, cls.endsOn);
  if (!students.some((s) => s.id === studentId)) throw notFound();
  return cls;
}

/** Records (or changes) a student's council decision for the class's year; audited `council.decide`. */
export async function decideCouncil(
  ctx: Ctx,
  classId: number,
  studentId: number,
  body: CouncilDecisionBody,
): Promise<void> {
  const cls = await recordTarget(ctx, classId, studentId);
  const me = ctx.actor.kind === 'person' ? ctx.actor.personId : 0;
  const after = {
    decision: body.decision,
    decidedOn: body.decidedOn ?? null,
    protocol: body.protocol || null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('councilDecisions')
      .select(['id', 'decision', 'decidedOn', 'protocol'])
      .where('studentId', '=', studentId)
      .where('academicYearId', '=', cls.academicYearId)
      .executeTakeFirst();
    const recordedAt = new Date().toISOString();
    let id: number;
    if (before) {
      await trx
        .updateTable('councilDecisions')
        .set({ ...after, recordedBy: me })
        .where('id', '=', before.id)
        .execute();
      id = before.id;
    } else {
      const row = await trx
        .insertInto('councilDecisions')
        .values({
          schoolId: cls.schoolId,
          academicYearId: cls.academicYearId,
          studentId,
          ...after,
          recordedBy: me,
          recordedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await recordAudit(trx, ctx, {
      schoolId: cls.schoolId,
      action: 'council.decide',
      entity: 'council_decision',
      entityId: id,
      before: before
        ? { decision: before.decision, decidedOn: before.decidedOn, protocol: before.protocol }
        : null,
      after: { studentId, ...after },
    });
  });
}

/** Removes a student's council decision for the class's year; audited `council.remove`. */
export async function removeCouncilDecision(ctx: Ctx, classId: number, studentId: number): Promise<void> {
  const cls = await recordTarget(ctx, classId, studentId);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('councilDecisions')
      .select(['id', 'decision', 'decidedOn', 'protocol'])
      .where('studentId', '=', studentId)
      .where('academicYearId', '=', cls.academicYearId)
      .executeTakeFirst();
    if (!before) throw notFound();
    await trx.deleteFrom('councilDecisions').where('id', '=', before.id).execute();
    await recordAudit(trx, ctx, {
      schoolId: cls.schoolId,
      action: 'council.remove',
      entity: 'council_decision',
      entityId: before.id,
      before: {
        studentId,
        decision: before.decision,
        decidedOn: before.decidedOn,
        protocol: before.protocol,
      },
    });
  });
}
