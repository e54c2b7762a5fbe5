import type { Action } from '../../domain/abilities.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { AppError, forbidden, notFound } from '../http/app-error.ts';
import type { MessageKey } from '../http/messages.ts';
import { hasExams } from '../journal/journal.queries.ts';

/** A class as the control use cases need it. */
export interface ControlClass {
  id: number;
  schoolId: number;
  academicYearId: number;
  grade: number;
  letter: string;
  classTeacherId: number | null;
  /** The whole-class group: its memberships say who was in the class on a date. */
  groupId: number;
}

function personOf(ctx: Ctx): number | null {
  return ctx.actor.kind === 'person' ? ctx.actor.personId : null;
}

/** Whether the action reaches the whole school (the leadership's `school` scope). */
export function reachesSchool(ctx: Ctx, schoolId: number, action: Action): boolean {
  return reachOf(ctx.actor, action).schoolIds.includes(schoolId);
}

/** Whether the person teaches in the school and leads the class. */
export function leadsClass(ctx: Ctx, cls: ControlClass): boolean {
  const me = personOf(ctx);
  return (
    me !== null &&
    cls.classTeacherId === me &&
    ctx.actor.kind === 'person' &&
    ctx.actor.grants.some((g) => g.role === 'teacher' && g.schoolId === cls.schoolId)
  );
}

/** 403 for someone of the school (who sees that it exists), 404 for anyone else. */
export function refuse(ctx: Ctx, schoolId: number): AppError {
  return reachesSchool(ctx, schoolId, 'school.view') ? forbidden() : notFound();
}

/** The school where the leadership may `action`, else 403 (staff of a school) or 404. */
export function leadershipSchool(ctx: Ctx, action: Action): number {
  const schoolId = reachOf(ctx.actor, action).schoolIds[0];
  if (schoolId !== undefined) return schoolId;
  if (reachOf(ctx.actor, 'school.view').schoolIds.length > 0) throw forbidden();
  throw notFound();
}

/** A live class by id with its whole-class group, whichever school it is in (undefined: none). */
export async function classById(db: Db, classId: number): Promise<ControlClass | undefined> {
  return db
    .selectFrom('classes')
    .innerJoin('groups', (j) => j.onRef('groups.classId', '=', 'classes.id').on('groups.kind', '=', 'class'))
    .select([
      'classes.id',
      'classes.schoolId',
      'classes.academicYearId',
      'classes.grade',
      'classes.letter',
      'classes.classTeacherId',
      'groups.id as groupId',
    ])
    .where('classes.id', '=', classId)
    .where('classes.archivedAt', 'is', null)
    .executeTakeFirst();
}

/**
 * The class if the actor may read its journal record: its class teacher, or the school's
 * leadership. Anyone else gets 404 (the class's record is not theirs to know about).
 */
export async function requireClassReader(ctx: Ctx, classId: number): Promise<ControlClass> {
  const cls = await classById(ctx.db, classId);
  if (!cls) throw notFound();
  if (leadsClass(ctx, cls) || reachesSchool(ctx, cls.schoolId, 'journal.view')) return cls;
  throw notFound();
}

/**
 * The class if the actor may set absence reasons in it: only its class teacher. Others of the
 * school (its leadership, its subject teachers, other class teachers) get 403, anyone else 404.
 */
export async function requireClassTeacher(ctx: Ctx, classId: number): Promise<ControlClass> {
  const cls = await classById(ctx.db, classId);
  if (!cls) throw notFound();
  if (leadsClass(ctx, cls)) return cls;
  throw refuse(ctx, cls.schoolId);
}

/** A validation error on one field. */
export function fieldError(field: string, key: MessageKey): AppError {
  return new AppError('validation', key, {}, { [field]: key });
}

/** The scheme of a grade in a year; quarters when the calendar has not set one (as the journal has it). */
export async function schemeOf(db: Db, academicYearId: number, grade: number): Promise<string> {
  const row = await db
    .selectFrom('gradeSchemes')
    .select('scheme')
    .where('academicYearId', '=', academicYearId)
    .where('grade', '=', grade)
    .executeTakeFirst();
  return row?.scheme ?? 'quarters';
}

/**
 * The periods of a class: the term periods of its grade's scheme, the year and, for grades 9 and
 * 11, the exam and final periods.
 */
export async function periodsOfClass(db: Db, cls: ControlClass) {
  const scheme = await schemeOf(db, cls.academicYearId, cls.grade);
  const rows = await db
    .selectFrom('periods')
    .select(['id', 'name', 'kind', 'scheme', 'startsOn', 'endsOn'])
    .where('academicYearId', '=', cls.academicYearId)
    .where('schoolId', '=', cls.schoolId)
    .orderBy('startsOn')
    .orderBy('id')
    .execute();
  const order = { term: 0, year: 1, exam: 2, final: 3 } as const;
  return rows
    .filter((p) => (p.kind === 'term' ? p.scheme === scheme : p.kind === 'year' || hasExams(cls.grade)))
    .sort((a, b) => order[a.kind] - order[b.kind]);
}
