import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { maxLessonFileBytes } from '../../contract/lessons.ts';
import type { Database } from '../db/database.ts';
import { lessonsSchool } from './lessons.test-helpers.ts';

describe.each(engines())('lesson page routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof lessonsSchool>>;
  let teacher: Client;
  let second: Client;
  let substitute: Client;
  let other: Client;
  let classTeacher: Client;
  let deputy: Client;
  let parent: Client;

  const url = (id: number) => `/api/journal/lessons/${id}`;
  const audits = (entity: string, entityId: number) =>
    database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entity', '=', entity)
      .where('entityId', '=', String(entityId))
      .orderBy('id')
      .execute();
  const upload = (client: Client, lessonId: number, name: string, body: Buffer, type = 'application/pdf') =>
    client.send('POST', `${url(lessonId)}/files?name=${encodeURIComponent(name)}`, body, {
      'content-type': type,
    });

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await lessonsSchool(database.db);
    const p = s.people;
    teacher = await signIn(app, p.teacher.login);
    second = await signIn(app, p.second.login);
    substitute = await signIn(app, p.substitute.login);
    other = await signIn(app, p.other.login);
    classTeacher = await signIn(app, p.classTeacher.login);
    deputy = await signIn(app, p.deputy.login);
    parent = await signIn(app, p.parent.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('shows the page with the course teacher, no substitute, the КТП topics and canEdit', async () => {
    await database.db
      .insertInto('planItems')
      .values({ schoolId: s.schoolId, courseId: s.courseId, position: 1, topic: 'Сложение', hours: 1 })
      .execute();
    const res = await teacher.get(url(s.lessons.recent));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: s.lessons.recent,
      courseId: s.courseId,
      subject: 'Математика',
      group: '5А',
      teacher: 'Учителева И. И.',
      substitute: null,
      topic: null,
      planTopics: [{ position: 1, topic: 'Сложение', used: false }],
      files: [],
      canEdit: true,
      needsReason: false,
    });
  });

  it('saves the page: topic from the КТП item, stamps, fields left out unchanged, one audit event', async () => {
    const item = await database.db
      .insertInto('planItems')
      .values({ schoolId: s.schoolId, courseId: s.courseId, position: 2, topic: 'Вычитание', hours: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = await teacher.send('POST', url(s.lessons.recent), {
      planItemId: item.id,
      homework: 'Стр. 10,\u0007 №\u00001–5\r\n- повторить **правило**',
      lessonKind: 'Урок открытия нового знания',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      topic: 'Вычитание',
      planItemId: item.id,
      homework: 'Стр. 10, №1–5\n- повторить **правило**',
      lessonKind: 'Урок открытия нового знания',
    });
    const row = await database.db
      .selectFrom('lessons')
      .select(['topicEnteredAt', 'homeworkEnteredAt', 'plan'])
      .where('id', '=', s.lessons.recent)
      .executeTakeFirstOrThrow();
    expect(row.topicEnteredAt).not.toBeNull();
    expect(row.homeworkEnteredAt).not.toBeNull();

    const second = await teacher.send('POST', url(s.lessons.recent), { plan: 'Устный счёт' });
    expect(second.json()).toMatchObject({
      topic: 'Вычитание',
      plan: 'Устный счёт',
      homework: 'Стр. 10, №1–5\n- повторить **правило**',
    });
    const after = await database.db
      .selectFrom('lessons')
      .select(['topicEnteredAt', 'homeworkEnteredAt'])
      .where('id', '=', s.lessons.recent)
      .executeTakeFirstOrThrow();
    expect(after.topicEnteredAt).toBe(row.topicEnteredAt);
    expect(after.homeworkEnteredAt).toBe(row.homeworkEnteredAt);

    // Correcting the topic and homework later keeps the time they were first entered (timeliness).
    const corrected = await teacher.send('POST', url(s.lessons.recent), {
      topic: 'Вычитание в пределах 20',
      homework: 'Стр. 11, №1–3',
    });
    expect(corrected.statusCode).toBe(200);
    const again = await database.db
      .selectFrom('lessons')
      .select(['topicEnteredAt', 'homeworkEnteredAt'])
      .where('id', '=', s.lessons.recent)
      .executeTakeFirstOrThrow();
    expect(again).toEqual(after);

    const events = await audits('lesson', s.lessons.recent);
    expect(events.map((e) => e.action)).toEqual([
      'journal.lesson.update',
      'journal.lesson.update',
      'journal.lesson.update',
    ]);
    expect(JSON.parse(events[0]!.before!)).toEqual({
      topic: null,
      lessonKind: null,
      homework: null,
      planItemId: null,
    });
    expect(JSON.parse(events[1]!.after!)).toEqual({ plan: 'Устный счёт' });

    const taken = await teacher.get(url(s.lessons.tomorrow));
    expect(taken.json().planTopics.find((t: { id: number }) => t.id === item.id)).toMatchObject({
      used: true,
    });
  });

  it('keeps the due date; saving the same values again changes nothing and writes no event', async () => {
    const due = (await teacher.get(url(s.lessons.tomorrow))).json().date;
    const first = await teacher.send('POST', url(s.lessons.tomorrow), {
      homeworkDueOn: due,
      homework: 'Стр. 5',
    });
    expect(first.json()).toMatchObject({ homeworkDueOn: due, homework: 'Стр. 5' });
    const again = await teacher.send('POST', url(s.lessons.tomorrow), {
      homeworkDueOn: due,
      homework: 'Стр. 5 ',
    });
    expect(again.statusCode).toBe(200);
    expect((await audits('lesson', s.lessons.tomorrow)).length).toBe(1);
    const cleared = await teacher.send('POST', url(s.lessons.tomorrow), {
      homework: '',
      homeworkDueOn: null,
    });
    expect(cleared.json()).toMatchObject({ homework: null, homeworkDueOn: null });
    const row = await database.db
      .selectFrom('lessons')
      .select('homeworkEnteredAt')
      .where('id', '=', s.lessons.tomorrow)
      .executeTakeFirstOrThrow();
    expect(row.homeworkEnteredAt).toBeNull();
  });

  it('400: a due date before the lesson, a topic of another course, a control character — named in Russian or English', async () => {
    const due = await teacher.send('POST', url(s.lessons.recent), { homeworkDueOn: '2026-01-01' });
    expect(due.statusCode).toBe(400);
    expect(due.json().message).toContain('«Срок сдачи»');
    expect(due.json().fields.homeworkDueOn).toBe('Срок сдачи не может быть раньше дня урока.');
    const foreign = await database.db
      .selectFrom('planItems')
      .select('id')
      .where('courseId', '=', s.otherCourseId)
      .executeTakeFirstOrThrow();
    const item = await teacher.send(
      'POST',
      url(s.lessons.recent),
      { planItemId: foreign.id },
      { 'accept-language': 'en' },
    );
    expect(item.statusCode).toBe(400);
    expect(item.json().message).toContain('«Plan topic»');
    const topic = await teacher.send('POST', url(s.lessons.recent), { topic: 'a\u0001b' });
    expect(topic.statusCode).toBe(400);
    expect(topic.json().message).toContain('«Тема»');
    const unknown = await teacher.send('POST', url(s.lessons.recent), { colour: 'red' });
    expect(unknown.statusCode).toBe(400);
  });

  it('past the edit window a reason is needed; a closed period refuses with 409', async () => {
    const page = await teacher.get(url(s.lessons.old));
    expect(page.json()).toMatchObject({ needsReason: true, canEdit: true });
    const late = await teacher.send('POST', url(s.lessons.old), { topic: 'Повторение' });
    expect(late.statusCode).toBe(400);
    expect(late.json().fields.editReason).toBeDefined();
    const reasoned = await teacher.send('POST', url(s.lessons.old), {
      topic: 'Повторение',
      editReason: 'Забыла записать',
    });
    expect(reasoned.statusCode).toBe(200);
    const [event] = await audits('lesson', s.lessons.old);
    expect(JSON.parse(event!.after!)).toEqual({ topic: 'Повторение', editReason: 'Забыла записать' });

    expect((await teacher.get(url(s.lessons.closed))).json().canEdit).toBe(false);
    const closed = await teacher.send('POST', url(s.lessons.closed), {
      topic: 'Повторение',
      editReason: 'x',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().message).toContain('Период закрыт');
  });

  it('a substitute writes the substituted lesson only; readers 403; strangers 404; anonymous 401', async () => {
    const page = await substitute.get(url(s.lessons.substituted));
    expect(page.json()).toMatchObject({
      substitute: 'Заменова И. И.',
      teacher: 'Учителева И. И.',
      canEdit: true,
    });
    expect((await substitute.send('POST', url(s.lessons.substituted), { topic: 'Задачи' })).statusCode).toBe(
      200,
    );
    const notHers = await substitute.send('POST', url(s.lessons.tomorrow), { topic: 'Задачи' });
    expect(notHers.statusCode).toBe(403);
    expect((await substitute.get(url(s.lessons.tomorrow))).json().canEdit).toBe(false);
    expect(
      (await second.send('POST', url(s.lessons.substituted), { plan: 'Второй учитель' })).statusCode,
    ).toBe(200);
    for (const reader of [classTeacher, deputy]) {
      expect((await reader.get(url(s.lessons.recent))).statusCode).toBe(200);
      expect((await reader.send('POST', url(s.lessons.recent), { topic: 'Чужое' })).statusCode).toBe(403);
    }
    for (const stranger of [other, parent]) {
      expect((await stranger.get(url(s.lessons.recent))).statusCode).toBe(404);
      expect((await stranger.send('POST', url(s.lessons.recent), { topic: 'Чужое' })).statusCode).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url: url(s.lessons.recent) })).statusCode).toBe(401);
    expect((await teacher.get(url(999_999))).statusCode).toBe(404);
  });

  it('uploads a file with a Cyrillic name, serves it as an attachment, removes it softly', async () => {
    const bytes = Buffer.from('%PDF-1.4 задание');
    const res = await upload(teacher, s.lessons.recent, '../Задание №1 «дроби».pdf', bytes);
    expect(res.statusCode).toBe(201);
    const { file } = res.json();
    expect(file).toMatchObject({
      name: 'Задание №1 «дроби».pdf',
      size: bytes.length,
      mime: 'application/pdf',
    });
    expect((await teacher.get(url(s.lessons.recent))).json().files).toEqual([file]);

    const download = await classTeacher.get(`/api/journal/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="_______ _1 _______.pdf"; filename*=UTF-8''${encodeURIComponent('Задание №1 «дроби».pdf')}`,
    );
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect((await other.get(`/api/journal/files/${file.id}`)).statusCode).toBe(404);

    const html = await upload(
      teacher,
      s.lessons.recent,
      'page.html',
      Buffer.from('<script>alert(1)</script>'),
      'text/html',
    );
    expect(html.json().file.mime).toBe('application/octet-stream');
    const served = await teacher.get(`/api/journal/files/${html.json().file.id}`);
    expect(served.headers['content-type']).toBe('application/octet-stream');

    expect((await classTeacher.send('POST', `/api/journal/files/${file.id}/remove`)).statusCode).toBe(403);
    const removed = await teacher.send('POST', `/api/journal/files/${file.id}/remove`);
    expect(removed.statusCode).toBe(200);
    expect((await teacher.get(`/api/journal/files/${file.id}`)).statusCode).toBe(404);
    expect((await teacher.get(url(s.lessons.recent))).json().files.map((f: { id: number }) => f.id)).toEqual([
      html.json().file.id,
    ]);
    const row = await database.db
      .selectFrom('lessonFiles')
      .select('deletedAt')
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(row.deletedAt).not.toBeNull();
    expect((await audits('lessonFile', file.id)).map((e) => e.action)).toEqual([
      'journal.lesson_file.add',
      'journal.lesson_file.remove',
    ]);
  });

  it('413 with a clear message for a file over the limit; nothing stored; readers and closed periods refused', async () => {
    const big = Buffer.alloc(maxLessonFileBytes + 1, 1);
    const res = await upload(teacher, s.lessons.recent, 'big.bin', big, 'application/octet-stream');
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('Файл больше 10 МБ: прикрепите файл поменьше или дайте на него ссылку.');
    const count = await database.db
      .selectFrom('lessonFiles')
      .select('id')
      .where('name', '=', 'big.bin')
      .execute();
    expect(count).toEqual([]);
    expect((await upload(deputy, s.lessons.recent, 'a.pdf', Buffer.from('x'))).statusCode).toBe(403);
    expect((await upload(teacher, s.lessons.closed, 'a.pdf', Buffer.from('x'))).statusCode).toBe(409);
    expect(
      (await upload(substitute, s.lessons.substituted, 'a.txt', Buffer.from('x'), 'text/plain')).statusCode,
    ).toBe(201);
    const noName = await teacher.send('POST', `${url(s.lessons.recent)}/files`, Buffer.from('x'), {
      'content-type': 'application/pdf',
    });
    expect(noName.statusCode).toBe(400);
  });
});
