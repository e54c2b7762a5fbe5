import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { assessmentsReport } from './assessments-report.ts';
import { densitySchool } from './density.test-helpers.ts';
import { resolveReportScope } from './report-scope.ts';

describe.each(engines())('assessment procedures on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof densitySchool>>;

  beforeAll(async () => {
    database = await engine.open();
    s = await densitySchool(database.db);
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T09:00:00'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const run = async (personId: number, roles: ('deputy' | 'teacher')[], query: Record<string, unknown>) => {
    const ctx = ctxAs(database.db, personId, s.schoolId, roles);
    return assessmentsReport.compute(ctx, await resolveReportScope(ctx, query));
  };

  it('the year: procedures by mark column and by КТП, past and ahead, per class and subject', async () => {
    const a = await run(s.people.deputy.id, ['deputy', 'teacher'], {});
    expect([a.from, a.to]).toEqual(['2026-09-01', '2027-08-31']);
    expect(
      a.schedule.map((r) => [
        r.className,
        r.subject,
        r.procedures.map((p) => [p.date, p.source, p.planned]),
        r.hours,
        r.yearTotal,
        r.percent,
      ]),
    ).toEqual([
      // Mathematics: 05.10 has a «Дикт» column, 20.10 the КТП's «Контрольная работа»; 6 lessons not
      // cancelled in the year (07.09, 14.09, 05.10, 20.10, 16.11, 17.11): 2 / 6 = 33.3%.
      [
        '5А',
        'Математика',
        [
          ['2026-10-05', 'markColumn', false],
          ['2026-10-20', 'plan', false],
        ],
        6,
        2,
        33.3,
      ],
      // Russian: 20.10 №2 has a «КР» column; 15.12 is given the topic «Диктант»: ahead of today.
      // 4 lessons (14.09, 20.10 ×2, 15.12): 2 / 4 = 50%.
      [
        '5А',
        'Русский язык',
        [
          ['2026-10-20', 'markColumn', false],
          ['2026-12-15', 'plan', true],
        ],
        4,
        2,
        50,
      ],
      // ИЗО: the КТП plans «Контрольная работа» on 10.12 without a lesson: the lesson of that day.
      ['6Б', 'ИЗО', [['2026-12-10', 'plan', true]], 2, 1, 50],
    ]);
    expect(a.warnings.map((w) => [w.kind, w.className, w.subject, w.dates, w.percent, w.edge])).toEqual([
      ['sameDay', '5А', 'Математика, Русский язык', ['2026-10-20'], null, null],
      // 05.10 → 20.10 is 15 days: fewer than 18.
      ['tooClose', '5А', 'Математика', ['2026-10-05', '2026-10-20'], null, null],
      ['overShare', '5А', 'Математика', ['2026-10-05', '2026-10-20'], 33.3, null],
      ['overShare', '5А', 'Русский язык', ['2026-10-20', '2026-12-15'], 50, null],
      ['overShare', '6Б', 'ИЗО', ['2026-12-10'], 50, null],
      // 05.10: mathematics №1 is 5А's only lesson; 20.10: mathematics №1 of №1–№4 (Russian №2 is
      // in the middle); 15.12 and 10.12: the only lesson of the day.
      ['edgeLesson', '5А', 'Математика', ['2026-10-05'], null, 'first'],
      ['edgeLesson', '5А', 'Математика', ['2026-10-20'], null, 'first'],
      ['edgeLesson', '5А', 'Русский язык', ['2026-12-15'], null, 'first'],
      ['edgeLesson', '6Б', 'ИЗО', ['2026-12-10'], null, 'first'],
    ]);
    expect(a.warnings[0]!.lessonIds).toEqual([s.lessons.math1020, s.extra.rus1020a]);
  });

  it('a period narrows the schedule and the warnings; shares stay of the year', async () => {
    const a = await run(s.people.deputy.id, ['deputy', 'teacher'], { periodId: s.periods.q1 });
    expect(
      a.schedule.map((r) => [r.className, r.subject, r.procedures.length, r.yearTotal, r.percent]),
    ).toEqual([
      ['5А', 'Математика', 2, 2, 33.3],
      ['5А', 'Русский язык', 1, 2, 50],
    ]);
    expect(a.warnings.map((w) => `${w.kind} ${w.className} ${w.dates[0]}`)).toEqual([
      'sameDay 5А 2026-10-20',
      'tooClose 5А 2026-10-05',
      'overShare 5А 2026-10-05',
      'overShare 5А 2026-10-20',
      'edgeLesson 5А 2026-10-05',
      'edgeLesson 5А 2026-10-20',
    ]);
  });

  it('a teacher sees their own subject only', async () => {
    const a = await run(s.people.mathT.id, ['teacher'], {});
    expect(a.schedule.map((r) => r.subject)).toEqual(['Математика']);
    expect(a.warnings.map((w) => w.kind)).toEqual(['tooClose', 'overShare', 'edgeLesson', 'edgeLesson']);
  });

  it('exports the published form: months September to May, total, hours, share', async () => {
    const a = await run(s.people.deputy.id, ['deputy', 'teacher'], {});
    const [form, warnings] = assessmentsReport.tables(a, 'ru');
    expect(form!.title).toBe('График оценочных процедур: 01.09.2026 – 31.08.2027');
    expect(form!.columns.map((c) => c.label)).toEqual([
      'Класс',
      'Предмет',
      'Сентябрь',
      'Октябрь',
      'Ноябрь',
      'Декабрь',
      'Январь',
      'Февраль',
      'Март',
      'Апрель',
      'Май',
      'Всего',
      'Часов по плану',
      '% от часов',
    ]);
    expect(form!.rows[0]).toEqual({
      className: '5А',
      subject: 'Математика',
      m9: '',
      m10: '05.10, 20.10',
      m11: '',
      m12: '',
      m1: '',
      m2: '',
      m3: '',
      m4: '',
      m5: '',
      total: 2,
      hours: 6,
      percent: 33.3,
    });
    expect(form!.rows[1]).toMatchObject({ m10: '20.10', m12: '15.12', total: 2, hours: 4, percent: 50 });
    expect(warnings!.rows[0]).toEqual({
      className: '5А',
      subject: 'Математика, Русский язык',
      kind: 'Больше одной оценочной процедуры в день',
      dates: '20.10.2026',
    });
    expect(warnings!.rows[2]!.kind).toBe('Больше 10% часов предмета: 33.3%');
  });
});
