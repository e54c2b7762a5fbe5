import { zipSync } from 'fflate';
import type { Kysely } from 'kysely';
import type { Ctx } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { HOURS_PER_WEEK_COLUMN, headerOf, isOneRosterFile, MANIFEST_FILES } from './oneroster-columns.ts';
import { writeCsv } from './oneroster-csv.ts';

/** Rows of OneRoster files by name without '.csv', each row by column name (missing columns empty). */
export type RosterTables = Record<string, Record<string, string>[]>;

/** A OneRoster 1.2 ZIP of the tables with its manifest (the files given are 'bulk', the others 'absent'). */
export function rosterZip(
  tables: RosterTables,
  extra: Record<string, string> = {},
  withManifest = true,
): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const manifest = [
    ['manifest.version', '1.0'],
    ['oneroster.version', '1.2'],
    ...MANIFEST_FILES.map((f) => [`file.${f}`, f in tables ? 'bulk' : 'absent']),
    ['source.systemName', 'Тест'],
    ['source.systemCode', 'test'],
  ];
  if (withManifest)
    files['manifest.csv'] = new TextEncoder().encode(writeCsv(['propertyName', 'value'], manifest));
  for (const [name, rows] of Object.entries(tables)) {
    if (!isOneRosterFile(name)) throw new Error(`not a OneRoster file: ${name}`);
    const header = name === 'classes' ? [...headerOf(name), HOURS_PER_WEEK_COLUMN] : headerOf(name);
    const text = writeCsv(
      header,
      rows.map((r) => header.map((h) => r[h] ?? (h === 'status' ? 'active' : ''))),
    );
    files[`${name}.csv`] = new TextEncoder().encode(text);
  }
  for (const [name, text] of Object.entries(extra)) files[name] = new TextEncoder().encode(text);
  return zipSync(files, { mtime: new Date('2026-09-01T00:00:00Z') });
}

/** The context of the school's administrator. */
export function adminCtx(db: Kysely<DB>, personId: number, schoolId: number, lang: 'ru' | 'en' = 'ru'): Ctx {
  return {
    db,
    actor: {
      kind: 'person',
      personId,
      accountId: 0,
      grants: [{ role: 'admin', schoolId, districtId: null }],
    },
    request: { requestId: null, ip: null, lang },
  };
}

const user = (
  sourcedId: string,
  familyName: string,
  givenName: string,
  middleName: string,
  more: Record<string, string> = {},
) => ({
  sourcedId,
  enabledUser: 'true',
  username: `user-${sourcedId}`,
  familyName,
  givenName,
  middleName,
  ...more,
});

const enrol = (
  sourcedId: string,
  classSourcedId: string,
  userSourcedId: string,
  role: string,
  more: Record<string, string> = {},
) => ({
  sourcedId,
  classSourcedId,
  schoolSourcedId: 'org-1',
  userSourcedId,
  role,
  ...more,
});

/**
 * A small school year 2026/2027 by hand: 5А (Лебедева, Орлов, Смирнова who left on 20.12.2026,
 * class teacher Петрова) and 5Б (Зайцев); mathematics to the whole 5А (Петрова, second teacher
 * Сидоров, 5 hours), English to a subgroup of 5А (Сидоров), a choir across 5А and 5Б (Петрова);
 * Лебедева's mother Лебедева Ольга.
 */
