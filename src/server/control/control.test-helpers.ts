import type { Kysely } from 'kysely';
import { buildClass, buildPerson, buildSchool, enroll, linkGuardian } from '../../../test/factories.ts';
import type { Role } from '../../domain/roles.ts';
import type { DB } from '../db/schema.ts';

async function insertId<T extends 'subjects' | 'courses' | 'lessons' | 'periods'>(
  db: Kysely<DB>,
  table: T,
  values: Parameters<ReturnType<Kysely<DB>['insertInto']>['values']>[0],
): Promise<number> {
  const row = await db
    .insertInto(table)
    .values(values as never)
    .returning('id' as never)
    .executeTakeFirstOrThrow();
  return (row as unknown as { id: number }).id;
}

/**
 * A school for the control of the record: 5А (quarters; class teacher Классова) and 6Б
 * (trimesters; class teacher Другова); mathematics taught to 5А by Математикова, Russian by
 * Русакова; a deputy, a director, an admin; 5А's students Алексеева, Ёлкина and Жуков (who left
 * on 15 October) and Новиков (who came on 16 November), a parent of Алексеева; lessons with
 * marks and attendance in the first quarter.
 */
export async function controlSchool(db: Kysely<DB>) {
  const { schoolId, yearId } = await buildSchool(db);
  const person = (lastName: string, roles: Role[], firstName = 'Анна') =>
    buildPerson(db, { schoolId, roles, lastName, firstName });
  const people = {
    classT: await person('Классова', ['teacher']),
    otherT: await person('Другова', ['teacher']),
    mathT: await person('Математикова', ['teacher']),
    rusT: await person('Русакова', ['teacher']),
    deputy: await person('Завучева', ['deputy', 'teacher']),
    director: await person('Директорова', ['director']),
    admin: await person('Админова', ['admin']),
    parent: await person('Алексеев', ['parent'], 'Пётр'),
  };
  const students = {
    alekseeva: await person('Алексеева', ['student'], 'Мария'),
    yolkina: await person('Ёлкина', ['student'], 'Вера'),
    zhukov: await person('Жуков', ['student'], 'Олег'),
    novikov: await person('Новиков', ['student'], 'Иван'),
    other: await person('Другов', ['student'], 'Глеб'),
  };
  await linkGuardian(db, { schoolId, guardianId: people.parent.id, studentId: students.alekseeva.id });
  const c5 = await buildClass(db, {
    schoolId,
    yearId,
    grade: 5,
    letter: 'А',
    classTeacherId: people.classT.id,
  });
  const c6 = await buildClass(db, {
    schoolId,
    yearId,
    grade: 6,
    letter: 'Б',
    classTeacherId: people.otherT.id,
  });
  await enroll(db, { schoolId, groupId: c5.groupId, studentId: students.alekseeva.id });
  await enroll(db, { schoolId, groupId: c5.groupId, studentId: students.yolkina.id });
  await enroll(db, { schoolId, groupId: c5.groupId, studentId: students.zhukov.id, endsOn: '2026-10-15' });
  await enroll(db, { schoolId, groupId: c5.groupId, studentId: students.novikov.id, startsOn: '2026-11-16' });
  await enroll(db, { schoolId, groupId: c6.groupId, studentId: students.other.id });

  await db
    .insertInto('gradeSchemes')
    .values([
      { schoolId, academicYearId: yearId, grade: 5, scheme: 'quarters' },
      { schoolId, academicYearId: yearId, grade: 6, scheme: 'trimesters' },
    ])
    .execute();
  const period = (
    scheme: 'quarters' | 'trimesters' | 'year',
    kind: 'term' | 'year' | 'exam',
    number: number,
    name: string,
    startsOn: string,
    endsOn: string,
  ) =>
    insertId(db, 'periods', {
      schoolId,
      academicYearId: yearId,
      scheme,
      kind,
      number,
      name,
      startsOn,
      endsOn,
    });
  const periods = {
    q1: await period('quarters', 'term', 1, '1 четверть', '2026-09-01', '2026-10-25'),
    q2: await period('quarters', 'term', 2, '2 четверть', '2026-11-05', '2026-12-28'),
    t1: await period('trimesters', 'term', 1, '1 триместр', '2026-09-01', '2026-11-30'),
    year: await period('year', 'year', 1, 'Год', '2026-09-01', '2027-05-31'),
    exam: await period('year', 'exam', 1, 'Экзамен', '2026-09-01', '2027-05-31'),
  };

  const subject = (name: string, sortOrder: number) =>
    insertId(db, 'subjects', { schoolId, name, shortName: name.slice(0, 3), sortOrder });
  const subjects = {
    math: await subject('Математика', 1),
    russian: await subject('Русский язык', 2),
    art: await subject('ИЗО', 3),
  };
  const course = (subjectId: number, groupId: number, teacherId: number) =>
    insertId(db, 'courses', {
      schoolId,
      academicYearId: yearId,
      subjectId,
      groupId,
      teacherId,
      hoursPerWeek: 4,
    });
  const courses = {
    math5: await course(subjects.math, c5.groupId, people.mathT.id),
    russian5: await course(subjects.russian, c5.groupId, people.rusT.id),
    art6: await course(subjects.art, c6.groupId, people.otherT.id),
  };
  const lesson = (courseId: number, teacherId: number, date: string, lessonNumber: number) =>
    insertId(db, 'lessons', { schoolId, courseId, teacherId, date, lessonNumber });
  const lessons = {
    math0907: await lesson(courses.math5, people.mathT.id, '2026-09-07', 1),
    math0914: await lesson(courses.math5, people.mathT.id, '2026-09-14', 1),
    rus0914: await lesson(courses.russian5, people.rusT.id, '2026-09-14', 2),
    math1005: await lesson(courses.math5, people.mathT.id, '2026-10-05', 1),
    math1020: await lesson(courses.math5, people.mathT.id, '2026-10-20', 1),
    math1116: await lesson(courses.math5, people.mathT.id, '2026-11-16', 1),
    math1117: await lesson(courses.math5, people.mathT.id, '2026-11-17', 1),
    art0914: await lesson(courses.art6, people.otherT.id, '2026-09-14', 1),
  };
  const kinds = await db
    .selectFrom('workKinds')
    .select(['id', 'shortName', 'weight'])
    .where('schoolId', '=', schoolId)
    .execute();
  const kind = (shortName: string) => kinds.find((k) => k.shortName === shortName)!.id;
  const mark = (
    lessonId: number,
    studentId: number,
    value: string,
    workKind: string,
    deletedAt: string | null = null,
  ) =>
    db
      .insertInto('marks')
      .values({
        schoolId,
        lessonId,
        studentId,
        workKindId: kind(workKind),
        value,
        createdBy: people.mathT.id,
        deletedAt,
      })
      .execute();
  // Алексеева in mathematics, Q1: 5 (weight 1), 4- (weight 2), 3 removed; «5/4» in Russian.
  await mark(lessons.math0907, students.alekseeva.id, '5', 'Отв');
  await mark(lessons.math1005, students.alekseeva.id, '4-', 'Дикт');
  await mark(lessons.math0914, students.alekseeva.id, '3', 'Отв', '2026-09-15T08:00:00.000Z');
  await mark(lessons.rus0914, students.alekseeva.id, '5/4', 'Отв');
  await mark(lessons.math0907, students.zhukov.id, '3', 'Отв');
  await mark(lessons.math0914, students.zhukov.id, 'зач', 'Отв');
  await mark(lessons.math1116, students.novikov.id, '5', 'Отв');
  await db
    .insertInto('periodMarks')
    .values({
      schoolId,
      studentId: students.alekseeva.id,
      subjectId: subjects.math,
      courseId: courses.math5,
      periodId: periods.q1,
      value: '4',
      createdBy: people.mathT.id,
    })
    .execute();
  const absence = (
    lessonId: number,
    studentId: number,
    value: 'absent' | 'late',
    reason: string | null = null,
  ) =>
    db
      .insertInto('attendance')
      .values({ schoolId, lessonId, studentId, value, reason, createdBy: people.mathT.id })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const attendance = {
    aMath0914: await absence(lessons.math0914, students.alekseeva.id, 'absent'),
    aRus0914: await absence(lessons.rus0914, students.alekseeva.id, 'absent'),
    aMath1005: await absence(lessons.math1005, students.alekseeva.id, 'late'),
    aMath1116: await absence(lessons.math1116, students.alekseeva.id, 'absent', 'unexcused'),
    yMath1020: await absence(lessons.math1020, students.yolkina.id, 'absent'),
    zMath1020: await absence(lessons.math1020, students.zhukov.id, 'absent'),
    nMath1117: await absence(lessons.math1117, students.novikov.id, 'absent'),
    oArt0914: await absence(lessons.art0914, students.other.id, 'absent'),
  };
  return {
    schoolId,
    yearId,
    people,
    students,
    c5,
    c6,
    periods,
    subjects,
    courses,
    lessons,
    attendance,
    kind,
  };
}
