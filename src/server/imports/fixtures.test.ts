import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudents } from './parse-students.ts';
import { readCsv } from './read-table.ts';

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/import', name));

/** Files written by hand (not by this module's own writer), as Russian Excel and others save them. */
describe.each([
  ['students-excel-1251.csv', 'Windows-1251, «;»'],
  ['students-utf8-bom.csv', 'UTF-8 with BOM, «,»'],
])('the fixture %s (%s)', (name) => {
  const parsed = parseStudents(readCsv(fixture(name)));

  it('has every column known and every row valid', () => {
    expect(parsed.unknownColumns).toEqual([]);
    expect(parsed.missingColumns).toEqual([]);
    expect(parsed.rows.map((r) => r.problems)).toEqual([[], []]);
  });

  it('reads names with ё, quoted cells, dates, phones and both parents', () => {
    const [first, second] = parsed.rows.map((r) => r.record);
    expect(first?.student).toMatchObject({
      lastName: 'Ёжикова',
      firstName: 'Алёна',
      birthDate: '2015-04-05',
      sex: 'f',
      address: 'г. Тверь; ул. Советская, д. 3',
      fileNumber: '101',
      arrivedOn: '2022-09-01',
      arrivalOrder: '№ 45-у',
    });
    expect(first?.guardians).toEqual([
      {
        lastName: 'Ёжикова',
        firstName: 'Ольга',
        middleName: 'Петровна',
        kind: 'mother',
        phone: '+7 910 123-45-67',
        extraPhone: null,
        email: 'olga@example.ru',
        workplace: 'ООО "Заря"',
        consentGivenOn: '2022-09-01',
      },
      {
        lastName: 'Ёжиков',
        firstName: 'Сергей',
        middleName: 'Иванович',
        kind: 'father',
        phone: '+7 910 765-43-21',
        extraPhone: null,
        email: null,
        workplace: null,
        consentGivenOn: null,
      },
    ]);
    expect(second?.student).toMatchObject({ lastName: 'Иванов', firstName: 'Пётр', middleName: '' });
    expect(second?.guardians.map((g) => g.phone)).toEqual(['+7 910 111-22-33']);
  });
});
