import type { z } from 'zod';
import type { historyAnswer, historyQuery } from '../../contract/journal.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { type MessageKey, translate } from '../http/messages.ts';
import { fullName } from '../people/people.present.ts';
import { findLesson, requireCourse } from './journal.policy.ts';
import { attendanceSymbol } from './journal.present.ts';
import { membersOn } from './lesson-write.ts';

type Query = z.infer<typeof historyQuery>;

function required(...names: string[]): never {
  const fields: Record<string, MessageKey> = Object.fromEntries(names.map((n) => [n, 'required']));
  throw new AppError('validation', 'journalCellRequired', {}, fields);
}

/** The ids of the rows of one cell (one, unless two saves once raced), and its audit entity. */
async function cellIds(ctx: Ctx, q: Query): Promise<{ entity: string; ids: number[] }> {
  const db: Db = ctx.db;
  if (q.kind === 'periodMark') {
    if (q.courseId === undefined || q.periodId === undefined) required('courseId', 'periodId');
    const course = await requireCourse(ctx, q.courseId);
    // A student never in the course's group is not in its journal: their marks are not this reader's.
    const member = await db
      .selectFrom('groupMemberships')
      .select('id')
      .where('groupId', '=', course.groupId)
      .where('studentId', '=', q.studentId)
      .executeTakeFirst();
    if (!member) throw notFound();
    const rows = await db
      .selectFrom('periodMarks')
      .select('id')
      .where('studentId', '=', q.studentId)
      .where('subjectId', '=', course.subjectId)
      .where('periodId', '=', q.periodId)
      .execute();
    return { entity: 'periodMark', ids: rows.map((r) => r.id) };
  }
  if (q.lessonId === undefined) required('lessonId');
  const lesson = await findLesson(ctx, q.lessonId);
  if (!(await membersOn(db, lesson.course.groupId, [q.studentId], lesson.date)).has(q.studentId))
    throw notFound();
  if (q.kind === 'attendance') {
    const rows = await db
      .selectFrom('attendance')
      .select('id')
      .where('lessonId', '=', lesson.id)
      .where('studentId', '=', q.studentId)
      .execute();
    return { entity: 'attendance', ids: rows.map((r) => r.id) };
  }
  if (q.workKindId === undefined) required('workKindId');
  const rows = await db
    .selectFrom('marks')
    .select('id')
    .where('lessonId', '=', lesson.id)
    .where('studentId', '=', q.studentId)
    .where('workKindId', '=', q.workKindId)
    .execute();
  return { entity: 'mark', ids: rows.map((r) => r.id) };
}

function parse(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  const value: unknown = JSON.parse(text);
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The history of one cell, oldest first: who changed it, when, from what to what, the comment,
 * the reason given for a late change, and where from. Whoever may see the course's journal sees it.
 */
export async function cellHistory(ctx: Ctx, q: Query): Promise<z.infer<typeof historyAnswer>> {
  const { entity, ids } = await cellIds(ctx, q);
  if (ids.length === 0) return { events: [] };
  const rows = await ctx.db
    .selectFrom('auditEvents')
    .leftJoin('persons', 'persons.id', 'auditEvents.actorId')
    .select([
      'auditEvents.at',
      'auditEvents.action',
      'auditEvents.before',
      'auditEvents.after',
      'auditEvents.ip',
      'auditEvents.actorKind',
      'persons.lastName',
      'persons.firstName',
      'persons.middleName',
    ])
    .where('auditEvents.entity', '=', entity)
    .where(
      'auditEvents.entityId',
      'in',
      ids.map((id) => String(id)),
    )
    .orderBy('auditEvents.at')
    .orderBy('auditEvents.id')
    .execute();
  return {
    events: rows.map((row) => {
      const before = parse(row.before);
      const after = parse(row.after);
      const show = entity === 'attendance' ? attendanceSymbol : (s: typeof before) => text(s?.value);
      return {
        at: row.at,
        actor:
          row.lastName === null
            ? row.actorKind === 'system'
              ? translate(ctx.request.lang, 'journalSystemActor')
              : ''
            : fullName({
                lastName: row.lastName,
                firstName: row.firstName ?? '',
                middleName: row.middleName ?? '',
              }),
        action: row.action,
        from: show(before),
        to: show(after),
        comment: text(after?.comment),
        reason: text(after?.editReason) ?? (entity === 'attendance' ? null : text(after?.reason)),
        ip: row.ip,
      };
    }),
  };
}
