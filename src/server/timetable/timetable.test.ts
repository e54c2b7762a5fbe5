import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildPerson } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { translate } from '../http/messages.ts';
import { buildDraft } from './draft-timetable.ts';
import { generateLessons } from './generate-lessons.ts';
import { getWeek } from './get-week.ts';
import { removeChange } from './remove-change.ts';
import { addSlot, closeSlot, editSlot } from './save-slots.ts';
import { lessonsTaughtBy } from './timetable.queries.ts';
import { lessonsOf, timetableSchool } from './timetable.test-helpers.ts';
import { createChange } from './timetable-changes.ts';

type School = Awaited<ReturnType<typeof timetableSchool>>;

/** The Russian text a refused call shows beside its field. */
async function refusal(run: Promise<unknown>) {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  const [field = '', key] = Object.entries(error.fields ?? {})[0] ?? [];
  return { code: error.code, field, text: key ? translate('ru', key, error.params) : error.messageKey };
}

describe.each(engines())('timetable use cases on $name', (engine) => {
  let database: Database;
  let s: School;
  const from = '2026-09-01';

  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  describe('the weekly timetable', () => {
    beforeAll(async () => {
      s = await timetableSchool(database.db);
    });

    it('refuses a teacher, a room or a group twice in one slot, naming who clashes', async () => {
      const { admin, courses } = s;
      await addSlot(admin, { courseId: courses.math5, weekday: 1, lessonNumber: 1, room: '10', from });
      expect(
        await refusal(addSlot(admin, { courseId: courses.math6, weekday: 1, lessonNumber: 1, from })),
      ).toEqual({
        code: 'validation',
        field: 'courseId',
        text: 'Учитель Иванова И. И. в это время уже ведёт урок: Математика, 5А.',
      });
      expect(
        await refusal(addSlot(admin, { courseId: courses.russian5, weekday: 1, lessonNumber: 1, from })),
      ).toEqual({
        code: 'validation',
        field: 'lessonNumber',
        text: 'У группы «5А» в это время уже стоит урок: Математика, 5А.',
      });
      await addSlot(admin, { courseId: courses.english5a, weekday: 1, lessonNumber: 2, room: '12', from });
      await addSlot(admin, { courseId: courses.english5b, weekday: 1, lessonNumber: 2, room: '14', from });
      expect(
        await refusal(
          addSlot(admin, { courseId: courses.math6, weekday: 1, lessonNumber: 2, room: '12 ', from }),
        ),
      ).toEqual({
        code: 'validation',
        field: 'room',
        text: 'Кабинет 12 в это время занят: Английский язык, 5А-1.',
      });
      expect(
        await refusal(addSlot(admin, { courseId: courses.math5, weekday: 1, lessonNumber: 2, from })),
      ).toMatchObject({
        field: 'lessonNumber',
      });

      const week = await getWeek(admin, s.classes.c5.classId, '2026-09-07');
      expect(
        week.slots.map((x) => [x.weekday, x.lessonNumber, x.subject, x.group, x.room, x.teacher]),
      ).toEqual([
        [1, 1, 'Математика', '5А', '10', 'Иванова И. И.'],
        [1, 2, 'Английский язык', '5А-1', '12', 'Сидорова И. И.'],
        [1, 2, 'Английский язык', '5А-2', '14', 'Орлова И. И.'],
      ]);
      expect(week.bells.filter((b) => b.weekday === 1).map((b) => b.startsAt)).toEqual(['08:30', '09:25']);
      expect(week.bells.some((b) => b.weekday === 6)).toBe(false);
      const stored = await database.db
        .selectFrom('timetableSlots')
        .select('id')
        .where('schoolId', '=', s.schoolId)
        .execute();
      expect(stored).toHaveLength(3);
    });

    it('changes the timetable from a date without rewriting the past', async () => {
      const week = await getWeek(s.admin, s.classes.c5.classId, '2026-09-07');
      const math = week.slots.find((x) => x.courseId === s.courses.math5)!;
      await editSlot(s.admin, math.id, {
        courseId: s.courses.math5,
        weekday: 2,
        lessonNumber: 1,
        room: '10',
        from: '2026-10-01',
      });
      const old = await database.db
        .selectFrom('timetableSlots')
        .selectAll()
        .where('id', '=', math.id)
        .executeTakeFirstOrThrow();
      expect(old.validTo).toBe('2026-09-30');
      await closeSlot(s.admin, math.id, { from: '2026-12-01' });
      const still = await database.db
        .selectFrom('timetableSlots')
        .select('validTo')
        .where('id', '=', math.id)
        .executeTakeFirstOrThrow();
      expect(still.validTo).toBe('2026-09-30');
      const before = await getWeek(s.admin, s.classes.c5.classId, '2026-09-28');
      const after = await getWeek(s.admin, s.classes.c5.classId, '2026-10-05');
      expect(before.slots.filter((x) => x.courseId === s.courses.math5).map((x) => x.weekday)).toEqual([1]);
      expect(after.slots.filter((x) => x.courseId === s.courses.math5).map((x) => x.weekday)).toEqual([2]);
      // The old place is free again from October: 6Б's maths may take it then, not before.
      expect(
        await refusal(addSlot(s.admin, { courseId: s.courses.math6, weekday: 1, lessonNumber: 1, from })),
      ).toMatchObject({
        field: 'courseId',
      });
      await addSlot(s.admin, { courseId: s.courses.math6, weekday: 1, lessonNumber: 1, from: '2026-10-01' });
    });

    it('only those who manage the timetable may change it; others may look', async () => {
      expect(
        (await refusal(addSlot(s.teacher, { courseId: s.courses.math5, weekday: 3, lessonNumber: 1, from })))
          .code,
      ).toBe('forbidden');
      const week = await getWeek(s.teacher, s.classes.c5.classId, '2026-09-07');
      expect(week.canManage).toBe(false);
      const other = await timetableSchool(database.db);
      expect((await refusal(getWeek(other.admin, s.classes.c5.classId))).code).toBe('not_found');
    });
  });

  describe('lessons', () => {
    beforeAll(async () => {
      s = await timetableSchool(database.db);
      await addSlot(s.admin, { courseId: s.courses.math5, weekday: 3, lessonNumber: 1, from });
      await addSlot(s.admin, { courseId: s.courses.english5a, weekday: 3, lessonNumber: 2, from });
      await addSlot(s.admin, { courseId: s.courses.english5b, weekday: 3, lessonNumber: 2, from });
    });
    const gen = (fromDate: string, to: string) =>
      generateLessons(s.admin, { classId: s.classes.c5.classId, from: fromDate, to });

    it('follows the calendar: no lessons on a holiday, a transferred Saturday follows its weekday', async () => {
      const report = await gen('2026-11-01', '2026-11-08');
      expect(report).toMatchObject({ created: 3, removed: 0, conflicts: [] });
      const math = await lessonsOf(database.db, s.courses.math5, '2026-11-01', '2026-11-08');
      expect(math.map((l) => [l.date, l.lessonNumber, l.teacherId])).toEqual([
        ['2026-11-07', 1, s.people.ivanova.id],
      ]);
      expect(await gen('2026-11-01', '2026-11-08')).toEqual({
        created: 0,
        updated: 0,
        removed: 0,
        unchanged: 3,
        conflicts: [],
      });
    });

    it('regeneration keeps a lesson with a topic and reports it; removes empty ones', async () => {
      await gen('2026-09-01', '2026-09-30');
      const september = await lessonsOf(database.db, s.courses.math5, '2026-09-01', '2026-09-30');
      expect(september.map((l) => l.date)).toEqual([
        '2026-09-02',
        '2026-09-09',
        '2026-09-16',
        '2026-09-23',
        '2026-09-30',
      ]);
      await database.db
        .updateTable('lessons')
        .set({ topic: 'Натуральные числа' })
        .where('id', '=', september[1]!.id)
        .execute();
      const slot = (await getWeek(s.admin, s.classes.c5.classId, '2026-09-07')).slots.find(
        (x) => x.courseId === s.courses.math5,
      )!;
      await closeSlot(s.admin, slot.id, { from: '2026-09-01' });
      const report = await gen('2026-09-01', '2026-09-30');
      expect(report.removed).toBe(4);
      expect(report.conflicts).toEqual([
        {
          date: '2026-09-09',
          lessonNumber: 1,
          courseId: s.courses.math5,
          subject: 'Математика',
          group: '5А',
          reason: 'notInTimetable',
        },
      ]);
      expect(
        (await lessonsOf(database.db, s.courses.math5, '2026-09-01', '2026-09-30')).map((l) => l.date),
      ).toEqual(['2026-09-09']);
      await addSlot(s.admin, { courseId: s.courses.math5, weekday: 3, lessonNumber: 1, from });
      expect((await gen('2026-09-01', '2026-09-30')).conflicts).toEqual([]);
    });

    it('keeps a lesson that a removed mark still refers to', async () => {
      const [lesson] = await lessonsOf(database.db, s.courses.english5a, '2026-09-02', '2026-09-02');
      const student = await buildPerson(database.db, {
        schoolId: s.schoolId,
        roles: ['student'],
        account: false,
      });
      const kind = await database.db
        .insertInto('workKinds')
        .values({ schoolId: s.schoolId, name: 'Ответ', shortName: 'Отв', weight: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db
        .insertInto('marks')
        .values({
          schoolId: s.schoolId,
          lessonId: lesson!.id,
          studentId: student.id,
          workKindId: kind.id,
          value: '5',
          createdBy: s.people.sidorova.id,
          deletedAt: '2026-09-03T10:00:00.000Z',
        })
        .execute();
      const slot = (await getWeek(s.admin, s.classes.c5.classId, '2026-09-02')).slots.find(
        (x) => x.courseId === s.courses.english5a,
      )!;
      await closeSlot(s.admin, slot.id, { from });
      const report = await gen('2026-09-02', '2026-09-02');
      expect(report.conflicts).toMatchObject([
        { date: '2026-09-02', group: '5А-1', reason: 'notInTimetable' },
      ]);
      await addSlot(s.admin, { courseId: s.courses.english5a, weekday: 3, lessonNumber: 2, from });
      expect((await gen('2026-09-02', '2026-09-02')).conflicts).toEqual([]);
    });

    it('a substitute takes the lesson while the course keeps its teacher', async () => {
      const { report } = await createChange(s.admin, {
        kind: 'substitute',
        courseId: s.courses.math5,
        date: '2026-09-16',
        lessonNumber: 1,
        substituteTeacherId: s.people.petrov.id,
      });
      expect(report.updated).toBe(1);
      const [lesson] = await lessonsOf(database.db, s.courses.math5, '2026-09-16', '2026-09-16');
      expect(lesson?.teacherId).toBe(s.people.petrov.id);
      const course = await database.db
        .selectFrom('courses')
        .select('teacherId')
        .where('id', '=', s.courses.math5)
        .executeTakeFirstOrThrow();
      expect(course.teacherId).toBe(s.people.ivanova.id);
      const petrov = await lessonsTaughtBy(database.db, s.people.petrov.id, '2026-09-01', '2026-09-30');
      expect(petrov.map((l) => [l.date, l.courseId, l.by])).toEqual([
        ['2026-09-16', s.courses.math5, 'substitution'],
      ]);
      const ivanova = await lessonsTaughtBy(database.db, s.people.ivanova.id, '2026-09-16', '2026-09-16');
      expect(ivanova.map((l) => l.by)).toEqual(['course']);
      expect((await gen('2026-09-01', '2026-09-30')).updated).toBe(0);

      const change = await createChange(s.admin, {
        kind: 'substitute',
        courseId: s.courses.math5,
        date: '2026-09-02',
        lessonNumber: 1,
        substituteTeacherId: s.people.petrov.id,
      });
      expect((await lessonsOf(database.db, s.courses.math5, '2026-09-02', '2026-09-02'))[0]?.teacherId).toBe(
        s.people.petrov.id,
      );
      expect((await removeChange(s.admin, change.id)).updated).toBe(1);
      expect((await lessonsOf(database.db, s.courses.math5, '2026-09-02', '2026-09-02'))[0]?.teacherId).toBe(
        s.people.ivanova.id,
      );
    });

    it('refuses a substitute who is busy, not a teacher, or the course’s own teacher', async () => {
      const change = {
        kind: 'substitute' as const,
        courseId: s.courses.math5,
        date: '2026-09-23',
        lessonNumber: 2,
      };
      expect(
        await refusal(
          createChange(s.admin, { ...change, lessonNumber: 1, substituteTeacherId: s.people.ivanova.id }),
        ),
      ).toMatchObject({
        field: 'substituteTeacherId',
        text: 'Это учитель самого курса: замена не нужна.',
      });
      expect(
        await refusal(createChange(s.admin, { ...change, substituteTeacherId: s.people.petrov.id })),
      ).toMatchObject({
        field: 'lessonNumber',
      });
      await addSlot(s.admin, { courseId: s.courses.math6, weekday: 3, lessonNumber: 2, from });
      expect(
        await refusal(
          createChange(s.admin, {
            ...change,
            courseId: s.courses.math6,
            substituteTeacherId: s.people.sidorova.id,
          }),
        ),
      ).toEqual({
        code: 'validation',
        field: 'substituteTeacherId',
        text: 'Учитель Сидорова И. И. в это время сам ведёт урок: Английский язык, 5А-1.',
      });
      expect(
        await refusal(
          createChange(s.admin, {
            ...change,
            courseId: s.courses.math6,
            substituteTeacherId: s.people.admin.id,
          }),
        ),
      ).toMatchObject({ text: 'Заменять урок может только учитель этой школы.' });
    });

    it('refuses a change of an archived course by its field, storing nothing', async () => {
      await database.db
        .updateTable('courses')
        .set({ archivedAt: '2026-09-20T00:00:00.000Z' })
        .where('id', '=', s.courses.math6)
        .execute();
      const before = await database.db.selectFrom('timetableChanges').select('id').execute();
      expect(
        await refusal(
          createChange(s.admin, {
            kind: 'cancel',
            courseId: s.courses.math6,
            date: '2026-09-23',
            lessonNumber: 2,
          }),
        ),
      ).toMatchObject({ code: 'validation', field: 'courseId' });
      expect(await database.db.selectFrom('timetableChanges').select('id').execute()).toEqual(before);
      await database.db
        .updateTable('courses')
        .set({ archivedAt: null })
        .where('id', '=', s.courses.math6)
        .execute();
    });

    it('cancels a lesson, but keeps one with data and reports it', async () => {
      await createChange(s.admin, {
        kind: 'cancel',
        courseId: s.courses.math5,
        date: '2026-09-23',
        lessonNumber: 1,
      });
      const [cancelled] = await lessonsOf(database.db, s.courses.math5, '2026-09-23', '2026-09-23');
      expect(cancelled?.cancelledAt).not.toBeNull();
      const { report } = await createChange(s.admin, {
        kind: 'cancel',
        courseId: s.courses.math5,
        date: '2026-09-09',
        lessonNumber: 1,
      });
      expect(report.conflicts).toMatchObject([{ date: '2026-09-09', reason: 'cancelledWithData' }]);
      const [kept] = await lessonsOf(database.db, s.courses.math5, '2026-09-09', '2026-09-09');
      expect(kept?.cancelledAt).toBeNull();
    });

    it('moves a lesson and adds an extra one', async () => {
      await createChange(s.admin, {
        kind: 'move',
        courseId: s.courses.math5,
        date: '2026-09-30',
        lessonNumber: 1,
        movedToDate: '2026-10-01',
        movedToLessonNumber: 3,
      });
      const extra = {
        kind: 'extra' as const,
        courseId: s.courses.russian5,
        date: '2026-09-16',
        lessonNumber: 2,
      };
      expect(await refusal(createChange(s.admin, extra))).toEqual({
        code: 'validation',
        field: 'lessonNumber',
        text: 'У группы «5А» в это время уже стоит урок: Английский язык, 5А-1.',
      });
      expect(
        await refusal(
          createChange(s.admin, {
            kind: 'extra',
            courseId: s.courses.math5,
            date: '2026-10-07',
            lessonNumber: 2,
          }),
        ),
      ).toEqual({
        code: 'validation',
        field: 'lessonNumber',
        text: 'Учитель Иванова И. И. в это время уже ведёт урок: Математика, 6Б.',
      });
      await createChange(s.admin, {
        kind: 'extra',
        courseId: s.courses.math5,
        date: '2026-10-02',
        lessonNumber: 4,
      });
      const lessons = await lessonsOf(database.db, s.courses.math5, '2026-09-30', '2026-10-02');
      expect(lessons.map((l) => [l.date, l.lessonNumber, l.origin])).toEqual([
        ['2026-10-01', 3, 'change'],
        ['2026-10-02', 4, 'change'],
      ]);
      const again = await gen('2026-09-01', '2026-10-31');
      expect(again.conflicts).toMatchObject([{ date: '2026-09-09', reason: 'cancelledWithData' }]);
      expect((await lessonsOf(database.db, s.courses.math5, '2026-09-30', '2026-10-02')).length).toBe(2);
    });
  });

  it('drafts a timetable for an empty class, subgroups side by side, and only once', async () => {
    const t = await timetableSchool(database.db);
    const report = await buildDraft(t.admin, t.classes.c5.classId, from);
    expect(report).toEqual({ placed: 15, unplaced: [] });
    const week = await getWeek(t.admin, t.classes.c5.classId, from);
    const en = week.slots.filter((x) => x.subject === 'Английский язык');
    const places = (group: string) =>
      en.filter((x) => x.group === group).map((x) => `${x.weekday}/${x.lessonNumber}`);
    expect(places('5А-1')).toEqual(places('5А-2'));
    expect(places('5А-1')).toHaveLength(3);
    expect((await refusal(buildDraft(t.admin, t.classes.c5.classId, from))).code).toBe('conflict');
  });
});
