import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { buildClass, buildCourse, buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Ctx } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { columns, templateHeader } from './columns.ts';
import { type ImportedRecord, type Relation, relationWords } from './parse-students.ts';
import { csvLine } from './template.ts';

const cp1251 = new Map<string, number>();
const decoder = new TextDecoder('windows-1251');
for (let b = 0; b < 256; b++) cp1251.set(decoder.decode(new Uint8Array([b])), b);

/** Text in Windows-1251, as Russian Excel saves CSV (throws on a character it cannot hold). */
export function encode1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const b = cp1251.get(ch);
      if (b === undefined) throw new Error(`not in windows-1251: ${ch}`);
      return b;
    }),
  );
}

const ruDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '');

/** The cells of one row for a record, in template column order, as a person would type them. */
export function recordCells(record: ImportedRecord): string[] {
  const s = record.student;
  const values: Record<string, string> = {
    lastName: s.lastName,
    firstName: s.firstName,
    middleName: s.middleName,
    birthDate: ruDate(s.birthDate),
    sex: s.sex === 'm' ? 'м' : s.sex === 'f' ? 'ж' : '',
    address: s.address ?? '',
    phone: s.phone ?? '',
    email: s.email ?? '',
    fileNumber: s.fileNumber,
    healthGroup: s.healthGroup ?? '',
    peGroup: s.peGroup ?? '',
    arrivedOn: ruDate(s.arrivedOn),
    arrivalOrder: s.arrivalOrder ?? '',
  };
  record.guardians.forEach((g, i) => {
    const p = `guardian${i + 1}.`;
    Object.assign(values, {
      [`${p}lastName`]: g.lastName,
      [`${p}firstName`]: g.firstName,
      [`${p}middleName`]: g.middleName,
      [`${p}kind`]: relationWords[g.kind as Relation],
      [`${p}phone`]: g.phone ?? '',
      [`${p}extraPhone`]: g.extraPhone ?? '',
      [`${p}email`]: g.email ?? '',
      [`${p}workplace`]: g.workplace ?? '',
      [`${p}consentGivenOn`]: ruDate(g.consentGivenOn),
    });
  });
  return columns.map((c) => values[c.key] ?? '');
}

/** A CSV file of records: the template header, then one line per record. */
export function csvOf(
  records: ImportedRecord[],
  o: { separator?: string; encoding?: 'utf8' | 'utf8bom' | 'cp1251' } = {},
): Buffer {
  const sep = o.separator ?? ';';
  const text = [columns.map(templateHeader), ...records.map(recordCells)]
    .map((cells) => csvLine(cells, sep))
    .join('\r\n');
  if (o.encoding === 'cp1251') return encode1251(text);
  return Buffer.from(o.encoding === 'utf8bom' ? `\uFEFF${text}` : text, 'utf8');
}

