import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { ReportQuery } from '../../contract/reports.ts';
import type { Role } from '../../domain/roles.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { hoursSchool } from './hours.test-helpers.ts';
import { computeHours } from './hours.ts';
import { resolveReportScope } from './report-scope.ts';

const autumn = { from: '2026-09-01', to: '2026-10-31' };

describe.each(engines())('the hours report on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof hoursSchool>>;

  beforeAll(async () => {
    database = await engine.open();
    s = await hoursSchool(database.db);
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T12:00:00'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function hours(personId: number, roles: Role[], q: ReportQuery = autumn) {
    const ctx = ctxAs(database.db, personId, s.schoolId, roles);
    return computeHours(ctx, await resolveReportScope(ctx, q));
  }
  const counts = (planned: number, held: number, cancelled: number, given: number, received: number) => ({
    planned,
    held,
    cancelled,
    given,
    received,
  });

  it('the deputy sees every teacher per month: planned, held, cancelled, substitutions given and received', async () => {
    const report = await hours(s.people.deputy.id, ['deputy', 'teacher']);
    expect(report.months).toEqual(['2026-09', '2026-10']);
    expect(report.teachers.map((t) => t.teacher)).toEqual([
      'Арбузова А. И.',
      'Борисова А. И.',
      'Васильева А. И.',
    ]);
    const [a, b, c] = report.teachers;
    // Арбузова, September: mathematics 7, 8 (cancelled), 9 (given by Борисова) September are
    // timetabled → 3 planned; she held only the 7th → 1; cancelled 1; received 1.
    expect(a!.months[0]).toMatchObject({ month: '2026-09', ...counts(3, 1, 1, 0, 1) });
    // October: mathematics 5th (timetable) + 6th (extra, not planned) held → planned 1, held 2;
    // plus Russian of 5th for Борисова → held 3, given 1.
    expect(a!.months[1]).toMatchObject({ month: '2026-10', ...counts(1, 3, 0, 1, 0) });
    expect(a!.months[1]!.courses).toEqual([
      { courseId: s.courses.math5, subject: 'Математика', group: '5А', own: true, ...counts(1, 2, 0, 0, 0) },
      {
        courseId: s.courses.rus5,
        subject: 'Русский язык',
        group: '5А',
        own: false,
        ...counts(0, 1, 0, 1, 0),
      },
    ]);
    expect(a!.total).toEqual(counts(4, 4, 1, 1, 1));
    // Борисова: Russian 7, 9 September (planned 2, held 2) + Арбузова's mathematics of the 9th
    // (held, given); October: her Russian of the 5th given by Арбузова (planned 1, received 1).
    expect(b!.months.map((m) => [m.month, m.planned, m.held, m.cancelled, m.given, m.received])).toEqual([
      ['2026-09', 2, 3, 0, 1, 0],
      ['2026-10', 1, 0, 0, 0, 1],
    ]);
    expect(b!.total).toEqual(counts(3, 3, 0, 1, 1));
    expect(c!.total).toEqual(counts(2, 2, 0, 0, 0));
  });

  it('a future lesson is planned but not held', async () => {
    const report = await hours(s.people.a.id, ['teacher'], { from: '2026-11-01', to: '2026-12-31' });
    expect(report.months).toEqual(['2026-11', '2026-12']);
    expect(report.teachers).toHaveLength(1);
    expect(report.teachers[0]!.months).toEqual([
      expect.objectContaining({ month: '2026-12', ...counts(1, 0, 0, 0, 0) }),
    ]);
  });

  it('a teacher sees only their own row, with their substitutions of another teacher’s course', async () => {
    const report = await hours(s.people.a.id, ['teacher']);
    expect(report.teachers.map((t) => t.teacherId)).toEqual([s.people.a.id]);
    expect(report.teachers[0]!.total).toEqual(counts(4, 4, 1, 1, 1));
    const mine = await hours(s.people.b.id, ['teacher']);
    expect(mine.teachers.map((t) => t.teacherId)).toEqual([s.people.b.id]);
    expect(mine.teachers[0]!.total).toEqual(counts(3, 3, 0, 1, 1));
  });

  it('a teacher filter shows the teacher wholly and who substituted in their courses', async () => {
    const report = await hours(s.people.director.id, ['director'], { ...autumn, teacherId: s.people.a.id });
    expect(report.teachers.map((t) => t.teacher)).toEqual(['Арбузова А. И.', 'Борисова А. И.']);
    expect(report.teachers[0]!.total).toEqual(counts(4, 4, 1, 1, 1));
    // Борисова appears with her one lesson given in Арбузова's mathematics only.
    expect(report.teachers[1]!.total).toEqual(counts(0, 1, 0, 1, 0));
  });

  it('a teacher may not ask for another teacher’s hours', async () => {
    await expect(
      hours(s.people.a.id, ['teacher'], { ...autumn, teacherId: s.people.b.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
