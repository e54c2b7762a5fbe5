import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import { journalGrid } from '../../contract/journal.ts';
import type { Database } from '../db/database.ts';
import { closePeriod, journalSchool, reopenPeriod } from './journal.test-helpers.ts';

describe.each(engines())('journal routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof journalSchool>>;
  let ivanova: Client;
  let petrov: Client;
  let deputy: Client;

  const markCount = async () =>
    (await database.db.selectFrom('marks').select('id').where('schoolId', '=', s.schoolId).execute()).length;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await journalSchool(database.db);
    ivanova = await signIn(app, s.people.ivanova.login);
    petrov = await signIn(app, s.people.petrov.login);
    deputy = await signIn(app, s.people.deputy.login);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('serves the list and the grid to those who may see them', async () => {
    const list = await ivanova.get('/api/journal/courses');
    expect(list.statusCode).toBe(200);
    expect(list.json().courses.map((c: { group: string }) => c.group)).toEqual(['5А', '6Б']);
    const grid = await petrov.get(`/api/journal/courses/${s.courses.math5}?periodId=${s.periods.q2}`);
    expect(grid.statusCode).toBe(200);
    expect(grid.json()).toMatchObject({ course: { access: 'classTeacher' }, period: { name: '2 четверть' } });
    expect((await deputy.get(`/api/journal/courses/${s.courses.math5}?periodId=abc`)).statusCode).toBe(400);
    expect((await ivanova.get('/api/journal/courses/999999')).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/journal/courses' })).statusCode).toBe(401);
    const parent = await signIn(app, s.people.parent.login);
    expect((await parent.get('/api/journal/courses')).statusCode).toBe(403);
    expect((await parent.get(`/api/journal/courses/${s.courses.math5}`)).statusCode).toBe(404);
  });

  it('saves a mark; a second save on the old version gets 409 with the current cell', async () => {
    const cell = {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.alekseev,
      workKindId: s.workKinds.answer,
    };
    const first = await ivanova.send('POST', '/api/journal/marks', { ...cell, value: '5', version: null });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ cell: { ...cell, value: '5', comment: null, version: 1 } });
    const before = await markCount();
    const stale = await ivanova.send('POST', '/api/journal/marks', { ...cell, value: '4', version: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: 'conflict',
      message: 'Эту ячейку уже изменили: сейчас в ней «5». Проверьте и сохраните ещё раз.',
      current: { ...cell, value: '5', version: 1 },
    });
    expect(await markCount()).toBe(before);
    const changed = await ivanova.send('POST', '/api/journal/marks', { ...cell, value: '4', version: 1 });
    expect(changed.statusCode).toBe(200);
    // Each change is audited with who made it, from → to, and where from: the request's address
    // (in-process requests come from 127.0.0.1) and id; the refused save left no event.
    const mark = await database.db
      .selectFrom('marks')
      .select('id')
      .where('lessonId', '=', cell.lessonId)
      .where('studentId', '=', cell.studentId)
      .where('workKindId', '=', cell.workKindId)
      .executeTakeFirstOrThrow();
    const events = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorId', 'actorKind', 'before', 'after', 'ip', 'requestId'])
      .where('entity', '=', 'mark')
      .where('entityId', '=', String(mark.id))
      .orderBy('id')
      .execute();
    expect(
      events.map((e) => ({
        action: e.action,
        actorId: e.actorId,
        actorKind: e.actorKind,
        from: JSON.parse(e.before ?? 'null')?.value ?? null,
        to: JSON.parse(e.after ?? 'null')?.value ?? null,
        ip: e.ip,
        requestId: e.requestId,
      })),
    ).toEqual([
      {
        action: 'journal.mark.set',
        actorId: s.people.ivanova.id,
        actorKind: 'person',
        from: null,
        to: '5',
        ip: '127.0.0.1',
        requestId: first.headers['x-request-id'],
      },
      {
        action: 'journal.mark.set',
        actorId: s.people.ivanova.id,
        actorKind: 'person',
        from: '5',
        to: '4',
        ip: '127.0.0.1',
        requestId: changed.headers['x-request-id'],
      },
    ]);
  });

  it('400 names the field: what may be typed, the reason for a late change (ru and en)', async () => {
    const cell = {
      lessonId: s.lessons.mathOld,
      studentId: s.students.borisova,
      workKindId: s.workKinds.answer,
    };
    const bad = await ivanova.send('POST', '/api/journal/marks', { ...cell, value: 'отл', version: null });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('«Отметка»');
    expect(bad.json().fields.value).toBe(
      'Такой отметки нет. Можно ввести: 5, 4, 3, 2, 1, 5-, 4+, 4-, зач, незач, «.».',
    );
    const junk = await ivanova.send('POST', '/api/journal/marks', {
      ...cell,
      value: '5',
      version: 'x',
      extra: 1,
    });
    expect(junk.statusCode).toBe(400);
    expect(Object.keys(junk.json().fields).sort()).toEqual(['extra', 'version']);
    await database.db
      .updateTable('schools')
      .set({ settings: JSON.stringify({ editWindowDays: 0 }) })
      .where('id', '=', s.schoolId)
      .execute();
    try {
      const ru = await ivanova.send('POST', '/api/journal/marks', { ...cell, value: '5', version: null });
      expect(ru.statusCode).toBe(400);
      expect(ru.json().message).toContain('«Причина исправления»');
      expect(ru.json().fields.editReason).toBe(
        'Прошло больше 0 дн. после урока: укажите причину исправления.',
      );
      const en = await ivanova.send(
        'POST',
        '/api/journal/marks',
        { ...cell, value: '5', version: null },
        { 'accept-language': 'en' },
      );
      expect(en.json().message).toContain('«Reason for the correction»');
      const withReason = await ivanova.send('POST', '/api/journal/marks', {
        ...cell,
        value: '5',
        version: null,
        editReason: 'Болел, пересдал',
      });
      expect(withReason.statusCode).toBe(200);
    } finally {
      await database.db
        .updateTable('schools')
        .set({ settings: JSON.stringify({ editWindowDays: 365 }) })
        .where('id', '=', s.schoolId)
        .execute();
    }
  });

  it('403 for a reader, 404 for an unknown lesson, 409 in a closed period', async () => {
    const cell = {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.vasiliev,
      workKindId: s.workKinds.answer,
    };
    expect(
      (await petrov.send('POST', '/api/journal/marks', { ...cell, value: '5', version: null })).statusCode,
    ).toBe(403);
    expect(
      (
        await deputy.send('POST', '/api/journal/attendance', {
          ...cell,
          workKindId: undefined,
          value: 'absent',
          version: null,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await ivanova.send('POST', '/api/journal/marks', {
          ...cell,
          lessonId: 999_999,
          value: '5',
          version: null,
        })
      ).statusCode,
    ).toBe(404);
    const closure = await closePeriod(
      database.db,
      s.schoolId,
      s.periods.q2,
      s.classes.c5.classId,
      s.people.deputy.id,
    );
    const closed = await ivanova.send('POST', '/api/journal/marks', { ...cell, value: '5', version: null });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().message).toContain('Период закрыт');
    const grid = await ivanova.get(`/api/journal/courses/${s.courses.math5}?periodId=${s.periods.q2}`);
    expect(grid.json()).toMatchObject({ period: { closed: true }, canSetPeriodMarks: false });
    await reopenPeriod(database.db, closure, s.people.deputy.id);
  });

  it('saves an attendance column and tells the history of a cell', async () => {
    const res = await ivanova.send('POST', `/api/journal/lessons/${s.lessons.mathOld}/attendance`, {
      entries: [{ studentId: s.students.vasiliev, value: 'absent', reason: 'illness', version: null }],
    });
    expect(res.statusCode).toBe(200);
    // The grid is written without zod: exactly the contract's fields, nothing to strip, none missing.
    const grids = await Promise.all(
      [s.periods.q1, s.periods.q2].map(async (p) =>
        (await ivanova.get(`/api/journal/courses/${s.courses.math5}?periodId=${p}`)).json(),
      ),
    );
    expect(grids.flatMap((g) => g.marks).length).toBeGreaterThan(0);
    expect(grids.flatMap((g) => g.attendance).length).toBeGreaterThan(0);
    for (const grid of grids) expect(grid).toStrictEqual(journalGrid.parse(grid));
    expect(res.json().cells).toEqual([
      {
        lessonId: s.lessons.mathOld,
        studentId: s.students.vasiliev,
        value: 'absent',
        reason: 'illness',
        version: 1,
      },
    ]);
    const history = await deputy.get(
      `/api/journal/history?kind=attendance&studentId=${s.students.vasiliev}&lessonId=${s.lessons.mathOld}`,
    );
    expect(history.statusCode).toBe(200);
    expect(history.json().events).toEqual([
      expect.objectContaining({
        actor: 'Иванова Иван Иванович',
        from: null,
        to: 'б',
        action: 'journal.attendance.set',
      }),
    ]);
    const missing = await deputy.get(`/api/journal/history?kind=mark&studentId=${s.students.vasiliev}`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('«Урок»');
    const column = await ivanova.send('POST', `/api/journal/lessons/${s.lessons.mathOld}/columns`, {
      workKindId: s.workKinds.test,
    });
    expect(column.json()).toEqual({ columns: [s.workKinds.answer, s.workKinds.test] });
  });

  it('401 without a session on writes; 404 for a teacher of another school', async () => {
    const body = {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.alekseev,
      workKindId: s.workKinds.answer,
      value: '5',
      version: null,
    };
    const anon = await app.inject({ method: 'POST', url: '/api/journal/marks', payload: body });
    expect(anon.statusCode).toBe(401);
    const other = await buildSchool(database.db);
    const stranger = await buildPerson(database.db, {
      schoolId: other.schoolId,
      roles: ['teacher', 'deputy'],
    });
    const client = await signIn(app, stranger.login);
    const before = await markCount();
    expect((await client.get(`/api/journal/courses/${s.courses.math5}`)).statusCode).toBe(404);
    expect((await client.get(`/api/journal/courses?classId=${s.classes.c5.classId}`)).statusCode).toBe(404);
    expect((await client.send('POST', '/api/journal/marks', body)).statusCode).toBe(404);
    expect(
      (
        await client.get(
          `/api/journal/history?kind=mark&studentId=${s.students.alekseev}&lessonId=${s.lessons.mathRecent}&workKindId=${s.workKinds.answer}`,
        )
      ).statusCode,
    ).toBe(404);
    expect(await markCount()).toBe(before);
  });

  it('prints how long the grid and a mark save take (not asserted)', async () => {
    const url = `/api/journal/courses/${s.courses.math5}?periodId=${s.periods.q2}`;
    const times = async (run: () => Promise<unknown>, n = 40) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await run();
        out.push(performance.now() - t);
      }
      out.sort((a, b) => a - b);
      return `median ${out[n >> 1]!.toFixed(2)} ms, p95 ${out[Math.floor(n * 0.95)]!.toFixed(2)} ms`;
    };
    const grid = await times(() => ivanova.get(url));
    let version: number | null = null;
    const cell = {
      lessonId: s.lessons.mathRecent,
      studentId: s.students.borisova,
      workKindId: s.workKinds.test,
    };
    const save = await times(async () => {
      const res = await ivanova.send('POST', '/api/journal/marks', {
        ...cell,
        value: version === null || version % 2 ? '4' : '5',
        version,
      });
      version = res.json().cell.version;
    });
    console.info(`[${engine.name}] grid over HTTP (3 students × 2 lessons): ${grid}; mark save: ${save}`);
  });
});