/** An XLSX file of raw rows under the template header (cells may be dates and numbers). */
export async function xlsxOf(rows: (string | number | Date | null)[][], headers?: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ученики');
  sheet.addRow(headers ?? columns.map(templateHeader));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A valid record with a given file number, with one parent who gave consent. */
export function sampleRecord(fileNumber: string, lastName = 'Петров'): ImportedRecord {
  return {
    student: {
      lastName,
      firstName: 'Пётр',
      middleName: 'Сергеевич',
      birthDate: '2015-03-14',
      sex: 'm',
      address: 'г. Москва, ул. Ленина, д. 1, кв. 2',
      phone: null,
      email: null,
      fileNumber,
      healthGroup: 'II',
      peGroup: 'основная',
      arrivedOn: null,
      arrivalOrder: null,
    },
    guardians: [
      {
        lastName,
        firstName: 'Сергей',
        middleName: 'Иванович',
        kind: 'father',
        phone: '+7 916 123-45-67',
        extraPhone: null,
        email: `${fileNumber.toLowerCase()}@example.ru`,
        workplace: 'ООО «Ромашка»',
        consentGivenOn: '2026-09-01',
      },
    ],
  };
}

/** A school with classes 5А (class teacher `teacher`) and 5Б (`otherTeacher`) and people around them. */
export async function buildImportSchool(db: Kysely<DB>) {
  const { schoolId, yearId } = await buildSchool(db);
  const teacher = await buildPerson(db, { schoolId, roles: ['teacher'] });
  const otherTeacher = await buildPerson(db, { schoolId, roles: ['teacher'] });
  const subjectTeacher = await buildPerson(db, { schoolId, roles: ['teacher'] });
  const admin = await buildPerson(db, { schoolId, roles: ['admin'] });
  const parent = await buildPerson(db, { schoolId, roles: ['parent'] });
  const a = await buildClass(db, { schoolId, yearId, letter: 'А', classTeacherId: teacher.id });
  const b = await buildClass(db, { schoolId, yearId, letter: 'Б', classTeacherId: otherTeacher.id });
  await buildCourse(db, { schoolId, yearId, groupId: a.groupId, teacherId: subjectTeacher.id });
  return { schoolId, yearId, teacher, otherTeacher, subjectTeacher, admin, parent, a, b };
}

/** The use-case context of a school teacher acting through the API. */
export function teacherCtx(
  db: Kysely<DB>,
  personId: number,
  schoolId: number,
  lang: 'ru' | 'en' = 'ru',
): Ctx {
  return {
    db,
    actor: {
      kind: 'person',
      personId,
      accountId: 0,
      grants: [{ role: 'teacher', schoolId, districtId: null }],
    },
    request: { requestId: null, ip: null, lang },
  };
}

type Counted =
  | 'persons'
  | 'guardianships'
  | 'groupMemberships'
  | 'auditEvents'
  | 'consents'
  | 'studentProfiles';

/** How many rows of a school a table holds (people, memberships, audit events…): shows what was stored. */
export async function countOf(db: Kysely<DB>, table: Counted, schoolId: number): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('schoolId', '=', schoolId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every countable table of a school at once. */
export async function snapshot(db: Kysely<DB>, schoolId: number): Promise<Record<Counted, number>> {
  const tables: Counted[] = [
    'persons',
    'guardianships',
    'groupMemberships',
    'auditEvents',
    'consents',
    'studentProfiles',
  ];
  const counts = await Promise.all(tables.map((t) => countOf(db, t, schoolId)));
  return Object.fromEntries(tables.map((t, i) => [t, counts[i] ?? 0])) as Record<Counted, number>;
}

/**
 * Two new students of 5А as a school secretary would fill the template in Excel: Excel dates, a
 * phone Excel made a number (file numbers ИМП-1, ИМП-2; for the end-to-end journeys).
 */
export async function demoClassXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ученики');
  sheet.addRow(columns.map(templateHeader));
  const at = (key: string) => columns.findIndex((c) => c.key === key);
  const row = (o: Record<string, string | number | Date>) => {
    const cells: (string | number | Date | null)[] = columns.map(() => null);
    for (const [key, value] of Object.entries(o)) cells[at(key)] = value;
    sheet.addRow(cells);
  };
  row({
    lastName: 'Импортова',
    firstName: 'Алёна',
    middleName: 'Игоревна',
    birthDate: new Date(Date.UTC(2015, 4, 20)),
    sex: 'ж',
    fileNumber: 'ИМП-1',
    'guardian1.lastName': 'Импортова',
    'guardian1.firstName': 'Ирина',
    'guardian1.kind': 'мать',
    'guardian1.phone': 79160001122,
    'guardian1.consentGivenOn': new Date(Date.UTC(2026, 8, 1)),
  });
  row({
    lastName: 'Загрузкин',
    firstName: 'Фёдор',
    birthDate: '03.11.2014',
    sex: 'м',
    fileNumber: 'ИМП-2',
    'guardian1.lastName': 'Загрузкин',
    'guardian1.firstName': 'Олег',
    'guardian1.kind': 'отец',
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
