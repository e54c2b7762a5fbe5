import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildDistrict, buildPerson } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { buildStructureSchool, historyOf } from './structure.test-helpers.ts';

describe.each(engines())('structure routes on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof buildStructureSchool>>;
  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await buildStructureSchool(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers 401 without a session', async () => {
    for (const url of ['/api/structure', `/api/classes/${s.a.classId}/subgroups`])
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('lets the administrator add a class, naming bad fields in Russian and English', async () => {
    const admin = await signIn(app, s.admin.login);
    const bad = await admin.send('POST', '/api/structure/classes', {
      grade: 12,
      letter: 'a',
      classTeacherId: null,
      daysPerWeek: 7,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('Проверьте поля: «Параллель», «Литера», «Дней в неделю».');
    expect(bad.json().fields).toMatchObject({ grade: 'Не больше 11.', letter: 'Неверный формат.' });
    const en = await admin.send(
      'POST',
      '/api/structure/classes',
      { grade: 5, letter: 'А', classTeacherId: null, daysPerWeek: 5 },
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(409);
    expect(en.json()).toMatchObject({
      message: 'Please check the fields: «Letter».',
      fields: { letter: 'This class already exists in this academic year.' },
    });
    const made = await admin.send('POST', '/api/structure/classes', {
      grade: 6,
      letter: 'Б',
      classTeacherId: s.teacherA.id,
      daysPerWeek: 6,
    });
    expect(made.statusCode).toBe(201);
    const overview = (await admin.get('/api/structure')).json();
    expect(overview.can).toEqual({ manage: true });
    const sixB = overview.classes.find((c: { name: string }) => c.name === '6Б');
    expect(sixB).toMatchObject({ daysPerWeek: 6, studentCount: 0, classTeacher: 'Орлова Иван Иванович' });
    expect(overview.classes.find((c: { name: string }) => c.name === '5А').studentCount).toBe(3);
    const archived = await admin.send('POST', `/api/structure/classes/${made.json().id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(
      (await admin.get('/api/structure')).json().classes.find((c: { name: string }) => c.name === '6Б')
        .archived,
    ).toBe(true);
  });

  it('refuses a course taught by a non-teacher, naming the field, and stores nothing', async () => {
    const admin = await signIn(app, s.admin.login);
    const count = async () =>
      (await database.db.selectFrom('courses').select('id').where('schoolId', '=', s.schoolId).execute())
        .length;
    const before = await count();
    const res = await admin.send('POST', '/api/structure/courses', {
      subjectId: s.english,
      groupId: s.a.groupId,
      teacherId: s.parent.id,
      secondTeacherId: null,
      hoursPerWeek: 2,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual({ teacherId: 'Этот человек не учитель школы.' });
    expect(await count()).toBe(before);
  });

  it('keeps the structure for the administrator: teachers, directors and parents cannot change it', async () => {
    const body = { subjectName: 'Астрономия', shortName: 'Астр', sortOrder: 50 };
    for (const who of [s.teacherA, s.director]) {
      const client = await signIn(app, who.login);
      expect((await client.send('POST', '/api/structure/subjects', body)).statusCode).toBe(403);
    }
    const parent = await signIn(app, s.parent.login);
    expect((await parent.get('/api/structure')).statusCode).toBe(403);
    const teacher = await signIn(app, s.teacherA.login);
    expect((await teacher.get('/api/structure')).json().can).toEqual({ manage: false });
    const other = await buildStructureSchool(database.db);
    const admin = await signIn(app, s.admin.login);
    expect((await admin.send('POST', `/api/structure/subjects/${other.english}`, body)).statusCode).toBe(404);
  });

  it('shows the class teacher own subgroups, and not another class’s (403)', async () => {
    const teacher = await signIn(app, s.teacherA.login);
    const own = await teacher.get(`/api/classes/${s.a.classId}/subgroups?on=2026-10-01`);
    expect(own.statusCode).toBe(200);
    expect(own.json().subjects).toEqual([
      {
        subjectId: s.english,
        subject: 'Английский язык',
        groups: [
          expect.objectContaining({
            name: '1 группа',
            members: [expect.objectContaining({ name: 'Абрамов Иван Иванович' }), expect.anything()],
          }),
          expect.objectContaining({
            name: '2 группа',
            members: [expect.objectContaining({ name: 'Волков Иван Иванович' })],
          }),
        ],
      },
    ]);
    expect((await teacher.get(`/api/classes/${s.b.classId}/subgroups`)).statusCode).toBe(403);
    expect((await teacher.get('/api/classes/999999/subgroups')).statusCode).toBe(404);
    for (const who of [s.subjectTeacher, s.director, s.parent]) {
      const client = await signIn(app, who.login);
      const res = await client.get(`/api/classes/${s.a.classId}/subgroups`);
      expect(res.statusCode).toBe(who === s.parent ? 404 : 403);
    }
    const admin = await signIn(app, s.admin.login);
    expect((await admin.get(`/api/classes/${s.b.classId}/subgroups`)).statusCode).toBe(200);
  });

  it('moves a student between subgroups; the class teacher of 5А cannot move students of 5Б', async () => {
    const teacher = await signIn(app, s.teacherA.login);
    const [b1, b2] = s.subgroupsB as [number, number];
    const studentB = s.studentsB[0] ?? -1;
    const refused = await teacher.send('POST', `/api/groups/${b1}/moves`, {
      studentId: studentB,
      toGroupId: b2,
      moveDate: '2026-11-16',
    });
    expect(refused.statusCode).toBe(403);
    expect(await historyOf(database.db, studentB, [b1, b2])).toHaveLength(1);
    for (const who of [s.subjectTeacher, s.parent]) {
      const client = await signIn(app, who.login);
      const res = await client.send('POST', `/api/groups/${s.subgroupsA[0]}/moves`, {
        studentId: s.studentsA[1],
        toGroupId: s.subgroupsA[1],
        moveDate: '2026-11-16',
      });
      expect(res.statusCode).toBe(who === s.parent ? 404 : 403);
    }

    const [a1, a2] = s.subgroupsA as [number, number];
    const student = s.studentsA[1] ?? -1;
    const early = await teacher.send('POST', `/api/groups/${a1}/moves`, {
      studentId: student,
      toGroupId: a2,
      moveDate: '2026-05-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields).toEqual({ moveDate: 'Дата перевода вне учебного года группы.' });
    const badDate = await teacher.send(
      'POST',
      `/api/groups/${a1}/moves`,
      { studentId: student, toGroupId: a2, moveDate: '16.11.2026' },
      { 'accept-language': 'en' },
    );
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toBe('Please check the fields: «Move date».');
    const moved = await teacher.send('POST', `/api/groups/${a1}/moves`, {
      studentId: student,
      toGroupId: a2,
      moveDate: '2026-11-16',
    });
    expect(moved.statusCode).toBe(200);
    const after = (await teacher.get(`/api/classes/${s.a.classId}/subgroups?on=2026-11-16`)).json();
    const names = after.subjects[0].groups.map((g: { members: { id: number }[] }) =>
      g.members.map((m) => m.id),
    );
    expect(names[1]).toContain(student);
    const earlier = (await teacher.get(`/api/classes/${s.a.classId}/subgroups?on=2026-11-15`)).json();
    expect(earlier.subjects[0].groups[0].members.map((m: { id: number }) => m.id)).toContain(student);
    expect(
      (
        await teacher.send('POST', '/api/groups/999999/moves', {
          studentId: student,
          toGroupId: a2,
          moveDate: '2026-11-16',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('lets the administrator form a cross-class group of students from both classes', async () => {
    const admin = await signIn(app, s.admin.login);
    const body = {
      groupName: 'Факультатив «Робототехника»',
      subjectId: s.english,
      teacherId: s.subjectTeacher.id,
      hoursPerWeek: 1,
      studentIds: [s.studentsA[0], s.studentsB[0]],
      startsOn: '2026-09-01',
    };
    const res = await admin.send('POST', '/api/structure/cross-groups', body);
    expect(res.statusCode).toBe(201);
    const members = await database.db
      .selectFrom('groupMemberships')
      .select('studentId')
      .where('groupId', '=', res.json().id)
      .execute();
    expect(members.map((m) => m.studentId).sort()).toEqual([s.studentsA[0], s.studentsB[0]].sort());
    const teacher = await signIn(app, s.teacherA.login);
    const refused = await teacher.send('POST', '/api/structure/cross-groups', {
      ...body,
      groupName: 'Другая',
    });
    expect(refused.statusCode).toBe(403);
    const second = await admin.send('POST', '/api/structure/cross-groups', {
      ...body,
      groupName: 'Факультатив, гр. 2',
      studentIds: [],
    });
    const moved = await admin.send('POST', `/api/groups/${res.json().id}/moves`, {
      studentId: s.studentsB[0],
      toGroupId: second.json().id,
      moveDate: '2026-10-01',
    });
    expect(moved.statusCode).toBe(200);
    const list = (await admin.get('/api/structure/cross-groups?on=2026-10-01')).json();
    const groups = list.subjects[0].groups.map((g: { name: string; members: unknown[] }) => [
      g.name,
      g.members.length,
    ]);
    expect(groups).toEqual([
      ['Факультатив «Робототехника»', 1],
      ['Факультатив, гр. 2', 1],
    ]);
    expect((await teacher.get('/api/structure/cross-groups')).statusCode).toBe(403);
    const teacherMove = await teacher.send('POST', `/api/groups/${second.json().id}/moves`, {
      studentId: s.studentsB[0],
      toGroupId: res.json().id,
      moveDate: '2026-10-05',
    });
    expect(teacherMove.statusCode).toBe(403);
    const notStudent = await admin.send('POST', '/api/structure/cross-groups', {
      groupName: 'Элективный курс',
      subjectId: s.english,
      teacherId: s.subjectTeacher.id,
      hoursPerWeek: 1,
      studentIds: [s.parent.id],
    });
    expect(notStudent.statusCode).toBe(400);
    expect(notStudent.json().fields).toEqual({ studentIds: 'Это не обучающийся школы.' });
  });

  it('shows the district a school of its district read-only, and no other school', async () => {
    const districtId = await buildDistrict(database.db);
    await database.db.updateTable('schools').set({ districtId }).where('id', '=', s.schoolId).execute();
    const inspector = await buildPerson(database.db, { schoolId: null, districtId, roles: ['district'] });
    const client = await signIn(app, inspector.login);
    const res = await client.get(`/api/structure?schoolId=${s.schoolId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().can).toEqual({ manage: false });
    expect(res.json().classes.map((c: { name: string }) => c.name)).toContain('5Б');
    const other = await buildStructureSchool(database.db);
    expect((await client.get(`/api/structure?schoolId=${other.schoolId}`)).statusCode).toBe(404);
    expect((await client.get('/api/structure')).statusCode).toBe(403);
    expect(
      (
        await client.send('POST', '/api/structure/subjects', {
          subjectName: 'Химия',
          shortName: 'Хим',
          sortOrder: 1,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('answers the subgroups of 5А by role and relationship (matrix)', async () => {
    const m = await buildStructureSchool(database.db);
    const deputy = await buildPerson(database.db, { schoolId: m.schoolId, roles: ['deputy', 'teacher'] });
    const student = await buildPerson(database.db, { schoolId: m.schoolId, roles: ['student'] });
    const stranger = await buildStructureSchool(database.db);
    const expected: [string, string, number][] = [
      ['administrator', m.admin.login, 200],
      ['class teacher of 5А', m.teacherA.login, 200],
      ['class teacher of 5Б', m.teacherB.login, 403],
      ['subject teacher of the subgroups', m.subjectTeacher.login, 403],
      ['director', m.director.login, 403],
      ['deputy', deputy.login, 403],
      ['parent of a 5А student', m.parent.login, 404],
      ['student', student.login, 404],
      ['administrator of another school', stranger.admin.login, 404],
    ];
    const [from, to] = m.subgroupsA as [number, number];
    let moved = false;
    for (const [who, login, status] of expected) {
      const client = await signIn(app, login);
      expect((await client.get(`/api/classes/${m.a.classId}/subgroups`)).statusCode, who).toBe(status);
      const move = await client.send('POST', `/api/groups/${from}/moves`, {
        studentId: m.studentsA[1],
        toGroupId: to,
        moveDate: '2026-12-01',
      });
      // An allowed move is made once: the next allowed actor finds the student already moved (400).
      expect(move.statusCode, who).toBe(status === 200 && moved ? 400 : status);
      if (status === 200) moved = true;
    }
    expect(await historyOf(database.db, m.studentsA[1] ?? -1, [from, to])).toHaveLength(2);
  });
});
