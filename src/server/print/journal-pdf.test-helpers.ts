import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { buildClass, buildCourse, buildPerson, buildSchool, enroll } from '../../../test/factories.ts';
import type { DB } from '../db/schema.ts';
import type { JournalPrint } from './print-request.ts';

/**
 * A school with 5 «А» (class teacher Классова Анна Ивановна) for the printed journal, year
 * 2026/2027 in quarters:
 * - students Яковлев Ян (all year), Борисова Белла (left the class on 2026-09-15), Алексеев
 *   Алексей (came on 2026-09-10);
 * - «Математика» (Математикова Мария Ивановна): lessons 01.09 (topic «Натуральные числа», homework
 *   «№ 12»), 02.09 («Контрольная работа» column, topic «Сложение»), 03.09 cancelled, 16.09, 20.10;
 *   marks: Яковлев 5 and 4 on 01.09, Борисова 3 on 16.09 (after she left: not shown), Алексеев 2 on
 *   01.09 (before he came: not shown), a removed 2 of Яковлев on 02.09; Яковлев «б» on 16.09;
 *   1st quarter mark Яковлев 5;
 * - «Русский язык» (Русакова Роза Петровна), sortOrder before mathematics: one lesson on 01.09;
 * - a remark on mathematics, the director Директорова Дина Дмитриевна, a parent of Яковлев.
 */
