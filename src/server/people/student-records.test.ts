import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildClass, buildPerson, buildSchool, linkGuardian, unique } from '../../../test/factories.ts';
import { systemCtx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import { type GuardianRecordInput, type StudentRecordInput, saveStudentRecord } from './student-records.ts';

function studentInput(fileNumber: string, o: Partial<StudentRecordInput> = {}): StudentRecordInput {
  return {
    lastName: 'Ёлкина',
    firstName: 'Анна',
    middleName: 'Петровна',
    birthDate: '2015-03-04',
    sex: 'f',
    address: 'ул. Ленина, 1',
    phone: '+7 900 111-22-33',
    email: null,
    fileNumber,
    healthGroup: 'II',
    peGroup: 'основная',
    arrivedOn: '2021-09-01',
    arrivalOrder: '№ 12',
    ...o,
  };
}

function mother(o: Partial<GuardianRecordInput> = {}): GuardianRecordInput {
  return {
    lastName: 'Ёлкина',
    firstName: 'Мария',
    middleName: 'Ивановна',
    kind: 'mother',
    phone: '8 (900) 555-44-33',
    extraPhone: null,
    email: 'mother@example.ru',
    workplace: 'Школа № 1',
    consentGivenOn: '2026-09-01',
    ...o,
  };
}

describe.each(engines())('saveStudentRecord on $name', (engine) => {
  let database: Database;
  let schoolId = 0;
  let classId = 0;
  let groupId = 0;
  let yearId = 0;

  beforeAll(async () => {
    database = await engine.open();
    ({ schoolId, yearId } = await buildSchool(database.db));
    ({ classId, groupId } = await buildClass(database.db, { schoolId, yearId }));
  });
  afterAll(() => database.close());

  const save = (student: StudentRecordInput, guardians: GuardianRecordInput[], cls = classId) =>
    database.db
      .transaction()
      .execute((trx) =>
        saveStudentRecord(trx, systemCtx(database.db), { schoolId, classId: cls, student, guardians }),
      );

  const count = async (
    table: 'auditEvents' | 'persons' | 'guardianships' | 'consents' | 'groupMemberships',
  ) => {
    const row = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('schoolId', '=', schoolId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it('creates a student with profile, class membership, guardian and consent; the same input again changes nothing', async () => {
    const file = unique('Л');
    const first = await save(studentInput(file), [mother()]);
    expect(first.outcome).toBe('created');
    const profile = await database.db
      .selectFrom('studentProfiles')
      .selectAll()
      .where('personId', '=', first.studentId)
      .executeTakeFirstOrThrow();
    expect(profile).toMatchObject({
      fileNumber: file,
      healthGroup: 'II',
      peGroup: 'основная',
      departedOn: null,
    });
    const membership = await database.db
      .selectFrom('groupMemberships')
      .select(['groupId', 'startsOn', 'endsOn'])
      .where('studentId', '=', first.studentId)
      .execute();
    expect(membership).toEqual([{ groupId, startsOn: '2026-09-01', endsOn: null }]);
    const roles = await database.db
      .selectFrom('roleAssignments')
      .select('role')
      .where('personId', '=', first.studentId)
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['student']);
    const accounts = await database.db
      .selectFrom('accounts')
      .select('id')
      .where('personId', '=', first.studentId)
      .execute();
    expect(accounts).toEqual([]);
    const consents = await database.db
      .selectFrom('consents')
      .innerJoin('guardianships', 'guardianships.guardianId', 'consents.guardianId')
      .select(['consents.givenOn'])
      .where('guardianships.studentId', '=', first.studentId)
      .execute();
    expect(consents).toEqual([{ givenOn: '2026-09-01' }]);

    const before = await Promise.all(
      (['auditEvents', 'persons', 'guardianships', 'consents', 'groupMemberships'] as const).map(count),
    );
    const again = await save(studentInput(file), [mother()]);
    expect(again).toEqual({ studentId: first.studentId, outcome: 'unchanged' });
    const after = await Promise.all(
      (['auditEvents', 'persons', 'guardianships', 'consents', 'groupMemberships'] as const).map(count),
    );
    expect(after).toEqual(before);
  });

  it('updates changed fields only, audited, and keeps stored values where the input is empty', async () => {
    const file = unique('Л');
    const { studentId } = await save(studentInput(file), [mother()]);
    const result = await save(studentInput(file, { phone: '+7 900 999-99-99', address: null }), [
      mother({ workplace: 'Больница', consentGivenOn: null }),
    ]);
    expect(result.outcome).toBe('updated');
    const row = await database.db
      .selectFrom('persons')
      .select(['phone', 'address'])
      .where('id', '=', studentId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ phone: '+7 900 999-99-99', address: 'ул. Ленина, 1' });
    const events = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'before', 'after'])
      .where('schoolId', '=', schoolId)
      .where('action', 'in', ['student.updated', 'guardian.updated'])
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(events.map((e) => [e.action, JSON.parse(e.after!)])).toEqual([
      ['guardian.updated', { workplace: 'Больница' }],
      ['student.updated', { phone: '+7 900 999-99-99' }],
    ]);
  });

  it('links a parent of the school with the same name and phone to a second child instead of creating one', async () => {
    const parent = mother({ lastName: 'Сидорова', phone: '+7 (901) 000-00-01', email: null });
    const first = await save(studentInput(unique('Л'), { lastName: 'Сидоров' }), [parent]);
    const second = await save(studentInput(unique('Л'), { lastName: 'Сидорова', firstName: 'Вера' }), [
      { ...parent, phone: '89010000001' },
    ]);
    const links = await database.db
      .selectFrom('guardianships')
      .select(['guardianId', 'studentId'])
      .where('studentId', 'in', [first.studentId, second.studentId])
      .execute();
    expect(links).toHaveLength(2);
    expect(links[0]!.guardianId).toBe(links[1]!.guardianId);
  });

  it('does not link a namesake whose phone and e-mail differ', async () => {
    const other = await buildPerson(database.db, {
      schoolId,
      roles: ['parent'],
      lastName: 'Петрова',
      firstName: 'Мария',
      middleName: 'Ивановна',
      account: false,
    });
    const child = await buildPerson(database.db, { schoolId, roles: ['student'], account: false });
    await linkGuardian(database.db, { schoolId, guardianId: other.id, studentId: child.id });
    const { studentId } = await save(studentInput(unique('Л')), [mother({ lastName: 'Петрова' })]);
    const link = await database.db
      .selectFrom('guardianships')
      .select('guardianId')
      .where('studentId', '=', studentId)
      .executeTakeFirstOrThrow();
    expect(link.guardianId).not.toBe(other.id);
  });

  it('moves a student matched by file number into another class, ending the old membership', async () => {
    const other = await buildClass(database.db, { schoolId, yearId, letter: 'Б' });
    const file = unique('Л');
    const { studentId } = await save(studentInput(file), []);
    const moved = await save(studentInput(file), [], other.classId);
    expect(moved).toEqual({ studentId, outcome: 'updated' });
    const open = await database.db
      .selectFrom('groupMemberships')
      .select('groupId')
      .where('studentId', '=', studentId)
      .where('endsOn', 'is', null)
      .execute();
    expect(open).toEqual([{ groupId: other.groupId }]);
  });

  it('refuses a class of another school and writes nothing', async () => {
    const foreign = await buildSchool(database.db);
    const cls = await buildClass(database.db, { schoolId: foreign.schoolId, yearId: foreign.yearId });
    const persons = await count('persons');
    await expect(save(studentInput(unique('Л')), [mother()], cls.classId)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await count('persons')).toBe(persons);
  });
});
