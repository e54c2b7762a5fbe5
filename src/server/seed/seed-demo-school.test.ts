import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { parseSchoolSettings } from '../../contract/settings.ts';
import { verifyPassword } from '../auth/password.ts';
import type { Database } from '../db/database.ts';
import { hasConsent } from '../people/consent.queries.ts';
import { mondayOf } from './diary.ts';
import { type DemoSummary, seedDemoSchool } from './seed-demo-school.ts';

describe.each(engines())('seedDemoSchool on $name', (engine) => {
  let database: Database;
  let demo: DemoSummary;
  // PostgreSQL is shared by all test runs: a unique prefix keeps the logins of each run apart.
  const prefix = engine.name === 'sqlite' ? '' : `t${Date.now().toString(36)}.`;

  beforeAll(async () => {
    database = await engine.open();
    demo = await seedDemoSchool(database.db, { loginPrefix: prefix });
  });
  afterAll(() => database.close());

  const studentsOfSchool = () =>
    database.db
      .selectFrom('roleAssignments')
      .select('personId')
      .where('schoolId', '=', demo.schoolId)
      .where('role', '=', 'student');
  const classOf = async (studentId: number) => {
    const row = await database.db
      .selectFrom('groupMemberships as m')
      .innerJoin('groups as g', 'g.id', 'm.groupId')
      .innerJoin('classes as c', 'c.id', 'g.classId')
      .select(['c.grade', 'c.letter'])
      .where('m.studentId', '=', studentId)
      .where('g.kind', '=', 'class')
      .execute();
    return row.map((r) => `${r.grade}${r.letter}`);
  };

  it('has ≈550 students in 22 classes, each in exactly one class', async () => {
    const classes = await database.db
      .selectFrom('classes')
      .selectAll()
      .where('schoolId', '=', demo.schoolId)
      .execute();
    expect(classes).toHaveLength(22);
    expect(new Set(classes.map((c) => `${c.grade}${c.letter}`)).size).toBe(22);
    const students = await studentsOfSchool().execute();
    expect(students.length).toBeGreaterThan(500);
    expect(students.length).toBeLessThan(600);
    expect(demo.counts.students).toBe(students.length);
    const memberships = await database.db
      .selectFrom('groupMemberships as m')
      .innerJoin('groups as g', 'g.id', 'm.groupId')
      .select(['m.studentId', 'm.startsOn', 'm.endsOn'])
      .where('g.schoolId', '=', demo.schoolId)
      .where('g.kind', '=', 'class')
      .execute();
    expect(memberships).toHaveLength(students.length);
    expect(new Set(memberships.map((m) => m.studentId)).size).toBe(students.length);
    expect(memberships.every((m) => m.endsOn === null && m.startsOn.endsWith('-09-01'))).toBe(true);
  });

  it('gives every student a guardian, and some guardians two children', async () => {
    const orphans = await studentsOfSchool()
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('guardianships as g').select('g.id').whereRef('g.studentId', '=', 'personId'))),
      )
      .execute();
    expect(orphans).toHaveLength(0);
    const rows = await database.db
      .selectFrom('guardianships')
      .select(['guardianId', (eb) => eb.fn.countAll<number>().as('children')])
      .where('schoolId', '=', demo.schoolId)
      .groupBy('guardianId')
      .execute();
    expect(rows.filter((r) => Number(r.children) === 2).length).toBeGreaterThan(10);
  });

  it('has ≈45 staff and the demo accounts with their roles', async () => {
    const staff = await database.db
      .selectFrom('roleAssignments')
      .select('personId')
      .distinct()
      .where('schoolId', '=', demo.schoolId)
      .where('role', 'in', ['admin', 'director', 'deputy', 'teacher'])
      .execute();
    expect(staff.length).toBeGreaterThanOrEqual(40);
    expect(staff.length).toBeLessThanOrEqual(50);

    const expected = { admin: 'admin', director: 'director', deputy: 'deputy', teacher: 'teacher' } as const;
    for (const [who, role] of Object.entries({ ...expected, parent: 'parent', student: 'student' })) {
      const personId = demo.people[who as keyof typeof demo.people];
      const account = await database.db
        .selectFrom('accounts')
        .selectAll()
        .where('personId', '=', personId)
        .executeTakeFirstOrThrow();
      expect(account.login).toBe(`${prefix}${who}`);
      expect(account.passwordChangedAt).not.toBeNull();
      const roles = await database.db
        .selectFrom('roleAssignments')
        .select('role')
        .where('personId', '=', personId)
        .execute();
      expect(roles.map((r) => r.role)).toContain(role);
    }
    const deputyRoles = await database.db
      .selectFrom('roleAssignments')
      .select('role')
      .where('personId', '=', demo.people.deputy)
      .execute();
    expect(deputyRoles.map((r) => r.role).sort()).toEqual(['deputy', 'teacher']);
  });

  it('gives the demo accounts the password «demo»', async () => {
    const account = await database.db
      .selectFrom('accounts')
      .select('passwordHash')
      .where('login', '=', `${prefix}teacher`)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(account.passwordHash, 'demo')).toBe(true);
  });

  it('makes `teacher` class teacher of 5А and a teacher of courses, and `deputy` a teacher too', async () => {
    const fiveA = await database.db
      .selectFrom('classes')
      .selectAll()
      .where('schoolId', '=', demo.schoolId)
      .where('grade', '=', 5)
      .where('letter', '=', 'А')
      .executeTakeFirstOrThrow();
    expect(fiveA.classTeacherId).toBe(demo.people.teacher);
    for (const who of ['teacher', 'deputy'] as const) {
      const courses = await database.db
        .selectFrom('courses')
        .select('id')
        .where('teacherId', '=', demo.people[who])
        .execute();
      expect(courses.length).toBeGreaterThan(0);
    }
  });

  it('gives `parent` two children, one of them `student` of 5А', async () => {
    const children = await database.db
      .selectFrom('guardianships')
      .select('studentId')
      .where('guardianId', '=', demo.people.parent)
      .execute();
    expect(children).toHaveLength(2);
    expect(children.map((c) => c.studentId)).toContain(demo.people.student);
    expect(await classOf(demo.people.student)).toEqual(['5А']);
    const other = children.find((c) => c.studentId !== demo.people.student)?.studentId ?? -1;
    expect(await classOf(other)).not.toEqual(['5А']);
  });

  it('has the district inspector outside any school', async () => {
    const person = await database.db
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', demo.people.district)
      .executeTakeFirstOrThrow();
    expect(person.schoolId).toBeNull();
    const role = await database.db
      .selectFrom('roleAssignments')
      .selectAll()
      .where('personId', '=', demo.people.district)
      .executeTakeFirstOrThrow();
    expect(role).toMatchObject({ role: 'district', districtId: demo.districtId, schoolId: null });
  });

  it('leaves grade 1 without marks in the settings', async () => {
    const school = await database.db
      .selectFrom('schools')
      .selectAll()
      .where('id', '=', demo.schoolId)
      .executeTakeFirstOrThrow();
    expect(school.shortName).toBe('СОШ № 2');
    expect(parseSchoolSettings(school.settings).markedGrades).not.toContain(1);
  });

  it('gives every student a personal file, most families a consent, and English subgroups their subject', async () => {
    const db = database.db;
    const students = await db
      .selectFrom('roleAssignments')
      .leftJoin('studentProfiles', 'studentProfiles.personId', 'roleAssignments.personId')
      .select(['roleAssignments.personId', 'studentProfiles.fileNumber'])
      .where('roleAssignments.schoolId', '=', demo.schoolId)
      .where('roleAssignments.role', '=', 'student')
      .execute();
    const numbers = students.map((s) => s.fileNumber);
    expect(numbers).not.toContain(null);
    expect(new Set(numbers).size).toBe(students.length);
    const withConsent = await hasConsent(
      db,
      students.map((s) => s.personId),
    );
    expect(withConsent.size).toBeGreaterThan(students.length * 0.85);
    expect(withConsent.size).toBeLessThan(students.length);
    expect(withConsent.has(demo.people.student)).toBe(true);
    const subgroups = await db
      .selectFrom('groups')
      .leftJoin('subjects', 'subjects.id', 'groups.subjectId')
      .select('subjects.name')
      .where('groups.schoolId', '=', demo.schoolId)
      .where('groups.kind', '=', 'subgroup')
      .execute();
    expect(new Set(subgroups.map((g) => g.name))).toEqual(new Set(['Иностранный язык (английский)']));
  });

  it('makes the subgroups and the accounts through the modules’ own use cases, audited', async () => {
    const events = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('schoolId', '=', demo.schoolId)
      .where('action', 'in', ['group.created', 'account.issued'])
      .execute();
    const subgroups = await database.db
      .selectFrom('groups')
      .select('id')
      .where('schoolId', '=', demo.schoolId)
      .where('kind', '=', 'subgroup')
      .execute();
    const created = new Set(
      events.filter((e) => e.action === 'group.created').map((e) => Number(e.entityId)),
    );
    expect(subgroups.length).toBeGreaterThan(0);
    for (const g of subgroups) expect(created.has(g.id)).toBe(true);
    const teacherAccount = await database.db
      .selectFrom('accounts')
      .select('id')
      .where('personId', '=', demo.people.teacher)
      .executeTakeFirstOrThrow();
    expect(events).toContainEqual({ action: 'account.issued', entityId: String(teacherAccount.id) });
  });

  it('splits every class of grades 2–11 into two English subgroups', async () => {
    const rows = await database.db
      .selectFrom('classes as c')
      .innerJoin('groups as g', 'g.classId', 'c.id')
      .leftJoin('groupMemberships as m', 'm.groupId', 'g.id')
      .select(['c.id as classId', 'c.grade', 'g.id as groupId', 'g.kind', 'm.studentId'])
      .where('c.schoolId', '=', demo.schoolId)
      .execute();
    for (const classId of new Set(rows.map((r) => r.classId))) {
      const own = rows.filter((r) => r.classId === classId);
      const students = own.filter((r) => r.kind === 'class').map((r) => r.studentId);
      const inSubgroups = own.filter((r) => r.kind === 'subgroup');
      if (own[0]?.grade === 1) {
        expect(inSubgroups).toHaveLength(0);
        continue;
      }
      expect(new Set(inSubgroups.map((r) => r.groupId)).size).toBe(2);
      expect(inSubgroups.map((r) => r.studentId).sort()).toEqual([...students].sort());
    }
  });

  it('gives everyone a patronymic of the right form', async () => {
    const people = await database.db
      .selectFrom('persons')
      .select(['middleName', 'sex'])
      .where('schoolId', '=', demo.schoolId)
      .execute();
    expect(people.length).toBeGreaterThan(1000);
    for (const p of people) expect(p.middleName).toMatch(p.sex === 'm' ? /(вич|ич)$/ : /(ична|вна)$/);
  });

  it('sets up the year: periods, schemes, vacations, holidays, bells, subjects and the audit event', async () => {
    const where = { schoolId: demo.schoolId };
    const count = async (
      table: 'periods' | 'gradeSchemes' | 'bellTimes' | 'subjects' | 'workKinds' | 'courses',
    ) =>
      (await database.db.selectFrom(table).select('id').where('schoolId', '=', where.schoolId).execute())
        .length;
    // Quarters, half-years and the year, exam and final periods.
    expect(await count('periods')).toBe(9);
    expect(await count('gradeSchemes')).toBe(11);
    expect(await count('bellTimes')).toBe(7);
    expect(await count('subjects')).toBe(demo.counts.subjects);
    expect(await count('workKinds')).toBeGreaterThan(0);
    expect(await count('courses')).toBe(demo.counts.courses);
    const entries = await database.db
      .selectFrom('calendarEntries')
      .selectAll()
      .where('schoolId', '=', demo.schoolId)
      .execute();
    expect(entries.filter((e) => e.kind === 'vacation' && e.grade === 1)).toHaveLength(1);
    expect(entries.filter((e) => e.kind === 'holiday').map((e) => e.name)).toContain('Новый год');
    const audit = await database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('schoolId', '=', demo.schoolId)
      .where('action', '=', 'seed.school')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorKind: 'system',
      entity: 'school',
      entityId: String(demo.schoolId),
    });
  });

  it('gives the diary screens content: prefs, past acknowledgements, a notice, three conversations', async () => {
    const { db } = database;
    const parent = await db
      .selectFrom('persons')
      .select('email')
      .where('id', '=', demo.people.parent)
      .executeTakeFirstOrThrow();
    expect(parent.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    const prefs = await db
      .selectFrom('notificationPrefs')
      .innerJoin('persons', 'persons.id', 'notificationPrefs.personId')
      .selectAll('notificationPrefs')
      .where('persons.schoolId', '=', demo.schoolId)
      .execute();
    expect(prefs.find((p) => p.personId === demo.people.parent)).toMatchObject({
      emailEnabled: 1,
      markThreshold: 2,
    });
    expect(prefs.length).toBe(demo.diary.notificationPrefs);
    expect(prefs.length).toBeGreaterThan(3);

    const today = new Date().toISOString().slice(0, 10);
    const monday = mondayOf(today);
    const acks = await db
      .selectFrom('weekAcknowledgements')
      .selectAll()
      .where('schoolId', '=', demo.schoolId)
      .execute();
    expect(acks.length).toBe(demo.diary.acknowledgements);
    expect(acks.every((a) => String(a.weekStart).slice(0, 10) < monday)).toBe(true);
    expect(
      acks.every((a) => mondayOf(String(a.weekStart).slice(0, 10)) === String(a.weekStart).slice(0, 10)),
    ).toBe(true);
    const guardianOf = await db
      .selectFrom('guardianships')
      .select(['guardianId', 'studentId'])
      .where('schoolId', '=', demo.schoolId)
      .execute();
    const families = new Set(guardianOf.map((g) => `${g.guardianId}:${g.studentId}`));
    expect(acks.every((a) => families.has(`${a.guardianId}:${a.studentId}`))).toBe(true);

    const notices = await db
      .selectFrom('absenceNotices')
      .selectAll()
      .where('schoolId', '=', demo.schoolId)
      .execute();
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(String(notice.fromDate).slice(0, 10) > today).toBe(true);
    expect(notice.cancelledAt).toBeNull();
    expect(families.has(`${notice.createdBy}:${notice.studentId}`)).toBe(true);
    expect(await classOf(notice.studentId)).toEqual(['5А']);

    const threads = await db
      .selectFrom('threads')
      .selectAll()
      .where('schoolId', '=', demo.schoolId)
      .orderBy('id')
      .execute();
    expect(threads.map((t) => t.kind)).toEqual(['dialog', 'class', 'school']);
    const membersOf = async (threadId: number) =>
      (
        await db.selectFrom('threadMembers').select('personId').where('threadId', '=', threadId).execute()
      ).map((m) => m.personId);
    expect((await membersOf(threads[0]!.id)).sort()).toEqual(
      [demo.people.parent, demo.people.teacher].sort(),
    );
    expect(await membersOf(threads[1]!.id)).toContain(demo.people.parent);
    expect((await membersOf(threads[1]!.id)).includes(demo.people.student)).toBe(false);
    expect((await membersOf(threads[2]!.id)).length).toBeGreaterThan(1000);
    const messages = await db
      .selectFrom('messages')
      .selectAll()
      .where('schoolId', '=', demo.schoolId)
      .orderBy('id')
      .execute();
    expect(messages.map((m) => m.authorId)).toEqual([
      demo.people.parent,
      demo.people.teacher,
      demo.people.teacher,
      demo.people.director,
    ]);
    const audited = await db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('schoolId', '=', demo.schoolId)
      .where('action', 'in', [
        'notify.prefs.update',
        'diary.week.acknowledge',
        'diary.notice.create',
        'messages.thread.create',
        'messages.announce',
        'messages.send',
      ])
      .execute();
    const count = (action: string) => audited.filter((a) => a.action === action).length;
    expect(count('notify.prefs.update')).toBe(prefs.length);
    expect(count('diary.week.acknowledge')).toBe(acks.length);
    expect(count('diary.notice.create')).toBe(1);
    expect(count('messages.thread.create')).toBe(1);
    expect(count('messages.announce')).toBe(2);
    expect(count('messages.send')).toBe(1);
  });

  it('refuses to seed the same logins twice', async () => {
    await expect(seedDemoSchool(database.db, { loginPrefix: prefix })).rejects.toThrow(/уже занят/);
  });
});
