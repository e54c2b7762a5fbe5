import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { getGrid } from './get-grid.ts';
import { journalSchool } from './journal.test-helpers.ts';
import { listJournalCourses } from './list-courses.ts';

describe.each(engines())('journal grid on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof journalSchool>>;

  beforeAll(async () => {
    database = await engine.open();
    s = await journalSchool(database.db);
    const mark = (lessonId: number, studentId: number, workKindId: number, value: string, by: number) =>
      database.db
        .insertInto('marks')
        .values({ schoolId: s.schoolId, lessonId, studentId, workKindId, value, createdBy: by })
        .execute();
    // Борисова: a 5 for an answer in 5А-1 before moving, a 3 for a test (weight 2) in 5А-2 after.
    await mark(s.lessons.englishA1, s.students.borisova, s.workKinds.answer, '5', s.people.sidorova.id);
    await mark(s.lessons.englishB2, s.students.borisova, s.workKinds.test, '3', s.people.orlova.id);
    await mark(s.lessons.englishB2, s.students.vasiliev, s.workKinds.answer, '4-', s.people.orlova.id);
  });
  afterAll(async () => {
    await database.close();
  });

  it('shows a moved student only in the subgroup she was in, with the days she was there', async () => {
    const a = await getGrid(s.ctx.sidorova, s.courses.english5a, s.periods.q2);
    expect(a.students.map((st) => st.name)).toEqual(['Алексеев Антон', 'Борисова Бела']);
    expect(a.students[1]?.spans).toEqual([{ startsOn: '2026-09-01', endsOn: '2026-11-15' }]);
    const b = await getGrid(s.ctx.orlova, s.courses.english5b, s.periods.q2);
    expect(b.students.map((st) => st.name)).toEqual(['Борисова Бела', 'Васильев Вадим']);
    expect(b.students[0]?.spans).toEqual([{ startsOn: '2026-11-16', endsOn: null }]);
    // In the first quarter she was in 5А-1 only.
    const bQ1 = await getGrid(s.ctx.orlova, s.courses.english5b, s.periods.q1);
    expect(bQ1.students.map((st) => st.name)).toEqual(['Васильев Вадим']);
  });

  it('suggests the weighted average of all the subject’s marks, those of a left group included', async () => {
    const b = await getGrid(s.ctx.orlova, s.courses.english5b, s.periods.q2);
    // (5 × 1 + 3 × 2) / 3 = 3.67 → 4; 4- counts as 3.75 → 4.
    expect(b.suggestions).toEqual([
      { studentId: s.students.borisova, average: 3.67, suggested: '4' },
      { studentId: s.students.vasiliev, average: 3.75, suggested: '4' },
    ]);
    // The grid itself shows only its own lessons' marks.
    expect(b.marks.map((m) => m.value).sort()).toEqual(['3', '4-']);
    expect(b.lessons.map((l) => l.date)).toEqual(['2026-11-10', '2026-11-24']);
    expect(b.lessons[1]?.columns).toEqual([s.workKinds.answer, s.workKinds.test]);
  });

  it('gives periods, the year column, rules and who may edit which lesson', async () => {
    const g = await getGrid(s.ctx.ivanova, s.courses.math5, s.periods.q2);
    expect(g.periods.map((p) => p.name)).toEqual(['1 четверть', '2 четверть', '3 четверть', '4 четверть']);
    expect(g.finalPeriods.map((p) => p.kind)).toEqual(['year']);
    expect(g.period).toMatchObject({ name: '2 четверть', closed: false });
    expect(g.rules).toEqual({
      scale: 'five',
      plusMinus: true,
      twoMarks: false,
      editWindowDays: 365,
      marked: true,
    });
    expect(g.course).toMatchObject({
      subject: 'Математика',
      className: '5А',
      access: 'teacher',
      canEdit: true,
    });
    expect(g.students.map((st) => st.name)).toEqual(['Алексеев Антон', 'Борисова Бела', 'Васильев Вадим']);
    expect(g.lessons.map((l) => [l.lessonNumber, l.substitute, l.canEdit])).toEqual([
      [1, null, true],
      [2, 'Простова И. И.', true],
    ]);
    expect(g.canSetPeriodMarks).toBe(true);
    const sub = await getGrid(s.ctx.plain, s.courses.math5, s.periods.q2);
    expect(sub.course.access).toBe('substitute');
    expect(sub.lessons.map((l) => l.canEdit)).toEqual([false, true]);
    expect(sub.canSetPeriodMarks).toBe(false);
    const classTeacher = await getGrid(s.ctx.petrov, s.courses.math5, s.periods.q2);
    expect(classTeacher.course.access).toBe('classTeacher');
    expect(classTeacher.lessons.every((l) => !l.canEdit)).toBe(true);
  });

  it('takes «5/4» in Russian and gives exam and final columns in grade 9', async () => {
    const g = await getGrid(s.ctx.petrov, s.courses.russian5, s.periods.q1);
    expect(g.rules.twoMarks).toBe(true);
    await database.db
      .updateTable('classes')
      .set({ grade: 9 })
      .where('id', '=', s.classes.c5.classId)
      .execute();
    await database.db
      .insertInto('gradeSchemes')
      .values({ schoolId: s.schoolId, academicYearId: s.yearId, grade: 9, scheme: 'quarters' })
      .execute();
    try {
      const nine = await getGrid(s.ctx.petrov, s.courses.russian5, s.periods.q1);
      expect(nine.finalPeriods.map((p) => p.name)).toEqual(['Год', 'Экзамен', 'Итоговая']);
    } finally {
      await database.db
        .updateTable('classes')
        .set({ grade: 5 })
        .where('id', '=', s.classes.c5.classId)
        .execute();
    }
  });

  it('404 for a teacher with no tie to the course; 400 for a period of no use', async () => {
    await expect(getGrid(s.ctx.sidorova, s.courses.math5)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getGrid(s.ctx.ivanova, s.courses.math5, s.periods.year)).rejects.toMatchObject({
      code: 'validation',
      fields: { periodId: 'journalPeriodNotForCourse' },
    });
  });

  it('lists a teacher’s courses, the class teacher’s class and substitutions; the school for the deputy', async () => {
    const plain = await listJournalCourses(s.ctx.plain);
    expect(plain.courses).toEqual([]);
    expect(plain.substitutions).toEqual([
      expect.objectContaining({ lessonId: s.lessons.mathSubstituted, subject: 'Математика', group: '5А' }),
    ]);
    const petrov = await listJournalCourses(s.ctx.petrov);
    expect(petrov.courses.map((c) => [c.subject, c.group, c.access, c.canEdit])).toEqual([
      ['Математика', '5А', 'classTeacher', false],
      ['Русский язык', '5А', 'teacher', true],
      ['Английский язык', '5А-1', 'classTeacher', false],
      ['Английский язык', '5А-2', 'classTeacher', false],
    ]);
    const deputy = await listJournalCourses(s.ctx.deputy, s.classes.c6.classId);
    expect(deputy.courses.map((c) => [c.className, c.subject, c.access])).toEqual([
      ['6Б', 'Математика', 'school'],
    ]);
    await expect(listJournalCourses(s.ctx.parent)).rejects.toMatchObject({ code: 'forbidden' });
  });
  it('a cross-class group counts in the list of each class a member is in', async () => {
    const db = database.db;
    const group = await db
      .insertInto('groups')
      .values({
        schoolId: s.schoolId,
        academicYearId: s.yearId,
        classId: null,
        kind: 'cross',
        name: 'Робототехника',
        subjectId: s.subjects.math,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('groupMemberships')
      .values({
        schoolId: s.schoolId,
        groupId: group.id,
        studentId: s.students.vasiliev,
        startsOn: '2026-09-01',
        endsOn: null,
      })
      .execute();
    const course = await db
      .insertInto('courses')
      .values({
        schoolId: s.schoolId,
        academicYearId: s.yearId,
        subjectId: s.subjects.russian,
        groupId: group.id,
        teacherId: s.people.sidorova.id,
        hoursPerWeek: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const five = await listJournalCourses(s.ctx.director, s.classes.c5.classId);
    expect(five.courses.map((c) => c.group)).toContain('Робототехника');
    const six = await listJournalCourses(s.ctx.director, s.classes.c6.classId);
    expect(six.courses.map((c) => c.group)).not.toContain('Робототехника');
    // The class teacher of 5А reads it too; its grid follows grade 5's quarters and is marked.
    const grid = await getGrid(s.ctx.petrov, course.id, s.periods.q2);
    expect(grid.course).toMatchObject({ className: null, access: 'classTeacher' });
    expect(grid.rules.marked).toBe(true);
    expect(grid.students.map((st) => st.name)).toEqual(['Васильев Вадим']);
  });
  it('lists live work kinds, and an archived one only where a mark still has it', async () => {
    const db = database.db;
    const now = new Date().toISOString();
    await db
      .updateTable('workKinds')
      .set({ archivedAt: now })
      .where('schoolId', '=', s.schoolId)
      .where('shortName', 'in', ['СР', 'КР'])
      .execute();
    try {
      const b = await getGrid(s.ctx.orlova, s.courses.english5b, s.periods.q2);
      const names = b.workKinds.map((k) => k.shortName);
      expect(names).toContain('КР');
      expect(names).not.toContain('СР');
      expect(names).toContain('Отв');
    } finally {
      await db
        .updateTable('workKinds')
        .set({ archivedAt: null })
        .where('schoolId', '=', s.schoolId)
        .execute();
    }
  });
  it('a second teacher has the course as own, and writes it', async () => {
    const db = database.db;
    await db
      .updateTable('courses')
      .set({ secondTeacherId: s.people.orlova.id })
      .where('id', '=', s.courses.english5a)
      .execute();
    try {
      const list = await listJournalCourses(s.ctx.orlova);
      expect(list.courses.map((c) => [c.group, c.access, c.canEdit])).toEqual([
        ['5А-1', 'second', true],
        ['5А-2', 'teacher', true],
      ]);
      const grid = await getGrid(s.ctx.orlova, s.courses.english5a, s.periods.q2);
      expect(grid.lessons.every((l) => l.canEdit)).toBe(true);
      expect(grid.canSetPeriodMarks).toBe(true);
    } finally {
      await db
        .updateTable('courses')
        .set({ secondTeacherId: null })
        .where('id', '=', s.courses.english5a)
        .execute();
    }
  });
});
