import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { buildClass, buildPerson, buildSchool, enroll } from '../../../test/factories.ts';
import type { DB } from '../db/schema.ts';

/**
 * A class 5А with a year of results: two subjects, quarters, year, exam and final periods, period
 * marks, absences making missed days, a student who left in January and a council decision.
 */
export async function summaryFixture(db: Kysely<DB>) {
  const s = await buildSchool(db);
  const other = await buildSchool(db);
  const person = async (
    roles: Parameters<typeof buildPerson>[1]['roles'],
    lastName = 'Иванов',
    firstName = 'Иван',
  ) => buildPerson(db, { schoolId: s.schoolId, roles, lastName, firstName, middleName: 'Петрович' });
  const classT = await person(['teacher'], 'Смирнова', 'Ольга');
  const mathT = await person(['teacher'], 'Кузнецов', 'Олег');
  const deputy = await person(['deputy']);
  const director = await person(['director']);
  const otherDirector = await buildPerson(db, { schoolId: other.schoolId, roles: ['director'] });
  const c5 = await buildClass(db, { ...s, grade: 5, letter: 'А', classTeacherId: classT.id });
  const otherClass = await buildClass(db, { ...other, grade: 5, letter: 'Б' });
  const student = async (lastName: string, firstName: string, endsOn?: string) => {
    const p = await buildPerson(db, {
      schoolId: s.schoolId,
      roles: ['student'],
      lastName,
      firstName,
      account: false,
    });
    await enroll(db, { schoolId: s.schoolId, groupId: c5.groupId, studentId: p.id, endsOn });
    return p.id;
  };
  const abramov = await student('Абрамов', 'Пётр');
  const yakovleva = await student('Яковлева', 'Анна', '2027-01-15');
  const borisov = await student('Борисов', 'Илья');
  const subject = async (name: string, sortOrder: number) =>
    (
      await db
        .insertInto('subjects')
        .values({ schoolId: s.schoolId, name, shortName: name.slice(0, 3), sortOrder })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const school = { schoolId: s.schoolId };
  const mathS = await subject('Математика', 2);
  const rusS = await subject('Русский язык', 1);
  const course = async (subjectId: number) =>
    (
      await db
        .insertInto('courses')
        .values({
          ...school,
          academicYearId: s.yearId,
          subjectId,
          groupId: c5.groupId,
          teacherId: mathT.id,
          hoursPerWeek: 4,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const math = await course(mathS);
  const rus = await course(rusS);
  const period = async (
    kind: 'term' | 'year' | 'exam' | 'final',
    number: number,
    startsOn: string,
    endsOn: string,
  ) =>
    (
      await db
        .insertInto('periods')
        .values({
          ...school,
          academicYearId: s.yearId,
          scheme: kind === 'term' ? 'quarters' : 'year',
          kind,
          number,
          name: kind === 'term' ? `${number} четверть` : kind,
          startsOn,
          endsOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const q1 = await period('term', 1, '2026-09-01', '2026-10-25');
  const q2 = await period('term', 2, '2026-11-05', '2026-12-28');
  await period('term', 3, '2027-01-09', '2027-03-20');
  await period('term', 4, '2027-03-30', '2027-05-26');
  const year = await period('year', 1, '2026-09-01', '2027-05-26');
  const exam = await period('exam', 1, '2027-05-27', '2027-06-20');
  const final = await period('final', 1, '2027-06-21', '2027-06-30');
  const mark = (studentId: number, subjectId: number, courseId: number, periodId: number, value: string) =>
    db
      .insertInto('periodMarks')
      .values({ schoolId: s.schoolId, studentId, subjectId, courseId, periodId, value, createdBy: mathT.id })
      .execute();
  await mark(abramov, mathS, math, q1, '5');
  await mark(abramov, mathS, math, q2, '4');
  await mark(abramov, mathS, math, year, '5');
  await mark(abramov, mathS, math, exam, '4');
  await mark(abramov, mathS, math, final, '5');
  await mark(abramov, rusS, rus, q1, '3');
  await mark(yakovleva, mathS, math, q1, '4');
  await mark(yakovleva, mathS, math, q2, '3');
  const lesson = async (courseId: number, date: string, lessonNumber: number, cancelled = false) =>
    (
      await db
        .insertInto('lessons')
        .values({
          schoolId: s.schoolId,
          courseId,
          date,
          lessonNumber,
          teacherId: mathT.id,
          topic: `Тема ${date} ${lessonNumber}`,
          homework: `Задание ${lessonNumber}`,
          cancelledAt: cancelled ? '2026-10-01T00:00:00.000Z' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const absent = (lessonId: number, studentId: number, reason: string | null) =>
    db
      .insertInto('attendance')
      .values({ schoolId: s.schoolId, lessonId, studentId, value: 'absent', reason, createdBy: mathT.id })
      .execute();
  // 05.10: Абрамов missed both lessons for illness: a missed day.
  const m1 = await lesson(math, '2026-10-05', 1);
  const r1 = await lesson(rus, '2026-10-05', 2);
  await absent(m1, abramov, 'illness');
  await absent(r1, abramov, 'illness');
  // 06.10: Абрамов missed one of two (no missed day); Борисов both, different reasons (a missed day).
  const m2 = await lesson(math, '2026-10-06', 1);
  const r2 = await lesson(rus, '2026-10-06', 2);
  await absent(m2, abramov, null);
  await absent(m2, borisov, 'illness');
  await absent(r2, borisov, 'excused');
  // A cancelled lesson's absence does not count.
  await absent(await lesson(math, '2026-10-07', 1, true), borisov, 'illness');
  await db
    .insertInto('councilDecisions')
    .values({
      schoolId: s.schoolId,
      academicYearId: s.yearId,
      studentId: abramov,
      decision: 'переведён в 6 класс',
      decidedOn: '2027-05-28',
      protocol: '7',
      recordedBy: classT.id,
    })
    .execute();
  return {
    s,
    other,
    people: { classT, mathT, deputy, director, otherDirector },
    c5,
    otherClass,
    students: { abramov, yakovleva, borisov },
    subjects: { mathS, rusS },
    courses: { math, rus },
    periods: { q1, q2, year, exam, final },
  };
}

/** The text of a PDF as pdftotext lays it out. */
export function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'otmetka-b-')), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
