import type { KyselyPlugin } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildPerson, enroll } from '../../../test/factories.ts';
import type { ReportQuery } from '../../contract/reports.ts';
import type { Role } from '../../domain/roles.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { attendanceBetween, attendanceByDate } from './attendance.queries.ts';
import { attendanceDefinition, attendanceTotals, computeAttendance } from './attendance-report.ts';
import { hoursSchool } from './hours.test-helpers.ts';
import { resolveReportScope } from './report-scope.ts';

const autumn = { from: '2026-09-01', to: '2026-10-31' };
const absent = (illness: number, excused: number, unexcused: number, none: number) => ({
  illness,
  excused,
  unexcused,
  none,
  total: illness + excused + unexcused + none,
});

describe.each(engines())('the attendance report on $name', (engine) => {
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

  async function scopeOf(personId: number, roles: Role[], q: ReportQuery = autumn, db = database.db) {
    const ctx = ctxAs(db, personId, s.schoolId, roles);
    return { ctx, scope: await resolveReportScope(ctx, q, attendanceDefinition.options) };
  }
  async function report(personId: number, roles: Role[], q: ReportQuery = autumn) {
    const { ctx, scope } = await scopeOf(personId, roles, q);
    return computeAttendance(ctx, scope);
  }

  it('per class: lessons due, absences by reason, latenesses, missed days and the attendance rate', async () => {
    const r = await report(s.people.deputy.id, ['deputy', 'teacher']);
    expect(r.thresholdPercent).toBe(30);
    // 5А: Алексеева and Белов had 4 held lessons in September (mathematics 7, 9; Russian 7, 9 —
    // the 8th was cancelled) and 3 in October (mathematics 5, 6; Russian 5); Волков came on
    // 1 October: 3. Expected 4+3 + 4+3 + 3 = 17. Absences: Алексеева б, б, н, уп, — (late), без
    // уважительной; Белов н, без уважительной (his «н» on the cancelled lesson does not count);
    // Волков's removed one does not count. Rate (17 − 7) / 17 = 58.8 %.
    expect(r.classes).toEqual([
      {
        classId: s.c5.classId,
        className: '5А',
        students: 3,
        expected: 17,
        absent: absent(2, 1, 2, 2),
        late: 2,
        missedDays: { ...absent(1, 0, 1, 0), mixed: 1, total: 3 },
        attendancePercent: 58.8,
      },
      {
        classId: s.c6.classId,
        className: '6Б',
        students: 1,
        expected: 2,
        absent: absent(1, 0, 0, 0),
        late: 0,
        missedDays: { ...absent(1, 0, 0, 0), mixed: 0 },
        attendancePercent: 50,
      },
    ]);
  });

  it('per student: missed days and the months over 30 %', async () => {
    const r = await report(s.people.director.id, ['director']);
    expect(r.students.map((x) => x.name)).toEqual([
      'Алексеева Мария',
      'Белов Глеб',
      'Волков Олег',
      'Гусев Иван',
    ]);
    const [s1, s2, s3] = r.students;
    // Алексеева: 7 September both lessons «б» → a missed day (illness); 9 September «н» and late →
    // not missed; 5 October «уп» and «без уважительной» on both lessons → missed, reasons differ.
    expect(s1).toMatchObject({
      expected: 7,
      absent: absent(2, 1, 1, 1),
      late: 1,
      missedDays: { ...absent(1, 0, 0, 0), mixed: 1, total: 2 },
      months: [
        // September: 3 of 4 = 75 %; October: 2 of 3 = 66.7 %.
        { month: '2026-09', expected: 4, missed: 3, percent: 75, over: true },
        { month: '2026-10', expected: 3, missed: 2, percent: 66.7, over: true },
      ],
    });
    // Белов: 1 of 4 in September = 25 % (not over); 1 of 3 in October = 33.3 % (over). On 6 October
    // his only lesson was the extra mathematics, missed → a missed day without good reason.
    expect(s2!.months).toEqual([
      { month: '2026-09', expected: 4, missed: 1, percent: 25, over: false },
      { month: '2026-10', expected: 3, missed: 1, percent: 33.3, over: true },
    ]);
    expect(s2!.missedDays).toEqual({ ...absent(0, 0, 1, 0), mixed: 0 });
    expect(s3).toMatchObject({ expected: 3, absent: absent(0, 0, 0, 0), late: 1 });
    expect(r.over.map((o) => [o.name, o.month, o.missed, o.expected, o.percent])).toEqual([
      ['Гусев Иван', '2026-09', 1, 1, 100],
      ['Алексеева Мария', '2026-09', 3, 4, 75],
      ['Алексеева Мария', '2026-10', 2, 3, 66.7],
      ['Белов Глеб', '2026-10', 1, 3, 33.3],
    ]);
  });

  it('a class teacher sees their class; a subject teacher only the lessons of their own course', async () => {
    const classT = await report(s.people.b.id, ['teacher']);
    expect(classT.classes.map((c) => [c.className, c.expected, c.absent.total])).toEqual([['5А', 17, 7]]);
    expect(classT.students.map((x) => x.name)).toEqual(['Алексеева Мария', 'Белов Глеб', 'Волков Олег']);
    const subjectT = await report(s.people.a.id, ['teacher']);
    // Арбузова teaches only mathematics in 5А: 2 + 2 lessons for Алексеева and Белов, 2 for Волков;
    // Алексеева missed mathematics of 7 September (б), 9 September (н) and 5 October (уп).
    expect(subjectT.classes.map((c) => [c.className, c.expected, c.absent.total])).toEqual([['5А', 10, 5]]);
    expect(subjectT.students[0]).toMatchObject({
      name: 'Алексеева Мария',
      expected: 4,
      absent: absent(1, 1, 0, 1),
    });
    expect(subjectT.students.some((x) => x.name === 'Гусев Иван')).toBe(false);
  });

  it('attendanceTotals counts the student-lessons of held lessons with attendance taken', async () => {
    const { scope } = await scopeOf(s.people.deputy.id, ['deputy', 'teacher']);
    // All 19 student-lessons except Russian of 9 September (attendance not taken: Алексеева and
    // Белов) → 17; absences 8 of all, none of them there; latenesses 2, one of them there → 1.
    expect(await attendanceTotals(database.db, scope)).toEqual({ expected: 17, absent: 8, late: 1 });
  });

  it('attendanceByDate: the dates of a part sum to what attendanceTotals gives for that part alone', async () => {
    const { scope } = await scopeOf(s.people.deputy.id, ['deputy', 'teacher']);
    const byDate = await attendanceByDate(database.db, scope);
    // The whole range is the sum of its dates: 17 expected, 8 absent, 1 late (as above).
    expect(attendanceBetween(byDate, scope.from, scope.to)).toEqual({ expected: 17, absent: 8, late: 1 });
    // Cut at the month: September and October each read on their own give the same as the sums
    // of their dates, and the two parts add up to the whole.
    const parts = [
      { from: '2026-09-01', to: '2026-09-30' },
      { from: '2026-10-01', to: '2026-10-31' },
    ];
    const asked = await Promise.all(
      parts.map((p) => attendanceTotals(database.db, { ...scope, ...p, periodId: null })),
    );
    expect(parts.map((p) => attendanceBetween(byDate, p.from, p.to))).toEqual(asked);
    expect(asked[0]!.expected + asked[1]!.expected).toBe(17);
    expect(asked[0]!.expected).toBeGreaterThan(0);
    expect(asked[1]!.expected).toBeGreaterThan(0);
  });

  it('makes as many queries for a class of thirty as for a class of three: none per student', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = database.db.withPlugin(counter);
    const run = async () => {
      queries = 0;
      const { ctx, scope } = await scopeOf(s.people.b.id, ['teacher'], autumn, db);
      queries = 0;
      const r = await computeAttendance(ctx, scope);
      return { r, queries };
    };
    const small = await run();
    for (let i = 0; i < 27; i++) {
      const st = await buildPerson(database.db, {
        schoolId: s.schoolId,
        roles: ['student'],
        lastName: `Ученик${String(i).padStart(2, '0')}`,
        account: false,
      });
      await enroll(database.db, { schoolId: s.schoolId, groupId: s.c5.groupId, studentId: st.id });
      await database.db
        .insertInto('attendance')
        .values({
          schoolId: s.schoolId,
          lessonId: s.lessons.math0907,
          studentId: st.id,
          value: 'absent',
          reason: 'illness',
          createdBy: s.people.b.id,
        })
        .execute();
    }
    const big = await run();
    expect(big.r.classes[0]!.students).toBe(30);
    expect(big.r.students).toHaveLength(30);
    expect(big.queries).toBe(small.queries);
  });
});
