import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnOf, columns, headerKey, templateHeader } from './columns.ts';
import { csvOf, encode1251, recordCells, sampleRecord, xlsxOf } from './imports.test-helpers.ts';
import { type ImportedRecord, parseStudents, readDate, readPhone } from './parse-students.ts';
import { decodeCsv, readCsv, readTable, readXlsx, separatorOf } from './read-table.ts';
import { templateCsv, templateXlsx } from './template.ts';

const parseCsv = (bytes: Uint8Array) => parseStudents(readCsv(bytes));

describe('CSV reading', () => {
  const record = sampleRecord('ЛД-17');
  it.each([
    ['UTF-8 with BOM, ;', { encoding: 'utf8bom', separator: ';' }],
    ['UTF-8 without BOM, ,', { encoding: 'utf8', separator: ',' }],
    ['Windows-1251, ;', { encoding: 'cp1251', separator: ';' }],
    ['Windows-1251, ,', { encoding: 'cp1251', separator: ',' }],
  ] as const)('%s gives the same student back', (_, o) => {
    const parsed = parseCsv(csvOf([record], o));
    expect(parsed.unknownColumns).toEqual([]);
    expect(parsed.missingColumns).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]?.problems).toEqual([]);
    expect(parsed.rows[0]?.record).toEqual(record);
    expect(parsed.rows[0]?.line).toBe(2);
  });

  it('tells Windows-1251 from UTF-8 by whether the bytes are valid UTF-8', () => {
    expect(decodeCsv(encode1251('Фамилия;Имя'))).toBe('Фамилия;Имя');
    expect(decodeCsv(Buffer.from('\uFEFFФамилия', 'utf8'))).toBe('Фамилия');
  });

  it('picks the separator of the header line, quotes aside', () => {
    expect(separatorOf('a;b;c\n1,2;3')).toBe(';');
    expect(separatorOf('a,b,c')).toBe(',');
    expect(separatorOf('"a;b",c,d')).toBe(',');
    expect(separatorOf('a\tb')).toBe('\t');
  });

  it('matches headers whatever their case, ё/е, spaces and remarks in brackets; reports unknown ones', () => {
    const text =
      '  ФАМИЛИЯ ;имя;Номер  личного   дела;Дата рождения (дд.мм.гггг);Примечание;родитель 1 : фамилия\nИванова;Анна;7;01.02.2015;x;Иванов';
    const parsed = parseCsv(Buffer.from(text, 'utf8'));
    expect(parsed.unknownColumns).toEqual(['Примечание']);
    expect(parsed.rows[0]?.values).toMatchObject({
      lastName: 'Иванова',
      birthDate: '01.02.2015',
      fileNumber: '7',
    });
    expect(headerKey('Ёлка')).toBe(headerKey('елка'));
    expect(columnOf('Родитель 2: Кем приходится (мать/отец/опекун/другое)')?.key).toBe('guardian2.kind');
  });

  it('names every missing required column', () => {
    const parsed = parseCsv(Buffer.from('Фамилия;Имя\nИванов;Иван', 'utf8'));
    expect(parsed.missingColumns).toEqual(['fileNumber']);
  });

  it('skips blank lines but keeps spreadsheet row numbers', () => {
    const text = csvOf([sampleRecord('1'), sampleRecord('2')])
      .toString()
      .replace('\r\n', '\r\n;;\r\n\r\n');
    const parsed = parseCsv(Buffer.from(text, 'utf8'));
    expect(parsed.rows.map((r) => r.line)).toEqual([4, 5]);
  });
});

describe('row checks', () => {
  const header = columns.map(templateHeader).join(';');
  const rowOf = (patch: Record<string, string>) => {
    const cells = recordCells(sampleRecord('5'));
    for (const [key, value] of Object.entries(patch)) cells[columns.findIndex((c) => c.key === key)] = value;
    return parseCsv(Buffer.from(`${header}\n${cells.join(';')}`, 'utf8')).rows[0]!;
  };

  it('names the column of each problem', () => {
    const row = rowOf({ birthDate: '31.02.2015', sex: 'x', 'guardian1.kind': 'сосед', phone: 'звонить' });
    expect(row.record).toBeNull();
    expect(row.problems.map((p) => [p.column, p.message])).toEqual([
      ['birthDate', 'importsBadDate'],
      ['sex', 'importsBadSex'],
      ['phone', 'importsBadPhone'],
      ['guardian1.kind', 'importsBadRelation'],
    ]);
    expect(row.values.birthDate).toBe('31.02.2015');
  });

  it('requires the student names and file number, and a given parent’s names and relation', () => {
    const row = rowOf({
      firstName: '',
      fileNumber: ' ',
      'guardian1.kind': '',
      'guardian2.workplace': 'Школа',
    });
    expect(row.problems.map((p) => p.column).sort()).toEqual(
      [
        'firstName',
        'fileNumber',
        'guardian1.kind',
        'guardian2.firstName',
        'guardian2.kind',
        'guardian2.lastName',
      ].sort(),
    );
  });

  it('reports a file number used twice, pointing at its first row', () => {
    const text = [
      header,
      ...[sampleRecord('9'), sampleRecord('9')].map((r) => recordCells(r).join(';')),
    ].join('\n');
    const rows = parseCsv(Buffer.from(text, 'utf8')).rows;
    expect(rows[0]?.problems).toEqual([]);
    expect(rows[1]?.problems).toEqual([
      { column: 'fileNumber', message: 'importsDuplicateFileNumber', params: { line: 2 } },
    ]);
  });

  it('reads dates and phones in the forms people type them', () => {
    expect(readDate('1.9.2015')).toBe('2015-09-01');
    expect(readDate('2015-09-01')).toBe('2015-09-01');
    expect(readDate(45000)).toBe('2023-03-15');
    expect(() => readDate('2015/09/01')).toThrow();
    expect(readPhone('8 (916) 123-45-67')).toBe('+7 916 123-45-67');
    expect(readPhone(79161234567)).toBe('+7 916 123-45-67');
    expect(readPhone('9161234567')).toBe('+7 916 123-45-67');
    expect(readPhone('+375 29 123-45-67')).toBe('+375 29 123-45-67');
    expect(() => readPhone('12')).toThrow();
  });
});

