import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { closePeriod, journalSchool, reopenPeriod } from '../../src/server/journal/journal.test-helpers.ts';
import { type Client, signIn, testApp } from '../app.ts';
import { engines } from '../databases.ts';

/**
 * Who may write the journal: a course's own teachers its lessons and period marks; a substitute
 * only the lesson they give; a class teacher reads the class's other courses; nobody writes into a
 * period closed for the class until it is reopened.
 */
describe.each(engines())('journal writes policy on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof journalSchool>>;
  const as: Record<'ivanova' | 'sidorova' | 'orlova' | 'petrov' | 'plain' | 'deputy', Client> = {} as never;

  const written = async () => {
    const count = async (table: 'marks' | 'attendance' | 'periodMarks') =>
      (await database.db.selectFrom(table).select('id').where('schoolId', '=', s.schoolId).execute()).length;
    const lesson = await database.db
      .selectFrom('lessons')
      .select('markColumns')
      .where('id', '=', s.lessons.mathRecent)
      .executeTakeFirstOrThrow();
    return {
      marks: await count('marks'),
      attendance: await count('attendance'),
      periodMarks: await count('periodMarks'),
      mathRecentColumns: lesson.markColumns,
    };
  };
  const mark = (
    who: Client,
    lessonId: number,
    studentId = s.students.alekseev,
    version: number | null = null,
  ) =>
    who.send('POST', '/api/journal/marks', {
      lessonId,
      studentId,
      workKindId: s.workKinds.answer,
      value: '5',
      version,
    });
  const absent = (
    who: Client,
    lessonId: number,
    studentId = s.students.alekseev,
    version: number | null = null,
  ) => who.send('POST', '/api/journal/attendance', { lessonId, studentId, value: 'absent', version });
  const column = (who: Client, lessonId: number, studentId = s.students.borisova) =>
    who.send('POST', `/api/journal/lessons/${lessonId}/attendance`, {
      entries: [{ studentId, value: 'late', version: null }],
    });
  const markColumn = (who: Client, lessonId: number) =>
    who.send('POST', `/api/journal/lessons/${lessonId}/columns`, { workKindId: s.workKinds.test });
  const periodMark = (
    who: Client,
    periodId: number,
    courseId = s.courses.math5,
    version: number | null = null,
  ) =>
    who.send('POST', '/api/journal/period-marks', {
      courseId,
      studentId: s.students.vasiliev,
      periodId,
      value: '4',
      version,
    });

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await journalSchool(database.db);
    for (const name of Object.keys(s.ctx) as (keyof typeof as)[]) {
      if (name in s.people) as[name] = await signIn(app, s.people[name].login);
    }
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('a teacher cannot write another teacher’s course', async () => {
    const before = await written();
    expect((await mark(as.sidorova, s.lessons.mathRecent)).statusCode).toBe(404);
    expect((await absent(as.sidorova, s.lessons.mathRecent)).statusCode).toBe(404);
    // The other English subgroup of the same class is another teacher's journal.
    expect((await mark(as.orlova, s.lessons.englishA1)).statusCode).toBe(404);
    expect((await column(as.orlova, s.lessons.englishA1, s.students.alekseev)).statusCode).toBe(404);
    expect((await periodMark(as.sidorova, s.periods.q2)).statusCode).toBe(404);
    expect(await written()).toEqual(before);
  });

  it('a substitute writes only the lesson they give, and no period marks', async () => {
    const before = await written();
    expect((await mark(as.plain, s.lessons.mathRecent)).statusCode).toBe(403);
    expect((await absent(as.plain, s.lessons.mathOld)).statusCode).toBe(403);
    expect((await column(as.plain, s.lessons.mathRecent)).statusCode).toBe(403);
    expect((await periodMark(as.plain, s.periods.q2)).statusCode).toBe(403);
    expect(await written()).toEqual(before);
    expect((await mark(as.plain, s.lessons.mathSubstituted)).statusCode).toBe(200);
    expect((await absent(as.plain, s.lessons.mathSubstituted, s.students.vasiliev)).statusCode).toBe(200);
    expect((await column(as.plain, s.lessons.mathSubstituted)).statusCode).toBe(200);
  });

  it('a class teacher reads the class’s other courses but writes none of them', async () => {
    const before = await written();
    expect(
      (await as.petrov.get(`/api/journal/courses/${s.courses.math5}?periodId=${s.periods.q2}`)).statusCode,
    ).toBe(200);
    expect((await mark(as.petrov, s.lessons.mathRecent)).statusCode).toBe(403);
    expect((await absent(as.petrov, s.lessons.mathRecent)).statusCode).toBe(403);
    expect((await column(as.petrov, s.lessons.englishB2, s.students.vasiliev)).statusCode).toBe(403);
    expect((await periodMark(as.petrov, s.periods.q2)).statusCode).toBe(403);
    expect((await markColumn(as.petrov, s.lessons.mathRecent)).statusCode).toBe(403);
    // The leadership reads every journal and writes none.
    expect((await mark(as.deputy, s.lessons.mathRecent)).statusCode).toBe(403);
    expect(await written()).toEqual(before);
  });

  it('nobody writes into a period closed for the class until it is reopened', async () => {
    const closures = [
      await closePeriod(database.db, s.schoolId, s.periods.q2, s.classes.c5.classId, s.people.deputy.id),
      await closePeriod(database.db, s.schoolId, s.periods.year, s.classes.c5.classId, s.people.deputy.id),
    ];
    const before = await written();
    const attempts = async () => [
      (await mark(as.ivanova, s.lessons.mathRecent, s.students.borisova)).statusCode,
      (await absent(as.ivanova, s.lessons.mathRecent, s.students.borisova)).statusCode,
      (await column(as.ivanova, s.lessons.mathRecent, s.students.vasiliev)).statusCode,
      (await markColumn(as.ivanova, s.lessons.mathRecent)).statusCode,
      (await mark(as.plain, s.lessons.mathSubstituted, s.students.borisova)).statusCode,
      (await mark(as.orlova, s.lessons.englishB2, s.students.vasiliev)).statusCode,
      (await periodMark(as.ivanova, s.periods.q2)).statusCode,
      (await periodMark(as.ivanova, s.periods.year)).statusCode,
    ];
    expect(await attempts()).toEqual([409, 409, 409, 409, 409, 409, 409, 409]);
    expect(await written()).toEqual(before);
    // The first quarter stays open.
    expect((await mark(as.ivanova, s.lessons.mathOld, s.students.borisova)).statusCode).toBe(200);
    for (const id of closures) await reopenPeriod(database.db, id, s.people.deputy.id);
    expect(await attempts()).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    // The «КР» column refused while closed is there now, after the lesson's first column.
    expect(JSON.parse((await written()).mathRecentColumns ?? '[]')).toEqual([
      s.workKinds.answer,
      s.workKinds.test,
    ]);
  });
});
