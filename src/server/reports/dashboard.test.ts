import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { dashboardTables } from './dashboard.report.ts';
import { dashboardSchool } from './dashboard.test-helpers.ts';
import { getDashboard } from './dashboard.ts';

const range = { from: '2026-10-05', to: '2026-10-25' };

describe.each(engines())('the control dashboard on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof dashboardSchool>>;
  const deputy = () => ctxAs(database.db, s.people.deputy.id, s.schoolId, ['deputy']);
  const figure = (a: Awaited<ReturnType<typeof getDashboard>>, key: string) =>
    a.figures.find((f) => f.key === key)!;

  beforeAll(async () => {
    database = await engine.open();
    s = await dashboardSchool(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('completeness and timeliness over the range and for each Monday-based week', async () => {
    const a = await getDashboard(deputy(), range);
    expect(a.by).toBe('week');
    expect(a.whole).toBe(true);
    expect(a.range).toMatchObject({ schoolId: s.schoolId, from: '2026-10-05', to: '2026-10-25' });
    const completeness = figure(a, 'completeness');
    // Held: 3 + 2 + 2 = 7 lessons (20.10 cancelled, 28.09 before the range); expected 3 × 7 = 21;
    // missing: the topic of 12.10, the homework and attendance of 19.10 → filled 18; 18/21 = 85.71 %.
    expect(completeness).toMatchObject({ value: 85.7, part: 18, whole: 21 });
    // Week of 05.10: 9 of 9 = 100 %; of 12.10: 5 of 6 = 83.3 %; of 19.10: 4 of 6 = 66.7 %.
    expect(completeness.trend).toEqual([
      { start: '2026-10-05', end: '2026-10-11', value: 100, label: null },
      { start: '2026-10-12', end: '2026-10-18', value: 83.3, label: null },
      { start: '2026-10-19', end: '2026-10-25', value: 66.7, label: null },
    ]);
    // 66.7 − 83.3 = −16.6 points.
    expect(completeness.change).toBe(-16.6);
    const timeliness = figure(a, 'timeliness');
    // Entries made: 9 + (2 + 3) + (1 + 3) = 18, one late (the topic of 13.10): 17/18 = 94.44 %.
    expect(timeliness).toMatchObject({ value: 94.4, part: 17, whole: 18 });
    // Weeks: 9/9 = 100 %, 4/5 = 80 %, 4/4 = 100 %; the change 100 − 80 = +20 points.
    expect(timeliness.trend.map((p) => p.value)).toEqual([100, 80, 100]);
    expect(timeliness.change).toBe(20);
  });

  it('attendance: student-lessons present of those whose attendance was taken', async () => {
    const a = await getDashboard(deputy(), range);
    const attendance = figure(a, 'attendance');
    // Two students at each lesson with attendance taken: 3 + 2 + 1 lessons = 12 student-lessons;
    // absent: Антонова 05.10, Борисов 12.10, both 21.10 = 4 (a lateness is no absence, and the
    // absence noted on 19.10, whose attendance was never taken, does not count): 8/12 = 66.7 %.
    expect(attendance).toMatchObject({ value: 66.7, part: 8, whole: 12 });
    // Weeks: 5/6 = 83.3 %, 3/4 = 75 %, 0/2 = 0 %; the change 0 − 75 = −75 points.
    expect(attendance.trend.map((p) => p.value)).toEqual([83.3, 75, 0]);
    expect(attendance.change).toBe(-75);
  });

  it('quality of knowledge: of the current term, the trend over the terms begun', async () => {
    const october = await getDashboard(deputy(), range);
    // On 25.10 only the 1st quarter has begun. Антонова 5 and 5 (quality), Борисов 4 and 3 (not):
    // 1 of 2 assessed = 50 %.
    expect(october.qualityPeriod).toEqual({ id: s.periods.q1, name: '1 четверть' });
    expect(figure(october, 'quality')).toMatchObject({ value: 50, part: null, whole: 2, change: null });
    expect(figure(october, 'quality').trend).toEqual([
      { start: '2026-09-01', end: '2026-10-25', value: 50, label: '1 четверть' },
    ]);
    const november = await getDashboard(deputy(), { from: '2026-10-05', to: '2026-11-20' });
    // In the 2nd quarter both have only «4» and «5»: 2 of 2 = 100 %; the change 100 − 50 = +50.
    expect(november.qualityPeriod).toEqual({ id: s.periods.q2, name: '2 четверть' });
    expect(figure(november, 'quality')).toMatchObject({ value: 100, whole: 2, change: 50 });
    expect(figure(november, 'quality').trend.map((p) => [p.label, p.value])).toEqual([
      ['1 четверть', 50],
      ['2 четверть', 100],
    ]);
  });

  it('by month: the months of the range, September with the empty lesson of 28.09', async () => {
    const a = await getDashboard(deputy(), { from: '2026-09-01', to: '2026-10-25', by: 'month' });
    expect(a.by).toBe('month');
    const completeness = figure(a, 'completeness');
    // September: one lesson held, nothing entered: 0 of 3. October: 18 of 21 = 85.7 %.
    // Over the range: 18 of 24 = 75 %.
    expect(completeness.trend).toEqual([
      { start: '2026-09-01', end: '2026-09-30', value: 0, label: null },
      { start: '2026-10-01', end: '2026-10-25', value: 85.7, label: null },
    ]);
    expect(completeness).toMatchObject({ value: 75, part: 18, whole: 24, change: 85.7 });
    // Nothing entered in September: no timeliness to judge, and so no change either.
    expect(figure(a, 'timeliness').trend.map((p) => p.value)).toEqual([null, 94.4]);
    expect(figure(a, 'timeliness').change).toBeNull();
    // The months span the whole range, so attendance over it is their sum: September has no
    // attendance taken (null), October the 8 of 12 of the weekly test.
    expect(figure(a, 'attendance').trend.map((p) => p.value)).toEqual([null, 66.7]);
    expect(figure(a, 'attendance')).toMatchObject({ value: 66.7, part: 8, whole: 12 });
  });

  it('the worst-kept journals first, without the clean ones', async () => {
    const a = await getDashboard(deputy(), range);
    // Mathematics: 3 held, 3 problems (no topic 12.10; no homework, no attendance 19.10) = 1 per
    // lesson; Russian: 3 held, 1 problem (the late topic) = 0.33; history: none, not listed.
    expect(a.worst.map((w) => [w.subject, w.teacher, w.held, w.problems])).toEqual([
      ['Математика', 'Математикова А. И.', 3, 3],
      ['Русский язык', 'Русакова А. И.', 3, 1],
    ]);
    expect(a.worst[0]).toMatchObject({
      courseId: s.courses.math,
      noTopic: 1,
      noHomework: 1,
      noAttendance: 1,
      score: 1,
    });
    expect(a.worst[1]!.score).toBeCloseTo(1 / 3, 5);
  });

  it('open remarks: the count of all and the latest five, newest first', async () => {
    const a = await getDashboard(deputy(), range);
    // Six open on mathematics; the fixed and the closed one on Russian are not open.
    expect(a.remarks.open).toBe(6);
    expect(a.remarks.latest.map((r) => r.text)).toEqual([
      'Замечание 6',
      'Замечание 5',
      'Замечание 4',
      'Замечание 3',
      'Замечание 2',
    ]);
    expect(a.remarks.latest[0]).toMatchObject({
      courseId: s.courses.math,
      lessonId: s.lessons.math1012,
      status: 'open',
    });
  });

  it('the heat map: teachers in Russian order × the days with lessons held', async () => {
    const a = await getDashboard(deputy(), range);
    expect(a.heatmap.days).toEqual([
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
      '2026-10-12',
      '2026-10-13',
      '2026-10-19',
      '2026-10-21',
    ]);
    expect(a.heatmap.teachers.map((t) => [t.teacher, t.held, t.missing, t.late])).toEqual([
      ['Историкова А. И.', 1, 0, 0],
      ['Математикова А. И.', 3, 2, 0],
      ['Русакова А. И.', 3, 0, 1],
    ]);
  });

  it('a teacher sees the figures of their own courses only', async () => {
    const a = await getDashboard(ctxAs(database.db, s.people.rusT.id, s.schoolId, ['teacher']), range);
    expect(a.whole).toBe(false);
    // Russian only: 3 held, all filled (9 of 9); 8 of 9 entries on time (88.9 %); 6 student-lessons,
    // 2 absent on 21.10 (4 of 6 = 66.7 %); quality in Russian: Антонова 5, Борисов 3 → 50 %.
    expect(a.figures.map((f) => [f.key, f.value])).toEqual([
      ['completeness', 100],
      ['timeliness', 88.9],
      ['quality', 50],
      ['attendance', 66.7],
    ]);
    expect(a.worst.map((w) => w.courseId)).toEqual([s.courses.russian]);
    expect(a.heatmap.teachers.map((t) => t.teacher)).toEqual(['Русакова А. И.']);
    // The open remarks are on mathematics, not hers.
    expect(a.remarks).toEqual({ open: 0, latest: [] });
    await expect(
      getDashboard(ctxAs(database.db, s.people.rusT.id, s.schoolId, ['teacher']), {
        ...range,
        teacherId: s.people.mathT.id,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('the export tables: figures, the weekly trend, quality by term, the worst journals', async () => {
    const tables = dashboardTables(await getDashboard(deputy(), range), 'ru');
    expect(tables.map((t) => t.title)).toEqual([
      'Показатели',
      'Динамика',
      'Качество знаний по периодам',
      'Хуже всего ведутся',
    ]);
    expect(tables[0]!.rows.map((r) => [r.figure, r.value])).toEqual([
      ['Полнота заполнения', 85.7],
      ['Своевременность', 94.4],
      ['Качество знаний (1 четверть)', 50],
      ['Посещаемость', 66.7],
    ]);
    expect(tables[1]!.rows[1]).toEqual({
      from: '2026-10-12',
      to: '2026-10-18',
      completeness: 83.3,
      timeliness: 80,
      attendance: 75,
    });
    expect(tables[3]!.rows[0]).toMatchObject({ subject: 'Математика', late: 0, problems: 3, score: 1 });
    expect(tables[3]!.rows[1]).toMatchObject({ subject: 'Русский язык', late: 1, score: 0.33 });
  });

  it('as many queries with many lessons as with few: none per lesson', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = database.db.withPlugin(counter);
    const ctx = ctxAs(db, s.people.deputy.id, s.schoolId, ['deputy']);
    await getDashboard(ctx, range);
    const few = queries;
    for (let day = 5; day <= 9; day++)
      await database.db
        .insertInto('lessons')
        .values({
          schoolId: s.schoolId,
          courseId: s.courses.history,
          teacherId: s.people.histT.id,
          date: `2026-10-0${day}`,
          lessonNumber: 3,
        })
        .execute();
    queries = 0;
    const more = await getDashboard(ctx, range);
    expect(queries).toBe(few);
    // The five empty history lessons are now the worst journal.
    expect(more.worst[0]!.courseId).toBe(s.courses.history);
  });
});