describe('XLSX reading', () => {
  it('reads Excel dates, serial numbers and phones Excel turned into numbers', async () => {
    const cells = recordCells(sampleRecord('101')) as (string | number | Date | null)[];
    const at = (key: string) => columns.findIndex((c) => c.key === key);
    cells[at('birthDate')] = new Date(Date.UTC(2015, 2, 14));
    cells[at('arrivedOn')] = 46266;
    cells[at('fileNumber')] = 101;
    cells[at('guardian1.phone')] = 89161234567;
    const parsed = parseStudents(await readXlsx(await xlsxOf([cells])));
    expect(parsed.rows[0]?.problems).toEqual([]);
    const record = parsed.rows[0]?.record;
    expect(record?.student).toMatchObject({
      birthDate: '2015-03-14',
      arrivedOn: '2026-09-01',
      fileNumber: '101',
    });
    expect(record?.guardians[0]?.phone).toBe('+7 916 123-45-67');
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(readTable(Buffer.from('PK\u0003\u0004garbage'), 'xlsx')).rejects.toThrow(/xlsx/);
  });
});

describe('templates', () => {
  it('the XLSX template and its CSV twin have every column and parse with no problems', async () => {
    for (const table of [await readXlsx(await templateXlsx('ru')), readCsv(templateCsv())]) {
      expect(table.headers).toEqual(columns.map(templateHeader));
      const parsed = parseStudents(table);
      expect(parsed.unknownColumns).toEqual([]);
      expect(parsed.missingColumns).toEqual([]);
    }
  });
});

const cyr = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
const word = fc.array(fc.constantFrom(...cyr), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
const phrase = fc
  .array(fc.oneof(word, fc.constantFrom('д. 5', '«Ромашка»', 'кв. 1;2', 'a,b', '"A"', '№7')), {
    minLength: 1,
    maxLength: 4,
  })
  .map((ws) => ws.join(' '));
const date = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const phone = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map(
    (d) =>
      `+7 9${d.slice(0, 2).join('')} ${d.slice(2, 5).join('')}-${d.slice(5, 7).join('')}-${d.slice(7).join('')}`,
  );
const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.constantFrom('mail.ru', 'ya.ru'))
  .map(([u, d]) => `${u}@${d}`);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const guardian = fc.record({
  lastName: word,
  firstName: word,
  middleName: fc.oneof(word, fc.constant('')),
  kind: fc.constantFrom('mother' as const, 'father' as const, 'guardian' as const, 'other' as const),
  phone: opt(phone),
  extraPhone: opt(phone),
  email: opt(email),
  workplace: opt(phrase),
  consentGivenOn: opt(date),
});
const record: fc.Arbitrary<ImportedRecord> = fc.record({
  student: fc.record({
    lastName: word,
    firstName: word,
    middleName: fc.oneof(word, fc.constant('')),
    birthDate: opt(date),
    sex: fc.constantFrom('m' as const, 'f' as const, null),
    address: opt(phrase),
    phone: opt(phone),
    email: opt(email),
    fileNumber: fc.stringMatching(/^[0-9А-Я][0-9А-Я/-]{0,8}$/),
    healthGroup: opt(fc.constantFrom('I', 'II', 'III', '1', '2')),
    peGroup: opt(phrase),
    arrivedOn: opt(date),
    arrivalOrder: opt(phrase),
  }),
  guardians: fc.array(guardian, { maxLength: 2 }),
});

describe('property: a valid record written to CSV parses back to itself', () => {
  it('in any encoding, with either separator', () => {
    fc.assert(
      fc.property(
        record,
        fc.constantFrom('utf8' as const, 'utf8bom' as const, 'cp1251' as const),
        fc.constantFrom(';', ','),
        (r, encoding, separator) => {
          const parsed = parseCsv(csvOf([r], { encoding, separator }));
          expect(parsed.rows[0]?.problems).toEqual([]);
          expect(parsed.rows[0]?.record).toEqual(r);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('property: a valid record written to XLSX parses back to itself', () => {
  it('with dates as text or as Excel dates', async () => {
    const dateKeys = new Set(columns.filter((c) => c.kind === 'date').map((c) => c.key));
    await fc.assert(
      fc.asyncProperty(record, fc.boolean(), async (r, excelDates) => {
        const cells = recordCells(r).map((cell, i): string | Date => {
          const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(cell);
          if (!excelDates || !m || !dateKeys.has(columns[i]?.key ?? '')) return cell;
          return new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
        });
        const parsed = parseStudents(await readXlsx(await xlsxOf([cells])));
        expect(parsed.rows[0]?.problems).toEqual([]);
        expect(parsed.rows[0]?.record).toEqual(r);
      }),
      { numRuns: 30 },
    );
  });
});
