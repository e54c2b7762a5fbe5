import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import {
  buildClass,
  buildCourse,
  buildDistrict,
  buildPerson,
  buildSchool,
  enroll,
  linkGuardian,
} from '../../../test/factories.ts';
import type { Role } from '../../domain/roles.ts';
import type { Database } from '../db/database.ts';
import { buildProfile } from './people.test-helpers.ts';

/**
 * The role × relationship matrix: each actor, with or without a relationship to student S of
 * class 5А, tries to see S's card, edit it, and list the class. 404 outside scope, 403 visible
 * but not allowed. Rows are [actor, view, edit, class list (null = its status is 404)].
 */
const matrix: [string, number, number, string[] | null][] = [
  ['admin', 200, 200, ['S', 'T']],
  ['director', 200, 403, ['S', 'T']],
  ['deputy', 200, 403, ['S', 'T']],
  ['class teacher of 5А', 200, 200, ['S', 'T']],
  ['teacher of a 5А course', 200, 403, ['S', 'T']],
  ['teacher of S’s subgroup only', 200, 403, ['S']],
  ['teacher without relation', 404, 404, []],
  ['former class teacher (S moved out)', 404, 404, []],
  ['former teacher of S’s old subgroup', 404, 404, []],
  ['parent of S', 200, 403, null],
  ['parent of another child', 404, 404, null],
  ['student S', 200, 403, null],
  ['student T (classmate)', 404, 404, null],
  ['district of the school', 404, 404, []],
  ['district elsewhere', 404, 404, null],
  ['admin of another school', 404, 404, null],
];

/**
 * What of S's card each actor sees (personal: everything; family: contacts, no personal file;
 * names: names only; null: no card) and the status of «Мой класс» of 5А.
 */
const personalData: [string, 'personal' | 'family' | 'names' | null, number][] = [
  ['admin', 'personal', 200],
  ['director', 'personal', 200],
  ['deputy', 'personal', 200],
  ['class teacher of 5А', 'personal', 200],
  ['teacher of a 5А course', 'names', 403],
  ['teacher of S’s subgroup only', 'names', 403],
  ['teacher without relation', null, 403],
  ['former class teacher (S moved out)', null, 403],
  ['former teacher of S’s old subgroup', null, 403],
  ['parent of S', 'family', 404],
  ['parent of another child', null, 404],
  ['student S', 'family', 404],
  ['student T (classmate)', null, 404],
  ['district of the school', null, 403],
  ['district elsewhere', null, 404],
  ['admin of another school', null, 404],
];

