import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { densitySchool } from './density.test-helpers.ts';
import { ktpReport } from './ktp-lag.ts';
import { resolveReportScope } from './report-scope.ts';

describe.each(engines())('КТП lag on $name', (engine) => {
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
    return ktpReport.compute(ctx, await resolveReportScope(ctx, query));
  };

  it('on the end of the first quarter: planned, held, lag and what remains', async () => {
    const k = await run(s.people.deputy.id, ['deputy', 'teacher'], { periodId: s.periods.q1 });
    expect(k.until).toBe('2026-10-25');
    const pick = (c: (typeof k.courses)[number]) => [
      c.subject,
      c.plannedHours,
      c.plannedToDate,
      c.held,
      c.heldWithTopic,
      c.lag,
      c.remaining,
      c.left,
      c.canCatchUp,
    ];
    expect(k.courses.map(pick)).toEqual([
      // Mathematics, dated plan: 1 + 2 + 1 + 1 = 5 h; due by 25.10: 1 + 2 + 1 = 4; held 07.09, 14.09,
      // 05.10, 20.10 = 4, three with a topic: lag 4 − 3 = 1. Ahead: 16.11, 17.11 (01.12 cancelled)
      // = 2 lessons for 5 − 3 = 2 hours left: they can catch up.
      ['Математика', 5, 4, 4, 3, 1, 2, 2, true],
      // Russian, undated plan of 3 h: due = min(3 held, 3) = 3; no topics entered: lag 3 − 0 = 3;
      // ahead 15.12 = 1 lesson for 3 hours left: they cannot.
      ['Русский язык', 3, 3, 3, 0, 3, 1, 3, false],
      // ИЗО, dated plan of 1 h on 10.12: nothing due yet; 14.09 held without a topic; 10.12 ahead.
      ['ИЗО', 1, 0, 1, 0, 0, 1, 1, true],
    ]);
  });

  it('the export says yes or no in words, and a teacher sees only their course', async () => {
    const k = await run(s.people.rusT.id, ['teacher'], { periodId: s.periods.q1 });
    expect(k.courses.map((c) => c.subject)).toEqual(['Русский язык']);
    const [table] = ktpReport.tables(k, 'ru');
    expect(table!.title).toBe('Выполнение КТП: 25.10.2026');
    expect(table!.rows).toEqual([
      {
        className: '5А',
        subject: 'Русский язык',
        group: expect.any(String),
        teacher: expect.any(String),
        plannedHours: 3,
        plannedToDate: 3,
        held: 3,
        heldWithTopic: 0,
        lag: 3,
        remaining: 1,
        left: 3,
        canCatchUp: 'нет',
      },
    ]);
    expect(ktpReport.tables(k, 'en')[0]!.rows[0]!.canCatchUp).toBe('no');
  });
});
