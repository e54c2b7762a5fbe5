import type { z } from 'zod';
import type { schemeBody } from '../../contract/calendar.ts';
import { checkPeriods, type PeriodScheme, periodName } from '../../domain/periods.ts';
import type { Ctx, Db } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notFound } from '../http/app-error.ts';
import { requireSchool } from './calendar.policy.ts';
import { periodsOfYear, schemesOfYear, yearById } from './calendar.queries.ts';
import { invalidFields, lockCalendar, refusePeriodProblems } from './calendar.rules.ts';

/**
 * The administrator sets a scheme's periods for a year and the grades that follow it (those grades
 * leave their former scheme). Periods are updated in place by number, so period marks keep their
 * period; a closed period's dates do not move. The year, exam and final periods then span all
 * study periods.
 */
export async function setPeriodScheme(
  ctx: Ctx,
  yearId: number,
  scheme: PeriodScheme,
  input: z.infer<typeof schemeBody>,
) {
  const year = await yearById(ctx.db, yearId);
  if (!year) throw notFound();
  await requireSchool(ctx, year.schoolId, true);
  refusePeriodProblems(checkPeriods(scheme, year, input.periods));
  const grades = [...new Set(input.grades)].sort((a, b) => a - b);
  const schoolId = year.schoolId;
  await ctx.db.transaction().execute(async (trx) => {
    await lockCalendar(trx, schoolId);
    const existing = (await periodsOfYear(trx, yearId)).filter(
      (p) => p.scheme === scheme && p.kind === 'term',
    );
    const beforeGrades = await schemesOfYear(trx, yearId);
    const moved = input.periods.map((p, i) => [i, existing.find((e) => e.number === i + 1), p] as const);
    const closed = moved.filter(
      ([, e, p]) => e?.closedAt && (e.startsOn !== p.startsOn || e.endsOn !== p.endsOn),
    );
    if (closed.length)
      throw invalidFields(closed.map(([i]) => [`periods.${i}.startsOn`, 'calendarPeriodClosed']));
    for (const [i, e, p] of moved) {
      const values = { name: periodName(scheme, i + 1), startsOn: p.startsOn, endsOn: p.endsOn };
      if (e) await trx.updateTable('periods').set(values).where('id', '=', e.id).execute();
      else
        await trx
          .insertInto('periods')
          .values({ schoolId, academicYearId: yearId, scheme, kind: 'term', number: i + 1, ...values })
          .execute();
    }
    await trx
      .deleteFrom('gradeSchemes')
      .where('academicYearId', '=', yearId)
      .where((eb) =>
        eb.or([eb('scheme', '=', scheme), ...(grades.length ? [eb('grade', 'in', grades)] : [])]),
      )
      .execute();
    if (grades.length)
      await trx
        .insertInto('gradeSchemes')
        .values(grades.map((grade) => ({ schoolId, academicYearId: yearId, grade, scheme })))
        .execute();
    await spanYearPeriod(trx, schoolId, yearId);
    await recordAudit(trx, ctx, {
      schoolId,
      action: 'calendar.scheme_set',
      entity: 'academicYear',
      entityId: yearId,
      before: {
        periods: existing.map(({ number, startsOn, endsOn }) => ({ number, startsOn, endsOn })),
        grades: beforeGrades.filter((g) => g.scheme === scheme).map((g) => g.grade),
      },
      after: { scheme, periods: input.periods, grades },
    });
  });
}

/** The year-long pseudo-periods: the year mark, and the exam and final marks of grades 9 and 11. */
const yearLong = [
  { kind: 'year', name: 'Год' },
  { kind: 'exam', name: 'Экзамен' },
  { kind: 'final', name: 'Итоговая' },
] as const;

/** Keeps the year, exam and final periods from the first study day of any scheme to the last. */
async function spanYearPeriod(trx: Db, schoolId: number, yearId: number): Promise<void> {
  const periods = await periodsOfYear(trx, yearId);
  const terms = periods.filter((p) => p.kind === 'term');
  if (terms.length === 0) return;
  const days = terms.flatMap((p) => [p.startsOn, p.endsOn]).sort();
  const startsOn = days[0]!;
  const endsOn = days[days.length - 1]!;
  for (const { kind, name } of yearLong) {
    const period = periods.find((p) => p.kind === kind);
    if (period) {
      if (!period.closedAt)
        await trx.updateTable('periods').set({ startsOn, endsOn }).where('id', '=', period.id).execute();
    } else
      await trx
        .insertInto('periods')
        .values({ schoolId, academicYearId: yearId, scheme: 'year', kind, number: 1, name, startsOn, endsOn })
        .execute();
  }
}
