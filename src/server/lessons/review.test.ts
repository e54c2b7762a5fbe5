import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { fillPlan } from './fill-plan.ts';
import { safeFileName, safeMime } from './lesson-files.ts';
import { getLessonPage } from './lesson-page.ts';
import { lessonsSchool } from './lessons.test-helpers.ts';
import { addPlanItem, removePlanItem, updatePlanItem } from './plan-items.ts';

/** Lessons of other courses, as a district's database holds them (hundreds of thousands). */
const elsewhere = 200_000;
/** Topics of the course's КТП. */
const topics = 100;

/** Milliseconds a call takes. */
async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

describe.each(engines())('КТП topics and the lessons of other courses on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof lessonsSchool>>;

  beforeAll(async () => {
    database = await engine.open();
    const db = database.db;
    s = await lessonsSchool(db);
    await db
      .insertInto('planItems')
      .values(
        Array.from({ length: topics }, (_, i) => ({
          schoolId: s.schoolId,
          courseId: s.courseId,
          position: i + 1,
          topic: `Тема ${i + 1}`,
          hours: 1,
        })),
      )
      .execute();
    // Lessons of another course, numbered on one day: none of them is given a topic of this КТП.
    const values = sql`${s.schoolId}, ${s.otherCourseId}, ${s.people.other.id}, '2026-09-01'`;
    if (engine.name === 'sqlite')
      await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${elsewhere})
        insert into lessons (school_id, course_id, teacher_id, date, lesson_number) select ${values}, i from n`.execute(
        db,
      );
    else {
      await sql`insert into lessons (school_id, course_id, teacher_id, date, lesson_number)
        select ${values}, i from generate_series(1, ${elsewhere}) i`.execute(db);
      await sql`analyze lessons`.execute(db);
    }
  });
  afterAll(async () => {
    await database.close();
  });

  // Each of these read the whole lessons table once per topic (no index on lessons.plan_item_id):
  // seconds per call at a district's size. Read by the course's own lessons, they take milliseconds.
  it('the lesson page, filling and removing a topic read only the course’s lessons', async () => {
    const ctx = ctxAs(database.db, s.people.teacher.id, s.schoolId, ['teacher']);
    const page = await getLessonPage(ctx, s.lessons.recent);
    expect(page.planTopics).toHaveLength(topics);
    expect(await timed(() => getLessonPage(ctx, s.lessons.recent))).toBeLessThan(500);
    let filled = 0;
    expect(
      await timed(async () => {
        filled = (await fillPlan(ctx, s.courseId, {})).filled;
      }),
    ).toBeLessThan(500);
    // The lessons outside the closed quarter (recent, substituted, tomorrow, old) take the first topics.
    expect(filled).toBe(4);
    const used = (await getLessonPage(ctx, s.lessons.old)).planTopics.filter((t) => t.used);
    expect(used).toHaveLength(3);
    const first = page.planTopics[0]!;
    expect(await timed(() => removePlanItem(ctx, first.id))).toBeLessThan(500);
    const lesson = await database.db
      .selectFrom('lessons')
      .select(['planItemId', 'topic'])
      .where('planItemId', '=', first.id)
      .execute();
    expect(lesson).toEqual([]);
  });
});

describe.each(engines())('a topic’s planned date on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof lessonsSchool>>;

  beforeAll(async () => {
    database = await engine.open();
    s = await lessonsSchool(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  // The import refused such dates, while adding or changing a topic by hand stored them (and
  // counted them in «planned to date»).
  it('is refused outside the course’s academic year, by hand as in the import', async () => {
    const ctx = ctxAs(database.db, s.people.teacher.id, s.schoolId, ['teacher']);
    const year = await database.db
      .selectFrom('academicYears')
      .select(['startsOn', 'endsOn'])
      .where('id', '=', s.yearId)
      .executeTakeFirstOrThrow();
    const outside = { code: 'validation', fields: { plannedOn: 'lessonsKtpDateOutsideYear' } };
    await expect(
      addPlanItem(ctx, s.courseId, { topic: 'Рано', plannedOn: '2001-09-01' }),
    ).rejects.toMatchObject(outside);
    const plan = await addPlanItem(ctx, s.courseId, { topic: 'В срок', plannedOn: year.startsOn });
    const item = plan.items[0]!;
    expect(item).toMatchObject({ topic: 'В срок', plannedOn: year.startsOn });
    await expect(updatePlanItem(ctx, item.id, { plannedOn: '2099-01-01' })).rejects.toMatchObject(outside);
    const kept = await updatePlanItem(ctx, item.id, { plannedOn: year.endsOn });
    expect(kept.items.map((i) => i.plannedOn)).toEqual([year.endsOn]);
    expect(plan.items).toHaveLength(1);
  });
});

describe('a homework file’s name', () => {
  // A right-to-left override kept in the name showed «Задание\u202Efdp.exe» as «Заданиеexe.pdf»:
  // a program passed off as a PDF on the lesson page and in the download.
  it('keeps no invisible character that reorders or hides its text', () => {
    const name = safeFileName('Задание\u202Efdp.exe');
    expect(name).toBe('Задание fdp.exe');
    expect(safeMime(name)).toBe('application/octet-stream');
    expect(safeFileName('\u2067ДЗ\u200b\u2069 по\ufeff теме.pdf')).toBe('ДЗ по теме.pdf');
    expect(safeFileName('Задание №1 «дроби».pdf')).toBe('Задание №1 «дроби».pdf');
  });
});