describe.each(engines())('access matrix on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const logins = new Map<string, string>();
  const ids = new Map<string, number>();
  let studentS = 0;
  let studentT = 0;
  let classId = 0;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    const db = database.db;
    const districtId = await buildDistrict(db);
    const otherDistrictId = await buildDistrict(db);
    const { schoolId, yearId } = await buildSchool(db, { districtId });
    const other = await buildSchool(db);
    const person = async (
      label: string,
      roles: Role[],
      o: { schoolId?: number | null; districtId?: number } = {},
    ) => {
      const p = await buildPerson(db, {
        schoolId: o.schoolId === undefined ? schoolId : o.schoolId,
        roles,
        districtId: o.districtId,
      });
      logins.set(label, p.login);
      ids.set(label, p.id);
      return p.id;
    };
    await person('admin', ['admin']);
    await person('director', ['director']);
    await person('deputy', ['deputy']);
    const classTeacher = await person('class teacher of 5А', ['teacher']);
    const courseTeacher = await person('teacher of a 5А course', ['teacher']);
    const subgroupTeacher = await person('teacher of S’s subgroup only', ['teacher']);
    await person('teacher without relation', ['teacher']);
    const formerClassTeacher = await person('former class teacher (S moved out)', ['teacher']);
    const formerTeacher = await person('former teacher of S’s old subgroup', ['teacher']);
    const parentS = await person('parent of S', ['parent']);
    const parentOther = await person('parent of another child', ['parent']);
    studentS = await person('student S', ['student']);
    studentT = await person('student T (classmate)', ['student']);
    await person('district of the school', ['district'], { schoolId: null, districtId });
    await person('district elsewhere', ['district'], { schoolId: null, districtId: otherDistrictId });
    await person('admin of another school', ['admin'], { schoolId: other.schoolId });
    const otherChild = await buildPerson(db, { schoolId, roles: ['student'], account: false });

    const cls = await buildClass(db, { schoolId, yearId, classTeacherId: classTeacher });
    classId = cls.classId;
    for (const s of [studentS, studentT]) await enroll(db, { schoolId, groupId: cls.groupId, studentId: s });
    await buildCourse(db, { schoolId, yearId, groupId: cls.groupId, teacherId: courseTeacher });
    const sub = await db
      .insertInto('groups')
      .values({
        schoolId,
        academicYearId: yearId,
        classId: cls.classId,
        kind: 'subgroup',
        name: '5А Английский язык, гр. 1',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enroll(db, { schoolId, groupId: sub.id, studentId: studentS });
    await buildCourse(db, { schoolId, yearId, groupId: sub.id, teacherId: subgroupTeacher });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const old = await buildClass(db, { schoolId, yearId, letter: 'Б', classTeacherId: formerClassTeacher });
    await enroll(db, {
      schoolId,
      groupId: old.groupId,
      studentId: studentS,
      startsOn: '2025-09-01',
      endsOn: yesterday,
    });
    const oldSub = await db
      .insertInto('groups')
      .values({
        schoolId,
        academicYearId: yearId,
        classId: cls.classId,
        kind: 'subgroup',
        name: '5А Английский язык, гр. 2',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enroll(db, {
      schoolId,
      groupId: oldSub.id,
      studentId: studentS,
      startsOn: '2025-09-01',
      endsOn: yesterday,
    });
    await buildCourse(db, { schoolId, yearId, groupId: oldSub.id, teacherId: formerTeacher });
    await linkGuardian(db, { schoolId, guardianId: parentS, studentId: studentS });
    await buildProfile(db, { schoolId, studentId: studentS, fileNumber: 'S-1' });
    await db
      .updateTable('persons')
      .set({ birthDate: '2015-01-02', address: 'ул. Мира, 1' })
      .where('id', '=', studentS)
      .execute();
    await linkGuardian(db, { schoolId, guardianId: parentOther, studentId: otherChild.id });
  });
  const countViews = async () =>
    Number(
      (
        await database.db
          .selectFrom('cardViews')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('studentId', '=', studentS)
          .where('guardianId', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it.each(matrix)('%s: view %i, edit %i, class list %j', async (label, view, edit, list) => {
    const client = await signIn(app, logins.get(label)!);
    const card = await client.get(`/api/students/${studentS}`);
    expect(card.statusCode).toBe(view);
    if (view === 200) expect(card.json().can.edit).toBe(edit === 200);

    const phone = `+7 900 ${String(matrix.findIndex((m) => m[0] === label)).padStart(3, '0')}-00-00`;
    const patch = await client.send('PATCH', `/api/students/${studentS}`, { phone });
    expect(patch.statusCode).toBe(edit);
    expect(patch.json().error ?? 'ok').toBe({ 200: 'ok', 403: 'forbidden', 404: 'not_found' }[edit]);
    const events = await database.db
      .selectFrom('auditEvents')
      .select(['actorId', 'after'])
      .where('action', '=', 'student.updated')
      .where('entityId', '=', String(studentS))
      .where('after', 'like', `%${phone}%`)
      .execute();
    expect(events.length).toBe(edit === 200 ? 1 : 0);
    if (edit === 200) {
      expect(events[0]!.actorId).toBe(ids.get(label));
      expect(JSON.parse(events[0]!.after!)).toEqual({ phone });
    }

    const students = await client.get(`/api/classes/${classId}/students`);
    if (list === null) {
      expect(students.statusCode).toBe(404);
    } else {
      expect(students.statusCode).toBe(200);
      const ids = students.json().students.map((s: { id: number }) => s.id);
      const expected = list.map((l) => (l === 'S' ? studentS : studentT));
      expect([...ids].sort()).toEqual([...expected].sort());
    }
  });

  it.each(personalData)(
    '%s sees S’s card as %s, «Мой класс» %i; each view is logged',
    async (label, level, roster) => {
      const client = await signIn(app, logins.get(label)!);
      const viewsBefore = await countViews();
      const card = await client.get(`/api/students/${studentS}`);
      if (level === null) {
        expect(card.statusCode).toBe(404);
        expect(await countViews()).toBe(viewsBefore);
      } else {
        const body = card.json();
        expect(body.birthDate).toBe(level === 'names' ? null : '2015-01-02');
        expect(body.address).toBe(level === 'personal' ? 'ул. Мира, 1' : null);
        expect(body.file?.fileNumber ?? null).toBe(level === 'personal' ? 'S-1' : null);
        expect(body.guardians.length).toBe(level === 'names' ? 0 : 1);
        expect(body.can.personal).toBe(level === 'personal');
        const views = await database.db
          .selectFrom('cardViews')
          .select('viewerId')
          .where('studentId', '=', studentS)
          .where('guardianId', 'is', null)
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        expect(await countViews()).toBe(viewsBefore + 1);
        expect(views.viewerId).toBe(ids.get(label));
      }
      const beforeRoster = await countViews();
      const res = await client.get(`/api/classes/${classId}/roster`);
      expect(res.statusCode).toBe(roster);
      if (roster !== 200) expect(res.json().students).toBeUndefined();
      expect(await countViews()).toBe(beforeRoster + (roster === 200 ? 1 : 0));
    },
  );

  it('rejects a bad id and bad contacts with 400 naming the field, storing nothing', async () => {
    const admin = await signIn(app, logins.get('admin')!);
    expect((await admin.get('/api/students/abc')).json().fields).toHaveProperty('id');
    expect((await admin.get('/api/students/0')).json().fields).toEqual({ id: 'Больше 0.' });
    const bad = await admin.send('PATCH', `/api/students/${studentS}`, {
      email: 'not-an-email',
      phone: '12',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['email']);
    const row = await database.db
      .selectFrom('persons')
      .select('email')
      .where('id', '=', studentS)
      .executeTakeFirstOrThrow();
    expect(row.email).toBeNull();
  });
});
