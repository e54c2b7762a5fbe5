import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { diaryWeek } from '../../contract/diary.ts';
import { bumpDataVersion } from '../audit/record-audit.ts';
import type { Database } from '../db/database.ts';
import { diarySchool, testWeek } from './diary.test-helpers.ts';

type Week = ReturnType<typeof diaryWeek.parse>;

describe.each(engines())('diary week on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof diarySchool>>;
  let parent: Client;
  let student: Client;
  let ivanova: Client;
  let url: string;

  const day = (w: Week, date: string) => w.days.find((d) => d.date === date)!;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await diarySchool(database.db);
    parent = await signIn(app, s.people.parent.login);
    student = await signIn(app, s.diary.grigoriev.login);
    ivanova = await signIn(app, s.people.ivanova.login);
    url = `/api/diary/${s.diary.grigoriev.id}/week?date=2026-11-25`;
    const mark = await ivanova.send('POST', '/api/journal/marks', {
      lessonId: s.lessons.mathRecent,
      studentId: s.diary.grigoriev.id,
      workKindId: s.workKinds.test,
      value: '4',
      comment: 'Ошибка в задаче 3',
      version: null,
    });
    expect(mark.statusCode).toBe(200);
    const absent = await ivanova.send('POST', '/api/journal/attendance', {
      lessonId: s.lessons.mathSubstituted,
      studentId: s.diary.grigoriev.id,
      value: 'absent',
      reason: 'illness',
      version: null,
    });
    expect(absent.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('shows the week: lessons of the groups, marks, absences, homework, due, cancelled', async () => {
    const res = await parent.get(url);
    expect(res.statusCode).toBe(200);
    const week = diaryWeek.parse(res.json());
    expect(week.weekStart).toBe(testWeek);
    expect(week.student).toEqual({ id: s.diary.grigoriev.id, name: 'Григорьев Гоша', className: '5А' });
    expect(week.days.map((d) => d.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
    ]);
    const monday = day(week, '2026-11-23');
    expect(monday.lessons.map((l) => [l.lessonNumber, l.subject])).toEqual([
      [1, 'Английский язык'],
      [2, 'Русский язык'],
    ]);
    expect(monday.lessons[1]).toMatchObject({
      topic: 'Глагол',
      homework: 'Упр. 5, стр. 12',
      homeworkDueOn: '2026-11-25',
      startsAt: '09:25',
      endsAt: '10:10',
      teacher: expect.stringMatching(/^Петров [А-ЯЁ]\. [А-ЯЁ]\.$/),
      cancelled: false,
    });
    const tuesday = day(week, '2026-11-24');
    // Not the English of subgroup 5А-2, which Григорьев is not in.
    expect(tuesday.lessons.map((l) => l.subject)).toEqual(['Математика', 'Математика']);
    expect(tuesday.lessons[0]!.marks).toEqual([
      {
        value: '4',
        workKind: 'Контрольная работа',
        weight: expect.any(Number),
        comment: 'Ошибка в задаче 3',
      },
    ]);
    expect(tuesday.lessons[1]!.attendance).toEqual({ value: 'absent', reason: 'illness' });
    expect(tuesday.lessons[1]!.teacher).toMatch(/^Простова/);
    expect(day(week, '2026-11-25').due).toEqual([
      {
        lessonId: s.diary.lessons.russianMonday,
        subject: 'Русский язык',
        homework: 'Упр. 5, стр. 12',
        setOn: '2026-11-23',
      },
    ]);
    expect(day(week, '2026-11-26').lessons).toMatchObject([{ subject: 'Русский язык', cancelled: true }]);
    expect(week.canAcknowledge).toBe(true);
    const self = await student.get(url);
    expect(self.statusCode).toBe(200);
    expect(self.json().canAcknowledge).toBe(false);
    expect(self.json().days).toEqual(week.days);
  });

  it('a student who joined mid-week sees only the lessons from that day', async () => {
    const res = await parent.get(`/api/diary/${s.diary.dmitrieva.id}/week?date=${testWeek}`);
    expect(res.statusCode).toBe(200);
    const week = diaryWeek.parse(res.json());
    expect(day(week, '2026-11-23').lessons).toEqual([]);
    expect(day(week, '2026-11-24').lessons.map((l) => l.subject)).toEqual(['Математика', 'Математика']);
  });

  it('marks a day off from the school calendar; a transferred Saturday rings the weekday bells', async () => {
    const saturday = await database.db
      .insertInto('lessons')
      .values({
        schoolId: s.schoolId,
        courseId: s.courses.math5,
        teacherId: s.people.ivanova.id,
        date: '2026-11-07',
        lessonNumber: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpDataVersion(database.db, s.schoolId);
    const res = await parent.get(`/api/diary/${s.diary.grigoriev.id}/week?date=2026-11-04`);
    const week = diaryWeek.parse(res.json());
    expect(day(week, '2026-11-04').dayOff).toBe('День народного единства');
    expect(day(week, '2026-11-07').dayOff).toBeNull();
    expect(day(week, '2026-11-07').lessons).toMatchObject([
      { lessonId: saturday.id, startsAt: '08:30', endsAt: '09:15' },
    ]);
  });

  it('lets only the family in: other child and other student 404, teacher 403, no session 401', async () => {
    const stranger = await signIn(app, s.diary.stranger.login);
    expect((await stranger.get(url)).statusCode).toBe(404);
    expect((await stranger.get(`/api/diary/${s.students.vasiliev}/week`)).statusCode).toBe(200);
    expect((await student.get(`/api/diary/${s.diary.dmitrieva.id}/week`)).statusCode).toBe(404);
    expect((await parent.get('/api/diary/999999/week')).statusCode).toBe(404);
    expect((await ivanova.get(url)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const bad = await parent.get(`/api/diary/${s.diary.grigoriev.id}/week?date=2026-13-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('«Дата»');
  });

  it('answers 304 to a matching ETag, and 200 with the new mark after a journal write', async () => {
    const first = await parent.get(url);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await parent.get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // No length of its own: a client waiting for 4 bytes of «null» would hang.
    expect(again.headers['content-length']).toBeUndefined();
    const saved = await ivanova.send('POST', '/api/journal/marks', {
      lessonId: s.lessons.mathRecent,
      studentId: s.diary.grigoriev.id,
      workKindId: s.workKinds.answer,
      value: '2',
      version: null,
    });
    expect(saved.statusCode).toBe(200);
    const after = await parent.get(url, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    const marks = day(diaryWeek.parse(after.json()), '2026-11-24').lessons[0]!.marks.map((m) => m.value);
    expect(marks).toEqual(['4', '2']);
  });

  it('serves a homework file of a lesson the student attends, else 404', async () => {
    const add = async (lessonId: number) =>
      (
        await database.db
          .insertInto('lessonFiles')
          .values({
            schoolId: s.schoolId,
            lessonId,
            name: 'Задание №1.pdf',
            mime: 'application/pdf',
            size: 3,
            content: Buffer.from('abc'),
            createdBy: s.people.petrov.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const mine = await add(s.diary.lessons.russianMonday);
    const other = await add(s.lessons.englishB2);
    // The lessons API audits an upload, which bumps the version; these rows were put in directly.
    await bumpDataVersion(database.db, s.schoolId);
    const res = await parent.get(`/api/diary/${s.diary.grigoriev.id}/files/${mine}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('abc');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const week = diaryWeek.parse((await parent.get(url)).json());
    expect(day(week, '2026-11-23').lessons[1]!.files).toEqual([
      { id: mine, name: 'Задание №1.pdf', size: 3 },
    ]);
    expect((await parent.get(`/api/diary/${s.diary.grigoriev.id}/files/${other}`)).statusCode).toBe(404);
    const stranger = await signIn(app, s.diary.stranger.login);
    expect((await stranger.get(`/api/diary/${s.diary.grigoriev.id}/files/${mine}`)).statusCode).toBe(404);
  });
});
