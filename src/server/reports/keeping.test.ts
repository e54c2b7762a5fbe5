import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { addDays } from '../../domain/school-days.ts';
import { today } from '../access/relationships.queries.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { keepingHeatmap } from './heatmap.ts';
import { keepingTables } from './keeping.present.ts';
import { keepingSchool } from './keeping.test-helpers.ts';
import { keepingAnswerOf, keepingTotals, lessonProblems } from './keeping.ts';
import { resolveReportScope } from './report-scope.ts';

const october = { from: '2026-09-01', to: '2026-10-31' };

describe.each(engines())('«Ведение журнала» on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof keepingSchool>>;
  const deputyScope = (q = {}) =>
    resolveReportScope(ctxAs(database.db, s.people.deputy.id, s.schoolId, ['deputy']), { ...october, ...q });

  beforeAll(async () => {
    database = await engine.open();
    s = await keepingSchool(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('judges every held lesson: cancelled and future lessons are not held', async () => {
    const problems = await lessonProblems(database.db, await deputyScope({ to: addDays(today(), 10) }));
    const ids = problems.map((p) => p.lessonId).sort((a, b) => a - b);
    // L5 is cancelled, L6 is three days after today: five lessons held.
    expect(ids).toEqual(
      [s.lessons.l1, s.lessons.l2, s.lessons.l3, s.lessons.l4, s.lessons.l7].sort((a, b) => a - b),
    );
    const byId = new Map(problems.map((p) => [p.lessonId, p]));
    // L1's homework at 12:00 MSK is on time: 5А's last lesson that day (№ 3) ends 11:05, + 1 h.
    expect(byId.get(s.lessons.l1)).toMatchObject({ missing: [], late: [], entries: 3, lateEntries: 0 });
    // L2: no topic; homework 12:10 MSK is 5 minutes after 12:05; attendance on the next day.
    expect(byId.get(s.lessons.l2)).toMatchObject({
      missing: ['topic'],
      late: ['homework', 'attendance'],
      lateMinutes: { homework: 5, attendance: 480 },
    });
    // L3 was given by the substitute; its topic at 23:30 MSK is on time.
    expect(byId.get(s.lessons.l3)).toMatchObject({
      teacherId: s.people.sub.id,
      missing: ['homework', 'attendance'],
      late: [],
    });
    // L4: two live КР marks, one entered after 14.10 (7 days) ended; the oral and removed marks do not count.
    expect(byId.get(s.lessons.l4)).toMatchObject({ missing: [], late: [], writtenMarks: 2, lateMarks: 1 });
    expect(byId.get(s.lessons.l7)?.missing).toEqual(['topic', 'homework', 'attendance']);
  });

  it('rows per journal, worst first, with the totals worked out by hand', async () => {
    const answer = await keepingAnswerOf(database.db, await deputyScope());
    const rows = answer.courses.map((r) => [
      r.courseId,
      r.held,
      r.noTopic,
      r.noHomework,
      r.noAttendance,
      r.lateTopic,
      r.lateHomework,
      r.lateAttendance,
      r.lateMarks,
      r.problems,
      r.score,
    ]);
    // Russian 5А: 1 held, 3 problems (no topic, late homework, late attendance) → 3 a lesson;
    // mathematics 6Б: 1 held, 3 missing → 3 (a tie: the journal order puts 5А first);
    // mathematics 5А: 3 held, no homework + no attendance (L3) + late marks (L4) = 3 → 1 a lesson.
    expect(rows).toEqual([
      [s.courses.rus5, 1, 1, 0, 0, 0, 1, 1, 0, 3, 3],
      [s.courses.math6, 1, 1, 1, 1, 0, 0, 0, 0, 3, 3],
      [s.courses.math5, 3, 0, 1, 1, 0, 0, 0, 1, 3, 1],
    ]);
    expect(answer.courses[0]).toMatchObject({
      subject: 'Русский язык',
      className: '5А',
      teacher: 'Русакова А. И.',
    });
    // Held 5, expected 15, missing 2 + 1 + 3 = 6 → filled 9 (60 %); judged entries
    // L1 3 + L2 2 + L3 1 + L4 (3 + marks) 4 = 10, late 2 (L2) + 1 (L4 marks) = 3 → 70 %.
    expect(answer.totals).toMatchObject({
      held: 5,
      expected: 15,
      filled: 9,
      entries: 10,
      lateEntries: 3,
      completeness: 60,
      timeliness: 70,
      problems: 9,
    });
    expect(await keepingTotals(database.db, await deputyScope())).toEqual({
      held: 5,
      filled: 9,
      expected: 15,
      entries: 10,
      lateEntries: 3,
    });
    expect(answer.teachers).toEqual([
      { teacherId: s.people.mathT.id, teacher: 'Математикова А. И.', held: 4, problems: 6 },
      { teacherId: s.people.rusT.id, teacher: 'Русакова А. И.', held: 1, problems: 3 },
    ]);
  });

  it('lists the problem lessons newest first, naming who gave the lesson', async () => {
    const answer = await keepingAnswerOf(database.db, await deputyScope());
    expect(
      answer.lessons.map((l) => [
        l.lessonId,
        l.date,
        l.lessonNumber,
        l.teacher,
        l.missing,
        l.late,
        l.lateMarks,
      ]),
    ).toEqual([
      [s.lessons.l4, '2026-10-07', 1, 'Математикова А. И.', [], [], 1],
      [s.lessons.l3, '2026-10-06', 2, 'Заменова А. И.', ['homework', 'attendance'], [], 0],
      [s.lessons.l2, '2026-10-05', 3, 'Русакова А. И.', ['topic'], ['homework', 'attendance'], 0],
      [s.lessons.l7, '2026-10-05', 1, 'Математикова А. И.', ['topic', 'homework', 'attendance'], [], 0],
    ]);
    expect(answer.truncated).toBe(0);
    const one = await keepingAnswerOf(database.db, await deputyScope({ courseId: s.courses.math5 }));
    expect(one.lessons.map((l) => l.lessonId)).toEqual([s.lessons.l4, s.lessons.l3]);
    expect(one.courses.map((c) => c.courseId)).toEqual([s.courses.math5]);
  });

  it('a teacher sees only their own journals; the class’s last lesson still counts the others’', async () => {
    const scope = await resolveReportScope(
      ctxAs(database.db, s.people.mathT.id, s.schoolId, ['teacher']),
      october,
    );
    const answer = await keepingAnswerOf(database.db, scope);
    expect(answer.courses.map((c) => c.courseId).sort()).toEqual([s.courses.math5, s.courses.math6].sort());
    expect(answer.lessons.map((l) => l.lessonId)).not.toContain(s.lessons.l2);
    // L1's homework stays on time: Russian № 3 is not the teacher's, but it is 5А's last lesson.
    expect(answer.totals).toMatchObject({ held: 4, lateHomework: 0 });
  });

  it('judges days and hours in the school’s time zone (Vladivostok, UTC+10)', async () => {
    const far = await keepingSchool(database.db, { timeZone: 'Asia/Vladivostok' });
    const scope = await resolveReportScope(
      ctxAs(database.db, far.people.deputy.id, far.schoolId, ['deputy']),
      october,
    );
    const answer = await keepingAnswerOf(database.db, scope);
    expect(answer.timeZone).toBe('Asia/Vladivostok');
    const math5 = answer.courses.find((c) => c.courseId === far.courses.math5);
    // L3's topic at 20:30 UTC is 06:30 on 07.10 there: late. L1's homework at 09:00 UTC is 19:00
    // there, after 12:05. Both КР marks come after the end of 14.10 there (14:00 UTC).
    expect(math5).toMatchObject({ lateTopic: 1, lateHomework: 1, lateMarks: 2 });
  });

  it('a whole school year takes a handful of queries, whatever the number of lessons', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const scope = await deputyScope();
    await keepingAnswerOf(database.db.withPlugin(counter), scope);
    // Lessons, last lessons, written marks, bells, transfers, late marks, teacher names.
    expect(queries).toBeLessThanOrEqual(7);
  });

  it('the heat map: course teachers × days with held lessons, lessons missing and late per cell', async () => {
    const map = await keepingHeatmap(
      database.db,
      await deputyScope({ from: '2026-10-05', to: '2026-10-07' }),
    );
    expect(map.days).toEqual(['2026-10-05', '2026-10-06', '2026-10-07']);
    expect(
      map.teachers.map((t) => [
        t.teacher,
        t.cells.map((c) => [c.held, c.missing, c.late]),
        t.held,
        t.missing,
        t.late,
      ]),
    ).toEqual([
      // 05.10: L1 + L7 (L7 all missing); 06.10: L3 (missing, given by a substitute); 07.10: L4 late marks.
      [
        'Математикова А. И.',
        [
          [2, 1, 0],
          [1, 1, 0],
          [1, 0, 1],
        ],
        4,
        2,
        1,
      ],
      [
        'Русакова А. И.',
        [
          [1, 1, 1],
          [0, 0, 0],
          [0, 0, 0],
        ],
        1,
        1,
        1,
      ],
    ]);
  });

  it('the heat map shows the last 4 weeks of a range longer than 31 days', async () => {
    const map = await keepingHeatmap(database.db, await deputyScope({ from: undefined, to: undefined }));
    const end = today() < '2027-08-31' ? today() : '2027-08-31';
    expect([map.from, map.to]).toEqual([addDays(end, -27), end]);
    const month = await keepingHeatmap(
      database.db,
      await deputyScope({ from: '2026-10-01', to: '2026-10-31' }),
    );
    expect([month.from, month.to]).toEqual(['2026-10-01', '2026-10-31']);
  });

  it('exports complete tables with a total row', async () => {
    const answer = await keepingAnswerOf(database.db, await deputyScope());
    const [courses, lessons] = keepingTables(answer, 'ru');
    expect(courses?.rows.at(-1)).toMatchObject({ className: 'Итого', held: 5, problems: 9 });
    expect(lessons?.rows[1]).toMatchObject({ date: '2026-10-06', missing: 'домашнее задание, посещаемость' });
    expect(keepingTables(answer, 'en')[0]?.columns.find((c) => c.key === 'noTopic')?.label).toBe('No topic');
  });
});
