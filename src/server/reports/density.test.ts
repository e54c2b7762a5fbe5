import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildPerson, enroll } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { computeAssessments } from './assessments.ts';
import { densitySchool } from './density.test-helpers.ts';
import { computeDensity, densityReport } from './density.ts';
import { computeKtpLag } from './ktp-lag.ts';
import { resolveReportScope } from './report-scope.ts';

describe.each(engines())('mark density and «н/а» risk on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof densitySchool>>;

  beforeAll(async () => {
    database = await engine.open();
    s = await densitySchool(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const run = async (personId: number, roles: ('deputy' | 'teacher')[], query: Record<string, unknown>) => {
    const ctx = ctxAs(database.db, personId, s.schoolId, roles);
    return densityReport.compute(ctx, await resolveReportScope(ctx, query));
  };

  it('the first quarter: per course the minimum, who is below it and who risks «н/а»', async () => {
    const d = await run(s.people.deputy.id, ['deputy', 'teacher'], { periodId: s.periods.q1 });
    expect(d.until).toBe('2026-10-25');
    expect(d.minMarksPerQuarterHour).toBe(3);
    const [math, russian, art] = d.courses;
    // 01.09–25.10 is 55 days = 7.857 weeks; 3 × 4 h × 7.857 / 9 = 10.48 → 11.
    expect(math).toMatchObject({
      subject: 'Математика',
      className: '5А',
      // Жуков left on 15.10, Новиков came on 16.11: the students on 25.10 are Алексеева and Ёлкина.
      students: 2,
      // 07.09, 14.09, 05.10, 20.10.
      held: 4,
      minimum: 11,
      minimumSoFar: 11,
      belowMinimum: 2,
      // Алексеева 2 live marks (5, 4-; the 3 is removed), Ёлкина 3: 5 / 2 = 2.5.
      averageMarks: 2.5,
    });
    // Алексеева: 2 marks < 3. Ёлкина: 3 marks and 1 missed of 4 (not over half): no risk.
    expect(math!.atRisk).toEqual([
      { studentId: s.students.alekseeva.id, name: 'Алексеева Мария', marks: 2, missed: 1, held: 4 },
    ]);
    // Russian: 14.09 and two lessons on 20.10 held; Алексеева has one mark («5/4» is one), Ёлкина none.
    expect(russian).toMatchObject({
      subject: 'Русский язык',
      students: 2,
      held: 3,
      belowMinimum: 2,
      averageMarks: 0.5,
    });
    expect(russian!.atRisk.map((r) => [r.name, r.marks, r.missed, r.held])).toEqual([
      ['Алексеева Мария', 1, 1, 3],
      ['Ёлкина Вера', 0, 0, 3],
    ]);
    expect(art!.atRisk.map((r) => [r.name, r.marks, r.missed, r.held])).toEqual([['Другов Глеб', 0, 1, 1]]);
  });

  it('a range inside the quarter: the minimum is proportional, leavers still in the group count', async () => {
    const d = await run(s.people.deputy.id, ['deputy', 'teacher'], {
      from: '2026-09-01',
      to: '2026-09-21',
      courseId: s.courses.math5,
    });
    expect(d.courses).toHaveLength(1);
    // 21 days = 3 weeks: 3 × 4 × 3 / 9 = 4.
    expect(d.courses[0]).toMatchObject({
      held: 2,
      minimum: 4,
      minimumSoFar: 4,
      students: 3,
      belowMinimum: 3,
    });
    expect(d.courses[0]!.atRisk.map((r) => [r.name, r.marks, r.missed])).toEqual([
      ['Алексеева Мария', 1, 1],
      ['Ёлкина Вера', 2, 0],
      ['Жуков Олег', 2, 0],
    ]);
  });

  it('a teacher sees only their own courses', async () => {
    const d = await run(s.people.mathT.id, ['teacher'], { periodId: s.periods.q1 });
    expect(d.courses.map((c) => c.subject)).toEqual(['Математика']);
  });

  it('exports a course table and a table of the students at risk', async () => {
    const d = await run(s.people.deputy.id, ['deputy', 'teacher'], { periodId: s.periods.q1 });
    const [courses, risk] = densityReport.tables(d, 'ru');
    expect(courses!.title).toBe('Накопляемость оценок: 01.09.2026 – 25.10.2026');
    expect(courses!.rows[0]).toMatchObject({
      className: '5А',
      subject: 'Математика',
      minimum: 11,
      atRisk: 1,
    });
    expect(risk!.rows.map((r) => [r.subject, r.name])).toEqual([
      ['Математика', 'Алексеева Мария'],
      ['Русский язык', 'Алексеева Мария'],
      ['Русский язык', 'Ёлкина Вера'],
      ['ИЗО', 'Другов Глеб'],
    ]);
    expect(densityReport.tables(d, 'en')[1]!.columns.map((c) => c.label)).toContain('Missed');
  });

  it('makes as many queries for thirty more students as without them: none per student or lesson', async () => {
    const counted = async () => {
      let queries = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => {
          queries += 1;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const ctx = ctxAs(database.db.withPlugin(counter), s.people.deputy.id, s.schoolId, [
        'deputy',
        'teacher',
      ]);
      const scope = await resolveReportScope(ctx, { periodId: s.periods.q1 });
      const before = queries;
      const density = await computeDensity(ctx, scope);
      await computeKtpLag(ctx, scope);
      await computeAssessments(ctx, scope);
      return { density, queries: queries - before };
    };
    const small = await counted();
    for (let i = 0; i < 30; i++) {
      const student = await buildPerson(database.db, {
        schoolId: s.schoolId,
        roles: ['student'],
        lastName: `Ученик${String(i).padStart(2, '0')}`,
        account: false,
      });
      await enroll(database.db, { schoolId: s.schoolId, groupId: s.c5.groupId, studentId: student.id });
      await database.db
        .insertInto('marks')
        .values({
          schoolId: s.schoolId,
          lessonId: s.lessons.math0907,
          studentId: student.id,
          workKindId: s.kind('Отв'),
          value: '4',
          createdBy: s.people.mathT.id,
        })
        .execute();
    }
    const big = await counted();
    expect(big.density.courses[0]!.students).toBe(small.density.courses[0]!.students + 30);
    expect(big.queries).toBe(small.queries);
    expect(big.queries).toBeLessThanOrEqual(16);
  });
});
