import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildClass, buildSchool } from '../../../test/factories.ts';
import { systemCtx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import type { GuardianRecordInput, StudentRecordInput } from './student-records.ts';
import { saveStudentRecord } from './student-records.ts';

const name = fc.constantFrom('Иванов', 'Ёлкина', 'Петрова', 'Сидоров', 'Щукин', 'Агеева');
const first = fc.constantFrom('Анна', 'Пётр', 'Мария', 'Илья');
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const date = fc.constantFrom('2014-01-31', '2015-06-15', '2020-09-01', '2026-09-01');
const phone = fc.constantFrom('+7 900 000-00-01', '8 (900) 000-00-02', '89000000003');

const student: fc.Arbitrary<StudentRecordInput> = fc.record({
  lastName: name,
  firstName: first,
  middleName: fc.constantFrom('', 'Ивановна', 'Петрович'),
  birthDate: maybe(date),
  sex: maybe(fc.constantFrom('m' as const, 'f' as const)),
  address: maybe(fc.constantFrom('ул. Мира, 1', 'пр. Ленина, 5')),
  phone: maybe(phone),
  email: maybe(fc.constantFrom('a@example.ru', 'b@example.ru')),
  fileNumber: fc.constant('—'),
  healthGroup: maybe(fc.constantFrom('I', 'II', 'III')),
  peGroup: maybe(fc.constantFrom('основная', 'подготовительная')),
  arrivedOn: maybe(date),
  arrivalOrder: maybe(fc.constantFrom('№ 1', '№ 2')),
});

const guardian: fc.Arbitrary<GuardianRecordInput> = fc.record({
  lastName: name,
  firstName: first,
  middleName: fc.constantFrom('', 'Ивановна'),
  kind: fc.constantFrom('mother' as const, 'father' as const, 'guardian' as const, 'other' as const),
  phone: maybe(phone),
  extraPhone: maybe(phone),
  email: maybe(fc.constantFrom('p@example.ru', 'q@example.ru')),
  workplace: maybe(fc.constantFrom('Завод', 'Больница')),
  consentGivenOn: maybe(date),
});

/** Guardians of one student have different full names (one file row lists each person once). */
const guardians = fc.uniqueArray(guardian, {
  maxLength: 3,
  selector: (g) => `${g.lastName} ${g.firstName} ${g.middleName}`,
});

describe.each(engines())('saveStudentRecord properties on $name', (engine) => {
  let database: Database;
  let schoolId = 0;
  let classId = 0;
  let file = 0;
  beforeAll(async () => {
    database = await engine.open();
    const school = await buildSchool(database.db);
    schoolId = school.schoolId;
    ({ classId } = await buildClass(database.db, { schoolId, yearId: school.yearId }));
  });
  afterAll(() => database.close());

  const audits = async () =>
    Number(
      (
        await database.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('schoolId', '=', schoolId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('saving any record a second time changes nothing and writes no audit event', async () => {
    await fc.assert(
      fc.asyncProperty(student, guardians, async (generated, g) => {
        file += 1;
        const s = { ...generated, fileNumber: `P-${file}` };
        const save = () =>
          database.db
            .transaction()
            .execute((trx) =>
              saveStudentRecord(trx, systemCtx(database.db), { schoolId, classId, student: s, guardians: g }),
            );
        const first = await save();
        expect(first.outcome).toBe('created');
        const before = await audits();
        const second = await save();
        expect(second).toEqual({ studentId: first.studentId, outcome: 'unchanged' });
        expect(await audits()).toBe(before);
      }),
      { numRuns: 25 },
    );
  });
});
