import type { PrintClasses, PrintClassView } from '../../contract/print.ts';
import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import { schemeOf } from '../control/control.policy.ts';
import { AppError } from '../http/app-error.ts';
import { currentYear } from '../structure/catalog.queries.ts';
import { type ClassPrintAccess, requireClassPrint } from './print-access.ts';

function initials(p: { lastName: string; firstName: string; middleName: string }): string {
  const rest = [p.firstName, p.middleName].filter((n) => n !== '').map((n) => `${n[0]}.`);
  return [p.lastName, rest.join(' ')].filter((n) => n !== '').join(' ');
}

/** The classes of the current year the actor might print: all in schools they lead, else their own. */
async function candidateClassIds(ctx: Ctx, personId: number): Promise<number[]> {
  const reach = reachOf(ctx.actor, 'print.journal');
  const schoolIds =
    ctx.actor.kind === 'person'
      ? [...new Set(ctx.actor.grants.map((g) => g.schoolId).filter((id): id is number => id !== null))]
      : [];
  const yearIds: number[] = [];
  for (const schoolId of schoolIds) {
    const year = await currentYear(ctx.db, schoolId);
    if (year) yearIds.push(year.id);
  }
  if (yearIds.length === 0) return [];
  const live = ctx.db
    .selectFrom('classes')
    .select('classes.id')
    .where('classes.academicYearId', 'in', yearIds)
    .where('classes.archivedAt', 'is', null);
  const whole =
    reach.schoolIds.length > 0 ? await live.where('schoolId', 'in', reach.schoolIds).execute() : [];
  const led = await live.where('classTeacherId', '=', personId).execute();
  const taught = await live
    .where((eb) =>
      eb.or([
        eb(
          'classes.id',
          'in',
          eb
            .selectFrom('courses')
            .innerJoin('groups', 'groups.id', 'courses.groupId')
            .select('groups.classId')
            .where((w) =>
              w.or([w('courses.teacherId', '=', personId), w('courses.secondTeacherId', '=', personId)]),
            )
            .where('groups.classId', 'is not', null),
        ),
        eb(
          'classes.id',
          'in',
          eb
            .selectFrom('courses')
            .innerJoin('groupMemberships as gm', 'gm.groupId', 'courses.groupId')
            .innerJoin('groupMemberships as cm', 'cm.studentId', 'gm.studentId')
            .innerJoin('groups as cg', 'cg.id', 'cm.groupId')
            .innerJoin('groups as xg', 'xg.id', 'courses.groupId')
            .select('cg.classId')
            .where('xg.kind', '=', 'cross')
            .where('cg.kind', '=', 'class')
            .where((w) =>
              w.or([w('courses.teacherId', '=', personId), w('courses.secondTeacherId', '=', personId)]),
            ),
        ),
      ]),
    )
    .execute();
  return [...new Set([...whole, ...led, ...taught].map((r) => r.id))];
}

async function describeClass(ctx: Ctx, access: ClassPrintAccess): Promise<PrintClassView> {
  const courses =
    access.courseIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('courses')
          .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
          .innerJoin('persons', 'persons.id', 'courses.teacherId')
          .innerJoin('groups', 'groups.id', 'courses.groupId')
          .select([
            'courses.id',
            'subjects.name as subject',
            'subjects.sortOrder',
            'groups.kind as groupKind',
            'groups.name as groupName',
            'persons.lastName',
            'persons.firstName',
            'persons.middleName',
          ])
          .where('courses.id', 'in', access.courseIds)
          .orderBy('subjects.sortOrder')
          .orderBy('subjects.name')
          .orderBy('courses.id')
          .execute();
  const scheme = (await schemeOf(ctx.db, access.academicYearId, access.grade)) as
    | 'quarters'
    | 'trimesters'
    | 'halves';
  const terms = await ctx.db
    .selectFrom('periods')
    .select(['id', 'name'])
    .where('academicYearId', '=', access.academicYearId)
    .where('schoolId', '=', access.schoolId)
    .where('kind', '=', 'term')
    .where('scheme', '=', scheme)
    .orderBy('number')
    .execute();
  const students = access.whole
    ? await ctx.db
        .selectFrom('persons')
        .select(['persons.id', 'persons.lastName', 'persons.firstName', 'persons.middleName'])
        .where('persons.id', 'in', (eb) =>
          eb
            .selectFrom('groupMemberships')
            .innerJoin('groups', 'groups.id', 'groupMemberships.groupId')
            .select('groupMemberships.studentId')
            .where('groups.kind', '=', 'class')
            .where('groups.classId', '=', access.classId),
        )
        .orderBy('persons.sortKey')
        .orderBy('persons.id')
        .execute()
    : [];
  return {
    id: access.classId,
    name: `${access.grade}${access.letter}`,
    academicYearId: access.academicYearId,
    whole: access.whole,
    courses: courses.map((c) => ({
      id: c.id,
      subject: c.groupKind === 'class' ? c.subject : `${c.subject} (${c.groupName})`,
      teacher: initials(c),
    })),
    terms,
    students: students.map((s) => ({
      id: s.id,
      name: [s.lastName, s.firstName, s.middleName].filter((n) => n !== '').join(' '),
    })),
  };
}

/**
 * What the actor may print: the classes of the current year (a teacher those where they teach
 * a course, with only those courses, or lead the class; the deputy and director every class),
 * their terms, and whether they may make the year archive.
 */
export async function printableClasses(ctx: Ctx): Promise<PrintClasses> {
  if (ctx.actor.kind !== 'person') return { classes: [], archive: false };
  const classes: PrintClassView[] = [];
  for (const classId of await candidateClassIds(ctx, ctx.actor.personId)) {
    try {
      classes.push(await describeClass(ctx, await requireClassPrint(ctx, classId)));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  const grade = (name: string) => Number.parseInt(name, 10);
  classes.sort((a, b) => grade(a.name) - grade(b.name) || a.name.localeCompare(b.name, 'ru'));
  return { classes, archive: reachOf(ctx.actor, 'archive.export').schoolIds.length > 0 };
}
