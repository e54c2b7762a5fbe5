import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildPerson } from '../../../test/factories.ts';
import { markNumbers } from '../../domain/marks.ts';
import type { Role } from '../../domain/roles.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { resolveReportScope, wholeSchoolScope } from './report-scope.ts';
import { resultsTables } from './results.definition.ts';
import { resultsSchool } from './results.test-helpers.ts';
import { computeResults, markSums, resultsPeriod, resultsTotals } from './results.ts';

describe.each(engines())('the results report on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof resultsSchool>>;

  beforeAll(async () => {
    database = await engine.open();
    s = await resultsSchool(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const run = async (personId: number, roles: Role[], q: Record<string, number> = {}) => {
    const ctx = ctxAs(database.db, personId, s.schoolId, roles);
    return computeResults(
      ctx.db,
      await resolveReportScope(ctx, { periodId: s.periods.q1, ...q }, { classLevel: true }),
    );
  };
  const names = (list: { name: string }[]) => list.map((p) => p.name.split(' ')[0]);

  it('counts the first quarter of 5А: period marks, and Дмитриева’s suggested Russian mark', async () => {
    const r = await run(s.people.deputy.id, ['deputy']);
    expect(r.period).toMatchObject({
      id: s.periods.q1,
      name: '1 четверть',
      startsOn: '2026-09-01',
      endsOn: '2026-10-25',
    });
    expect(r.range).toMatchObject({ from: '2026-09-01', to: '2026-10-25', periodId: s.periods.q1 });
    // Дмитриева, Russian, no period mark: 4- (3.75 × 1) + 3 (× 2) + 5-/4 (4.75 × 1.5 + 4 × 1.5)
    //   = 3.75 + 6 + 7.125 + 6 = 22.875 over weights 1 + 2 + 1.5 + 1.5 = 6 → 3.8125 → «4» (≥ 3.5).
    //   (The removed «2» and the «2» of 10.11 would give 26.875 / 8 = 3.36 → «3».)
    // Students (5): [5,5] [5,4] [4,3] [2,3] [н/а,4]; art «зач» is left out; Егоров left on 10.10;
    // Жилин (6Б, trimesters) and Зуева (grade 1) are not counted.
    // Успеваемость: Антонова, Борисов, Васильева = 3 / 5 = 60.0; качество: Антонова, Борисов = 40.0.
    // СОУ over 10 marks: «5»×3 = 3, «4»×3 = 1.92, «3»×2 = 0.72, «2»×1 = 0.16, «н/а»×1 = 0.07;
    //   5.87 / 10 = 58.7. Средний балл: (15 + 12 + 6 + 2) / 9 = 35 / 9 = 3.89.
    expect(r.totals).toEqual({
      students: 5,
      assessed: 5,
      successPct: 60,
      qualityPct: 40,
      sou: 58.7,
      average: 3.89,
      n5: 3,
      n4: 3,
      n3: 2,
      n2: 1,
      nNa: 1,
      provisional: 1,
      unmarked: 0,
    });
    expect(r.byClass).toEqual([
      expect.objectContaining({
        className: '5А',
        students: 5,
        successPct: 60,
        qualityPct: 40,
        provisional: 1,
      }),
    ]);
    // Over marks. Mathematics [5,5,4,2,н/а]: 3/5 = 60.0 succeed, 3/5 = 60.0 good;
    //   СОУ (1 + 1 + 0.64 + 0.16 + 0.07) / 5 = 2.87 / 5 = 57.4; mean (5+5+4+2)/4 = 4.
    // Russian [5,4,3,3,4]: 5/5 = 100.0; 3/5 = 60.0; СОУ (1 + 0.64·2 + 0.36·2) / 5 = 3 / 5 = 60.0;
    //   mean 19 / 5 = 3.8.
    expect(
      r.bySubject.map(({ subject, successPct, qualityPct, sou, average, provisional }) => ({
        subject,
        successPct,
        qualityPct,
        sou,
        average,
        provisional,
      })),
    ).toEqual([
      { subject: 'Математика', successPct: 60, qualityPct: 60, sou: 57.4, average: 4, provisional: 0 },
      { subject: 'Русский язык', successPct: 100, qualityPct: 60, sou: 60, average: 3.8, provisional: 1 },
    ]);
    expect(r.byTeacher.map((t) => [t.teacher.split(' ')[0], t.assessed, t.qualityPct])).toEqual([
      ['Математикова', 5, 60],
      ['Русакова', 5, 60],
    ]);
    expect(names(r.lists.excellent)).toEqual(['Антонова']);
    expect(names(r.lists.good)).toEqual(['Борисов']);
    expect(names(r.lists.oneFour)).toEqual(['Борисов']);
    expect(names(r.lists.oneThree)).toEqual(['Васильева']);
    expect(names(r.lists.failing)).toEqual(['Григорьев']);
    expect(r.lists.notAssessed).toEqual([
      { studentId: s.st.Дмитриева, name: 'Дмитриева Ученик', className: '5А' },
    ]);
  });

  it('a teacher sees only their subject; the class teacher the whole class', async () => {
    // Русакова: Russian only, over students [5] [4] [3] [3] [4]: succeed 5/5, good 3/5.
    const rus = await run(s.people.rusT.id, ['teacher']);
    expect([rus.totals.assessed, rus.totals.successPct, rus.totals.qualityPct]).toEqual([5, 100, 60]);
    expect(rus.bySubject.map((x) => x.subject)).toEqual(['Русский язык']);
    expect(names(rus.lists.excellent)).toEqual(['Антонова']);
    const cls = await run(s.people.classT.id, ['teacher']);
    expect([cls.totals.successPct, cls.totals.qualityPct, cls.totals.sou]).toEqual([60, 40, 58.7]);
  });

  it('the class filter narrows; with no period asked it takes the running term of the main scheme', async () => {
    const only6 = await run(s.people.deputy.id, ['deputy'], { classId: s.c6.classId });
    expect(only6.totals.assessed).toBe(0);
    expect(only6.totals.successPct).toBeNull();
    expect(only6.byClass).toEqual([]);
    const p = await resultsPeriod(database.db, s.schoolId, s.yearId, { number: 2 });
    expect(p?.id).toBe(s.periods.q2);
    expect((await resultsPeriod(database.db, s.schoolId, s.yearId, { wholeYear: true }))?.id).toBe(
      s.periods.year,
    );
    expect(await resultsPeriod(database.db, s.schoolId, s.yearId, { number: 4 })).toBeNull();
  });

  it('resultsTotals gives the same totals for a whole-school scope', async () => {
    const scope = await wholeSchoolScope(database.db, s.schoolId, {
      yearId: s.yearId,
      periodId: s.periods.q1,
    });
    expect(await resultsTotals(database.db, scope)).toEqual({
      assessed: 5,
      successPct: 60,
      qualityPct: 40,
      sou: 58.7,
      average: 3.89,
    });
  });

  it('makes the same number of queries whatever the number of students', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = database.db.withPlugin(counter);
    const scope = await wholeSchoolScope(db, s.schoolId, { yearId: s.yearId, periodId: s.periods.q1 });
    queries = 0;
    await computeResults(db, scope);
    expect(queries).toBeLessThanOrEqual(9);
  });

  it('lays the answer out as export tables in both languages', async () => {
    const r = await run(s.people.deputy.id, ['deputy']);
    const ru = resultsTables(r, 'ru');
    expect(ru.map((t) => t.title)).toEqual([
      'Итоги',
      'По классам',
      'По предметам',
      'По учителям',
      'Списки учащихся',
    ]);
    expect(ru[0]!.rows[0]).toMatchObject({ period: '1 четверть', successPct: 60, qualityPct: 40 });
    expect(ru[0]!.columns.find((c) => c.key === 'successPct')).toEqual({
      key: 'successPct',
      label: 'Успеваемость, %',
      kind: 'percent',
    });
    expect(ru[4]!.rows).toContainEqual({
      list: 'Не аттестованы',
      student: 'Дмитриева Ученик',
      className: '5А',
    });
    expect(resultsTables(r, 'en')[2]!.columns[0]!.label).toBe('Subject');
  });
  it('sums every kind of mark in SQL as markNumbers reads it («4-», «5/4», «5-/4+»; «зач» and «.» not at all)', async () => {
    const values = [
      '5',
      '4+',
      '4-',
      '3',
      '2-',
      '1',
      '1+',
      '5/4',
      '5-/4+',
      '4+/3-',
      '3/2',
      'зач',
      'незач',
      '.',
    ];
    const ids: number[] = [];
    for (const value of values) {
      const p = await buildPerson(database.db, { schoolId: s.schoolId, roles: ['student'], account: false });
      ids.push(p.id);
      // Weight 2 (Дикт): the sums are twice the numbers.
      await database.db
        .insertInto('marks')
        .values({
          schoolId: s.schoolId,
          lessonId: s.lessons.rus0910,
          studentId: p.id,
          workKindId: s.kind('Дикт'),
          value,
          createdBy: s.people.rusT.id,
        })
        .execute();
    }
    const scope = await wholeSchoolScope(database.db, s.schoolId, {
      yearId: s.yearId,
      periodId: s.periods.q1,
    });
    const sums = await markSums(
      database.db,
      scope,
      { subjectIds: [s.subjects.russian], studentIds: ids },
      '2026-09-01',
      '2026-10-25',
    );
    values.forEach((value, i) => {
      const numbers = markNumbers(value);
      const got = sums.get(`${ids[i]}:${s.subjects.russian}`);
      if (numbers.length === 0) expect(got, value).toBeUndefined();
      else {
        expect(got?.weights, value).toBe(2 * numbers.length);
        expect(got?.weighted, value).toBeCloseTo(2 * numbers.reduce((a, b) => a + b, 0), 9);
      }
    });
  });
});
