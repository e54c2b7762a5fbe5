import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildDistrict, buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Ctx } from '../access/actor.ts';
import { controlSchool } from '../control/control.test-helpers.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import {
  closeRemark,
  createRemark,
  fixRemark,
  listRemarks,
  openRemarks,
  remarksReport,
  reopenRemark,
} from './remarks.ts';
import { resolveReportScope } from './report-scope.ts';

describe.each(engines())('remarks on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof controlSchool>>;
  let deputy: Ctx;
  let director: Ctx;
  let mathT: Ctx;
  let rusT: Ctx;
  let classT: Ctx;

  const audit = (id: number) =>
    database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorId', 'before', 'after', 'schoolId'])
      .where('entity', '=', 'remark')
      .where('entityId', '=', String(id))
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    database = await engine.open();
    s = await controlSchool(database.db);
    const as = (id: number, roles: Parameters<typeof ctxAs>[3]) => ctxAs(database.db, id, s.schoolId, roles);
    deputy = as(s.people.deputy.id, ['deputy', 'teacher']);
    director = as(s.people.director.id, ['director']);
    mathT = as(s.people.mathT.id, ['teacher']);
    rusT = as(s.people.rusT.id, ['teacher']);
    classT = as(s.people.classT.id, ['teacher']);
    // Классова co-teaches Russian in 5А.
    await database.db
      .updateTable('courses')
      .set({ secondTeacherId: s.people.classT.id })
      .where('id', '=', s.courses.russian5)
      .execute();
  });
  afterAll(async () => {
    await database.close();
  });

  it('goes open → fixed → back to open → fixed → closed, each step audited, by the right people only', async () => {
    const created = await createRemark(deputy, {
      courseId: s.courses.math5,
      lessonId: s.lessons.math1005,
      text: 'Нет домашнего задания.',
    });
    expect(created).toMatchObject({
      courseId: s.courses.math5,
      subject: 'Математика',
      className: '5А',
      teacherId: s.people.mathT.id,
      lessonId: s.lessons.math1005,
      lessonDate: '2026-10-05',
      lessonNumber: 1,
      text: 'Нет домашнего задания.',
      author: 'Завучева А. И.',
      status: 'open',
      fixedAt: null,
      fixedBy: null,
      closedAt: null,
      closedBy: null,
    });
    expect(created.teacher).toMatch(/^Математикова /);
    const id = created.id;

    // The teacher of the course sees it and may fix it; another teacher does not see it.
    const mine = await listRemarks(mathT, {});
    expect(mine.items.map((r) => [r.id, r.canFix])).toEqual([[id, true]]);
    expect(mine.canManage).toBe(false);
    expect((await listRemarks(rusT, {})).items).toEqual([]);
    await expect(fixRemark(rusT, id, undefined)).rejects.toMatchObject({ code: 'not_found' });
    // The leadership reads it but may not fix it (the deputy teaches, but not this course).
    const lead = await listRemarks(deputy, {});
    expect(lead.items.map((r) => [r.id, r.canFix])).toEqual([[id, false]]);
    expect(lead.canManage).toBe(true);
    await expect(fixRemark(deputy, id, 'Сделано')).rejects.toMatchObject({ code: 'forbidden' });
    // Only a fixed remark can be sent back; the teacher may not close.
    await expect(reopenRemark(director, id, undefined)).rejects.toMatchObject({ code: 'conflict' });
    await expect(closeRemark(mathT, id)).rejects.toMatchObject({ code: 'forbidden' });

    const fixed = await fixRemark(mathT, id, '  Задание записано.  ');
    expect(fixed).toMatchObject({ status: 'fixed', fixNote: 'Задание записано.', closedAt: null });
    expect(fixed.fixedBy).toMatch(/^Математикова /);
    expect(fixed.fixedAt).not.toBeNull();
    await expect(fixRemark(mathT, id, undefined)).rejects.toMatchObject({ code: 'conflict' });
    expect((await listRemarks(mathT, {})).items[0]?.canFix).toBe(false);

    const back = await reopenRemark(director, id, 'Задание без страниц учебника');
    expect(back).toMatchObject({ status: 'open', fixedAt: null, fixedBy: null, fixNote: null });
    expect(back.text).toMatch(/^Нет домашнего задания\.\n\n\d\d\.\d\d\.\d{4}: Задание без страниц учебника$/);

    await fixRemark(mathT, id, undefined);
    const closed = await closeRemark(deputy, id);
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'Завучева А. И.', fixNote: null });
    await expect(closeRemark(director, id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(reopenRemark(director, id, undefined)).rejects.toMatchObject({ code: 'conflict' });
    await expect(fixRemark(mathT, id, undefined)).rejects.toMatchObject({ code: 'conflict' });

    const events = await audit(id);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['remark.created', s.people.deputy.id],
      ['remark.fixed', s.people.mathT.id],
      ['remark.reopened', s.people.director.id],
      ['remark.fixed', s.people.mathT.id],
      ['remark.closed', s.people.deputy.id],
    ]);
    expect(events.every((e) => e.schoolId === s.schoolId)).toBe(true);
    // The note cleared by sending back is kept in the audit event.
    expect(JSON.parse(events[2]!.before!)).toMatchObject({ fixNote: 'Задание записано.' });
    expect(JSON.parse(events[0]!.after!)).toEqual({
      courseId: s.courses.math5,
      lessonId: s.lessons.math1005,
      text: 'Нет домашнего задания.',
    });
  });

  it('refuses what is not the actor’s to do: teachers write nothing; lessons of other courses; other schools', async () => {
    await expect(createRemark(mathT, { courseId: s.courses.math5, text: 'Своё' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      createRemark(deputy, { courseId: s.courses.math5, lessonId: s.lessons.rus0914, text: 'Чужой урок' }),
    ).rejects.toMatchObject({ code: 'validation', fields: { lessonId: 'remarksLessonOtherCourse' } });
    await expect(
      createRemark(deputy, { courseId: s.courses.math5, lessonId: 99_999_999, text: 'Нет урока' }),
    ).rejects.toMatchObject({ code: 'validation', fields: { lessonId: 'remarksLessonOtherCourse' } });
    const other = await buildSchool(database.db);
    const otherTeacher = await buildPerson(database.db, { schoolId: other.schoolId, roles: ['teacher'] });
    const otherSubject = await database.db
      .insertInto('subjects')
      .values({ schoolId: other.schoolId, name: 'Физика', shortName: 'Физ', sortOrder: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const otherGroup = await database.db
      .insertInto('groups')
      .values({ schoolId: other.schoolId, academicYearId: other.yearId, name: 'Группа', kind: 'cross' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const otherCourse = await database.db
      .insertInto('courses')
      .values({
        schoolId: other.schoolId,
        academicYearId: other.yearId,
        subjectId: otherSubject.id,
        groupId: otherGroup.id,
        teacherId: otherTeacher.id,
        hoursPerWeek: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      createRemark(deputy, { courseId: otherCourse.id, text: 'Чужая школа' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(listRemarks(deputy, { courseId: otherCourse.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    // A deputy of the other school does not see this school's remarks at all.
    const outsider = ctxAs(database.db, otherTeacher.id, other.schoolId, ['deputy']);
    const mine = await createRemark(director, { courseId: s.courses.art6, text: 'Проверить журнал' });
    await expect(closeRemark(outsider, mine.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listRemarks(outsider, {})).items).toEqual([]);
    // Families: 404; the admin and the district: 403.
    const parent = ctxAs(database.db, s.people.parent.id, s.schoolId, ['parent']);
    await expect(listRemarks(parent, {})).rejects.toMatchObject({ code: 'not_found' });
    const admin = ctxAs(database.db, s.people.admin.id, s.schoolId, ['admin']);
    await expect(listRemarks(admin, {})).rejects.toMatchObject({ code: 'forbidden' });
    const districtId = await buildDistrict(database.db);
    const district: Ctx = {
      ...admin,
      actor: {
        kind: 'person',
        personId: s.people.admin.id,
        accountId: 0,
        grants: [{ role: 'district', schoolId: null, districtId }],
      },
    };
    await expect(listRemarks(district, {})).rejects.toMatchObject({ code: 'forbidden' });
    await closeRemark(director, mine.id);
    // An archived course takes no new remark.
    await database.db
      .updateTable('courses')
      .set({ archivedAt: '2026-10-01T00:00:00.000Z' })
      .where('id', '=', otherCourse.id)
      .execute();
    const otherDeputy = ctxAs(database.db, otherTeacher.id, other.schoolId, ['deputy']);
    await expect(
      createRemark(otherDeputy, { courseId: otherCourse.id, text: 'Архив' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('a second teacher fixes; the leadership closes an open remark directly; filters and counts per teacher', async () => {
    const rus = await createRemark(director, {
      courseId: s.courses.russian5,
      text: 'Не выставлены отметки.',
    });
    const math = await createRemark(deputy, { courseId: s.courses.math5, text: 'Нет тем.' });
    const math2 = await createRemark(deputy, { courseId: s.courses.math5, text: 'Нет посещаемости.' });
    // Классова co-teaches Russian: she sees and fixes it; Русакова sees it too.
    expect((await listRemarks(classT, {})).items.map((r) => r.id)).toEqual([rus.id]);
    expect((await listRemarks(rusT, { status: 'open' })).items.map((r) => r.id)).toEqual([rus.id]);
    await fixRemark(classT, rus.id, undefined);
    await closeRemark(director, math2.id);

    const all = await listRemarks(deputy, { status: 'active' });
    expect(all.items.map((r) => r.id)).toEqual([math.id, rus.id]);
    // Counts of open and fixed remarks per teacher of the course, most open first.
    expect(all.byTeacher.map((t) => [t.teacherId, t.open, t.fixed])).toEqual([
      [s.people.mathT.id, 1, 0],
      [s.people.rusT.id, 0, 1],
    ]);
    expect((await listRemarks(deputy, { status: 'fixed' })).items.map((r) => r.id)).toEqual([rus.id]);
    const closedIds = (await listRemarks(deputy, { status: 'closed' })).items.map((r) => r.id);
    expect(closedIds).toContain(math2.id);
    expect(closedIds).not.toContain(math.id);
    expect((await listRemarks(deputy, { teacherId: s.people.classT.id })).items.map((r) => r.id)).toEqual([
      rus.id,
    ]);
    expect(
      (await listRemarks(deputy, { courseId: s.courses.math5, status: 'open' })).items.map((r) => r.id),
    ).toEqual([math.id]);
    // A teacher asking for another teacher's remarks gets nothing of theirs.
    expect((await listRemarks(mathT, { teacherId: s.people.rusT.id })).items).toEqual([]);

    // openRemarks: open only, by the course's teacher or a list of courses.
    const open = await openRemarks(database.db, s.schoolId, { teacherId: s.people.mathT.id });
    expect(open.map((r) => r.id)).toEqual([math.id]);
    expect(open[0]).not.toHaveProperty('secondTeacherId');
    expect(
      (await openRemarks(database.db, s.schoolId, { courseIds: [s.courses.russian5] })).map((r) => r.id),
    ).toEqual([]);
    expect((await openRemarks(database.db, s.schoolId, { courseIds: [] })).map((r) => r.id)).toEqual([]);
    await closeRemark(deputy, math.id);
    await closeRemark(deputy, rus.id);
  });

  it('two fixes or two closes at once: one passes, the other is a conflict; one audit event each', async () => {
    const r = await createRemark(deputy, { courseId: s.courses.math5, text: 'Одновременно' });
    const fixes = await Promise.allSettled([
      fixRemark(mathT, r.id, 'первый'),
      fixRemark(mathT, r.id, 'второй'),
    ]);
    expect(fixes.filter((f) => f.status === 'fulfilled')).toHaveLength(1);
    const refused = fixes.find((f) => f.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'conflict' });
    const closes = await Promise.allSettled([closeRemark(deputy, r.id), closeRemark(director, r.id)]);
    expect(closes.filter((c) => c.status === 'fulfilled')).toHaveLength(1);
    expect((closes.find((c) => c.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
      code: 'conflict',
    });
    expect((await audit(r.id)).map((e) => e.action)).toEqual([
      'remark.created',
      'remark.fixed',
      'remark.closed',
    ]);
  });

  it('the remarks report: the remarks of the scope’s courses written within the dates, counted per teacher', async () => {
    const write = async (ctx: Ctx, courseId: number, text: string, at: string) => {
      const r = await createRemark(ctx, { courseId, text });
      await database.db
        .updateTable('remarks')
        .set({ createdAt: at } as never)
        .where('id', '=', r.id)
        .execute();
      return r.id;
    };
    const a = await write(deputy, s.courses.math5, 'Сентябрь', '2026-09-30T20:59:00.000Z');
    const b = await write(deputy, s.courses.math5, 'Октябрь', '2026-10-01T08:00:00.000Z');
    // The school's days are Moscow's (UTC+3): 20:59:59 UTC is 23:59:59 of 31 Oct there, 21:00 UTC
    // the first moment of 1 Nov (still 31 Oct by UTC).
    const c = await write(deputy, s.courses.art6, 'ИЗО, октябрь', '2026-10-31T20:59:59.000Z');
    const d = await write(deputy, s.courses.art6, 'Ноябрь', '2026-10-31T21:00:00.000Z');
    await fixRemark(mathT, b, undefined);

    const october = { from: '2026-10-01', to: '2026-10-31' };
    const whole = await remarksReport.compute(deputy, await resolveReportScope(deputy, october));
    // b (1 Oct) and c (31 Oct, last second) are in; a (30 Sep, 23:59 in Moscow) and the 1 Nov one are out.
    expect(whole.items.map((r) => r.id)).toEqual([c, b]);
    expect(whole.range).toMatchObject({ from: '2026-10-01', to: '2026-10-31', schoolId: s.schoolId });
    // Математикова: b fixed → total 1, fixed 1; Другова: c open → total 1, open 1 (more open first).
    expect(whole.byTeacher.map((t) => [t.teacherId, t.total, t.open, t.fixed, t.closed])).toEqual([
      [s.people.otherT.id, 1, 1, 0, 0],
      [s.people.mathT.id, 1, 0, 1, 0],
    ]);
    // A teacher's scope: their own courses only.
    const own = await remarksReport.compute(mathT, await resolveReportScope(mathT, october));
    expect(own.items.map((r) => r.id)).toEqual([b]);
    const september = await remarksReport.compute(
      deputy,
      await resolveReportScope(deputy, { from: '2026-09-01', to: '2026-09-30' }),
    );
    expect(september.items.map((r) => r.id)).toContain(a);
    // From the first day to the last the calendar writes: every remark, none lost at either end.
    const ever = await remarksReport.compute(
      deputy,
      await resolveReportScope(deputy, { from: '0001-01-01', to: '9999-12-31' }),
    );
    expect(ever.items.map((r) => r.id)).toEqual(expect.arrayContaining([a, b, c, d]));

    const [perTeacher, list] = remarksReport.tables(whole, 'ru');
    expect(perTeacher!.columns.map((col) => col.label)).toEqual([
      'Учитель',
      'Всего',
      'Открыто',
      'Исправлено',
      'Закрыто',
    ]);
    expect(list!.rows[0]).toMatchObject({
      createdAt: '2026-10-31',
      text: 'ИЗО, октябрь',
      status: 'Открыто',
      className: '6Б',
    });
    expect(list!.rows[1]).toMatchObject({ createdAt: '2026-10-01', status: 'Исправлено' });
    const [, english] = remarksReport.tables(whole, 'en');
    expect(english!.rows[0]).toMatchObject({ status: 'Open' });
    expect(english!.columns.find((col) => col.key === 'text')?.label).toBe('Remark');
  });
});