export function handRoster(schoolYear = '2027'): RosterTables {
  const role = (id: string, userSourcedId: string, r: string) => ({
    sourcedId: id,
    userSourcedId,
    roleType: 'primary',
    role: r,
    orgSourcedId: 'org-1',
  });
  return {
    orgs: [{ sourcedId: 'org-1', name: 'Школа № 1', type: 'school', identifier: '1' }],
    academicSessions: [
      {
        sourcedId: 'y',
        title: '2026/2027',
        type: 'schoolYear',
        startDate: '2026-09-01',
        endDate: '2027-08-31',
        schoolYear,
      },
    ],
    courses: [
      {
        sourcedId: 'c-math',
        title: 'Математика, 5 класс',
        grades: '05',
        orgSourcedId: 'org-1',
        subjects: 'Математика',
      },
      {
        sourcedId: 'c-eng',
        title: 'Английский язык, 5 класс',
        grades: '05',
        orgSourcedId: 'org-1',
        subjects: 'Английский язык',
      },
      { sourcedId: 'c-choir', title: 'Хор, 5 класс', grades: '05', orgSourcedId: 'org-1', subjects: 'Хор' },
      {
        sourcedId: 'c-home',
        title: 'Классный час, 5 класс',
        grades: '05',
        orgSourcedId: 'org-1',
        subjects: 'Классный час',
      },
    ],
    classes: [
      {
        sourcedId: 'h-5a',
        title: '5А',
        classCode: '5А',
        classType: 'homeroom',
        courseSourcedId: 'c-home',
        schoolSourcedId: 'org-1',
        termSourcedIds: 'y',
      },
      {
        sourcedId: 'h-5b',
        title: '5Б',
        classCode: '5Б',
        classType: 'homeroom',
        courseSourcedId: 'c-home',
        schoolSourcedId: 'org-1',
        termSourcedIds: 'y',
      },
      {
        sourcedId: 's-math',
        title: 'Математика 5А',
        classType: 'scheduled',
        courseSourcedId: 'c-math',
        schoolSourcedId: 'org-1',
        termSourcedIds: 'y',
        [HOURS_PER_WEEK_COLUMN]: '5',
      },
      {
        sourcedId: 's-eng',
        title: 'Английский язык 5А (группа 1)',
        classType: 'scheduled',
        courseSourcedId: 'c-eng',
        schoolSourcedId: 'org-1',
        termSourcedIds: 'y',
        [HOURS_PER_WEEK_COLUMN]: '3',
      },
      {
        sourcedId: 's-choir',
        title: 'Хор 5-е классы',
        classType: 'scheduled',
        courseSourcedId: 'c-choir',
        schoolSourcedId: 'org-1',
        termSourcedIds: 'y',
        [HOURS_PER_WEEK_COLUMN]: '1',
      },
    ],
    users: [
      user('t1', 'Петрова', 'Анна', 'Сергеевна'),
      user('t2', 'Сидоров', 'Пётр', 'Ильич'),
      user('s1', 'Лебедева', 'Мария', 'Андреевна', { identifier: 'ЛД-1', agentSourcedIds: 'p1' }),
      user('s2', 'Орлов', 'Кирилл', 'Олегович', { identifier: 'ЛД-2' }),
      user('s3', 'Смирнова', 'Вера', 'Павловна', { identifier: 'ЛД-3' }),
      user('s4', 'Зайцев', 'Глеб', 'Романович', { identifier: 'ЛД-4' }),
      user('p1', 'Лебедева', 'Ольга', 'Ивановна', { agentSourcedIds: 's1' }),
    ],
    roles: [
      role('r1', 't1', 'teacher'),
      role('r2', 't2', 'teacher'),
      role('r3', 's1', 'student'),
      role('r4', 's2', 'student'),
      role('r5', 's3', 'student'),
      role('r6', 's4', 'student'),
      role('r7', 'p1', 'guardian'),
    ],
    enrollments: [
      enrol('e1', 'h-5a', 't1', 'teacher', { primary: 'true' }),
      enrol('e2', 'h-5a', 's1', 'student', { beginDate: '2026-09-01' }),
      enrol('e3', 'h-5a', 's2', 'student', { beginDate: '2026-09-01' }),
      enrol('e4', 'h-5a', 's3', 'student', { beginDate: '2026-09-01', endDate: '2026-12-20' }),
      enrol('e5', 'h-5b', 's4', 'student', { beginDate: '2026-09-01' }),
      enrol('e6', 's-math', 't1', 'teacher', { primary: 'true' }),
      enrol('e7', 's-math', 't2', 'teacher', { primary: 'false' }),
      enrol('e8', 's-math', 's1', 'student', { beginDate: '2026-09-01' }),
      enrol('e9', 's-math', 's2', 'student', { beginDate: '2026-09-01' }),
      enrol('e10', 's-math', 's3', 'student', { beginDate: '2026-09-01', endDate: '2026-12-20' }),
      enrol('e11', 's-eng', 't2', 'teacher', { primary: 'true' }),
      enrol('e12', 's-eng', 's1', 'student', { beginDate: '2026-09-01' }),
      enrol('e13', 's-eng', 's2', 'student', { beginDate: '2026-10-01' }),
      enrol('e14', 's-choir', 't1', 'teacher', { primary: 'true' }),
      enrol('e15', 's-choir', 's2', 'student', { beginDate: '2026-09-01' }),
      enrol('e16', 's-choir', 's4', 'student', { beginDate: '2026-09-01' }),
    ],
  };
}

/** Rows the school holds in the tables an import writes (counted by school). */
export async function rosterCounts(db: Kysely<DB>, schoolId: number) {
  const tables = [
    'persons',
    'classes',
    'groups',
    'courses',
    'groupMemberships',
    'guardianships',
    'rosterIds',
    'auditEvents',
    'subjects',
  ] as const;
  const counts = await Promise.all(
    tables.map((t) =>
      db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('schoolId', '=', schoolId)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n)),
    ),
  );
  return Object.fromEntries(tables.map((t, i) => [t, counts[i]]));
}