export async function printSchool(db: Kysely<DB>) {
  const { schoolId, yearId } = await buildSchool(db);
  const person = (
    lastName: string,
    firstName: string,
    middleName: string,
    roles: ('teacher' | 'director' | 'parent')[],
  ) => buildPerson(db, { schoolId, roles, lastName, firstName, middleName, account: false });
  const mathT = await person('Математикова', 'Мария', 'Ивановна', ['teacher']);
  const rusT = await person('Русакова', 'Роза', 'Петровна', ['teacher']);
  const classT = await person('Классова', 'Анна', 'Ивановна', ['teacher']);
  await person('Директорова', 'Дина', 'Дмитриевна', ['director']);
  const { classId, groupId } = await buildClass(db, { schoolId, yearId, classTeacherId: classT.id });
  const student = async (lastName: string, firstName: string) =>
    (
      await db
        .insertInto('persons')
        .values({
          schoolId,
          lastName,
          firstName,
          middleName: '',
          sortKey: `${lastName} ${firstName}`.toLowerCase(),
          birthDate: '2015-03-04',
          address: 'ул. Ленина, 1',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const yakovlev = await student('Яковлев', 'Ян');
  const borisova = await student('Борисова', 'Белла');
  const alekseev = await student('Алексеев', 'Алексей');
  await enroll(db, { schoolId, groupId, studentId: yakovlev });
  await enroll(db, { schoolId, groupId, studentId: borisova, endsOn: '2026-09-15' });
  await enroll(db, { schoolId, groupId, studentId: alekseev, startsOn: '2026-09-10' });
  await db
    .insertInto('studentProfiles')
    .values({ personId: yakovlev, schoolId, fileNumber: 'Я-17', healthGroup: 'II' })
    .execute();
  const parent = await person('Яковлева', 'Ольга', 'Петровна', ['parent']);
  await db
    .updateTable('persons')
    .set({ workplace: 'Почта России', phone: '+7 900 000-00-01' })
    .where('id', '=', parent.id)
    .execute();
  await db
    .insertInto('guardianships')
    .values({ schoolId, guardianId: parent.id, studentId: yakovlev, kind: 'mother' })
    .execute();
  const quarters = [
    ['1 четверть', '2026-09-01', '2026-10-25'],
    ['2 четверть', '2026-11-05', '2026-12-28'],
    ['3 четверть', '2027-01-09', '2027-03-20'],
    ['4 четверть', '2027-03-30', '2027-05-26'],
  ] as const;
  const periodIds: number[] = [];
  for (const [i, [name, startsOn, endsOn]] of quarters.entries()) {
    const row = await db
      .insertInto('periods')
      .values({
        schoolId,
        academicYearId: yearId,
        scheme: 'quarters',
        kind: 'term',
        number: i + 1,
        name,
        startsOn,
        endsOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    periodIds.push(row.id);
  }
  await db
    .insertInto('periods')
    .values({
      schoolId,
      academicYearId: yearId,
      scheme: 'year',
      kind: 'year',
      number: 1,
      name: 'Год',
      startsOn: '2026-09-01',
      endsOn: '2027-05-26',
    })
    .execute();
  const mathId = await buildCourse(db, { schoolId, yearId, groupId, teacherId: mathT.id });
  const rusId = await buildCourse(db, { schoolId, yearId, groupId, teacherId: rusT.id });
  const rusSubject = (
    await db.selectFrom('courses').select('subjectId').where('id', '=', rusId).executeTakeFirstOrThrow()
  ).subjectId;
  const mathSubject = (
    await db.selectFrom('courses').select('subjectId').where('id', '=', mathId).executeTakeFirstOrThrow()
  ).subjectId;
  await db
    .updateTable('subjects')
    .set({ name: 'Русский язык', shortName: 'Рус', sortOrder: 1 })
    .where('id', '=', rusSubject)
    .execute();
  await db.updateTable('subjects').set({ sortOrder: 2 }).where('id', '=', mathSubject).execute();
  const kinds = await db
    .selectFrom('workKinds')
    .select(['id', 'name'])
    .where('schoolId', '=', schoolId)
    .orderBy('id')
    .execute();
  const test = kinds.find((k) => k.name === 'Контрольная работа') ?? kinds[1]!;
  const lesson = async (
    courseId: number,
    teacherId: number,
    date: string,
    extra: Partial<{ topic: string; homework: string; markColumns: string; cancelledAt: string }> = {},
  ) =>
    (
      await db
        .insertInto('lessons')
        .values({ schoolId, courseId, teacherId, date, lessonNumber: 1, ...extra })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const l1 = await lesson(mathId, mathT.id, '2026-09-01', { topic: 'Натуральные числа', homework: '№ 12' });
  const l2 = await lesson(mathId, mathT.id, '2026-09-02', {
    topic: 'Сложение',
    markColumns: JSON.stringify([kinds[0]!.id, test.id]),
  });
  await lesson(mathId, mathT.id, '2026-09-03', {
    topic: 'Отменённый урок',
    cancelledAt: '2026-09-02T10:00:00.000Z',
  });
  const l4 = await lesson(mathId, mathT.id, '2026-09-16', { topic: 'Вычитание' });
  await lesson(mathId, mathT.id, '2026-10-20', { topic: 'Умножение' });
  await lesson(rusId, rusT.id, '2026-09-01', { topic: 'Звуки и буквы' });
  const mark = (
    lessonId: number,
    studentId: number,
    value: string,
    deletedAt: string | null = null,
    workKindId = kinds[0]!.id,
  ) =>
    db
      .insertInto('marks')
      .values({ schoolId, lessonId, studentId, workKindId, value, createdBy: mathT.id, deletedAt })
      .execute();
  await mark(l1, yakovlev, '5');
  await mark(l1, yakovlev, '4', null, test.id);
  await mark(l4, borisova, '3');
  await mark(l1, alekseev, '2');
  await mark(l2, yakovlev, '2', '2026-09-03T10:00:00.000Z');
  await db
    .insertInto('attendance')
    .values({
      schoolId,
      lessonId: l4,
      studentId: yakovlev,
      value: 'absent',
      reason: 'illness',
      createdBy: mathT.id,
    })
    .execute();
  await db
    .insertInto('periodMarks')
    .values({
      schoolId,
      studentId: yakovlev,
      subjectId: mathSubject,
      courseId: mathId,
      periodId: periodIds[0]!,
      value: '5',
      createdBy: mathT.id,
    })
    .execute();
  await db
    .insertInto('remarks')
    .values({
      schoolId,
      courseId: mathId,
      authorId: classT.id,
      text: 'Не выставлены отметки за контрольную работу',
    })
    .execute();
  const print = (o: Partial<JournalPrint> = {}): JournalPrint => ({
    schoolId,
    classId,
    academicYearId: yearId,
    periodId: null,
    courseIds: null,
    printedOn: '2027-05-31',
    lang: 'ru',
    ...o,
  });
  return {
    schoolId,
    yearId,
    classId,
    mathId,
    rusId,
    periodIds,
    students: { yakovlev, borisova, alekseev },
    print,
  };
}

/** What poppler reads of a PDF: `pdftotext -layout` of all pages or pages `first`…`last`, and `pdfinfo`. */
export function popplerOf(pdf: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'otmetka-journal-'));
  const file = join(dir, 'journal.pdf');
  writeFileSync(file, pdf);
  const run = (tool: string, args: string[]) =>
    execFileSync(tool, [...args, file, ...(tool === 'pdfinfo' ? [] : ['-'])], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
  return {
    file,
    text: (first?: number, last?: number) =>
      run('pdftotext', ['-layout', ...(first ? ['-f', String(first), '-l', String(last ?? first)] : [])]),
    pages: () => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', []))?.[1]),
    bbox: (page: number) => run('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page)]),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
