import { describe, expect, it } from 'vitest';
import { COLUMNS, headerOf, MANIFEST_FILES, type OneRosterFile } from './oneroster-columns.ts';
import { writeCsv } from './oneroster-csv.ts';
import { describeProblem, type OneRosterProblem, validateOneRoster } from './oneroster-validate.ts';

type Rows = Partial<Record<OneRosterFile, Record<string, string>[]>>;

const base: Rows = {
  orgs: [{ sourcedId: 'org-1', name: 'Школа № 1', type: 'school' }],
  academicSessions: [
    {
      sourcedId: 'y',
      title: '2026/2027',
      type: 'schoolYear',
      startDate: '2026-09-01',
      endDate: '2027-05-31',
      schoolYear: '2027',
    },
    {
      sourcedId: 'q1',
      title: '1 четверть',
      type: 'term',
      startDate: '2026-09-01',
      endDate: '2026-10-25',
      parentSourcedId: 'y',
      schoolYear: '2027',
    },
  ],
  courses: [{ sourcedId: 'c-5', title: 'Математика, 5 класс', grades: '05', orgSourcedId: 'org-1' }],
  classes: [
    {
      sourcedId: 'k-1',
      title: 'Математика 5А',
      courseSourcedId: 'c-5',
      classType: 'scheduled',
      schoolSourcedId: 'org-1',
      termSourcedIds: 'y',
      'metadata.otmetka.hoursPerWeek': '5',
    },
  ],
  users: [
    {
      sourcedId: 'u-1',
      enabledUser: 'true',
      username: 'ivanova',
      givenName: 'Анна',
      familyName: 'Иванова',
      agentSourcedIds: 'u-2',
    },
    {
      sourcedId: 'u-2',
      enabledUser: 'false',
      username: 'u-2',
      givenName: 'Ольга',
      familyName: 'Иванова',
      agentSourcedIds: 'u-1',
    },
  ],
  roles: [
    { sourcedId: 'r-1', userSourcedId: 'u-1', roleType: 'primary', role: 'student', orgSourcedId: 'org-1' },
  ],
  enrollments: [
    {
      sourcedId: 'e-1',
      classSourcedId: 'k-1',
      schoolSourcedId: 'org-1',
      userSourcedId: 'u-1',
      role: 'student',
      beginDate: '2026-09-01',
    },
  ],
  categories: [{ sourcedId: 'cat-1', title: 'Контрольная работа', weight: '2' }],
  lineItems: [
    {
      sourcedId: 'li-1',
      title: 'Контрольная работа 12.10.2026',
      assignDate: '2026-10-12',
      dueDate: '2026-10-12',
      classSourcedId: 'k-1',
      categorySourcedId: 'cat-1',
      academicSessionSourcedId: 'q1',
      resultValueMin: '2',
      resultValueMax: '5',
      schoolSourcedId: 'org-1',
    },
  ],
  results: [
    {
      sourcedId: 'res-1',
      lineItemSourcedId: 'li-1',
      studentSourcedId: 'u-1',
      scoreStatus: 'fully graded',
      score: '4',
      scoreDate: '2026-10-12',
    },
  ],
};

function build(rows: Rows, manifestOverrides: Record<string, string> = {}): Map<string, string> {
  const files = new Map<string, string>();
  const manifest: string[][] = [
    ['manifest.version', '1.0'],
    ['oneroster.version', '1.2'],
  ];
  for (const name of MANIFEST_FILES) {
    const present = (rows as Record<string, unknown>)[name] !== undefined;
    manifest.push([`file.${name}`, present ? 'bulk' : 'absent']);
  }
  manifest.push(['source.systemName', 'Отметка'], ['source.systemCode', 'otmetka']);
  for (const row of manifest) {
    const override = manifestOverrides[row[0] as string];
    if (override !== undefined) row[1] = override;
  }
  files.set('manifest.csv', writeCsv(['propertyName', 'value'], manifest));
  for (const [file, list] of Object.entries(rows) as [OneRosterFile, Record<string, string>[]][]) {
    const extra = file === 'classes' ? ['metadata.otmetka.hoursPerWeek'] : [];
    const header = [...headerOf(file), ...extra];
    files.set(
      `${file}.csv`,
      writeCsv(
        header,
        list.map((r) => header.map((h) => r[h] ?? '')),
      ),
    );
  }
  return files;
}

const brief = (ps: OneRosterProblem[]) =>
  ps.map((p) => `${p.file}:${p.row ?? '-'}:${p.column ?? '-'}:${p.key}`);

function withRow(file: OneRosterFile, index: number, patch: Record<string, string>): Rows {
  const list = [...(base[file] ?? [])];
  list[index] = { ...list[index], ...patch };
  return { ...base, [file]: list };
}

describe('validateOneRoster', () => {
  it('accepts a consistent set', () => {
    expect(validateOneRoster(build(base))).toEqual([]);
  });

  it('names every file of the 1.2 binding we model, with sourcedId, status, dateLastModified first', () => {
    for (const cols of Object.values(COLUMNS)) {
      expect(cols.slice(0, 3).map((c) => c.name)).toEqual(['sourcedId', 'status', 'dateLastModified']);
    }
    expect(headerOf('users')).not.toContain('role');
    expect(headerOf('roles')).toEqual([
      'sourcedId',
      'status',
      'dateLastModified',
      'userSourcedId',
      'roleType',
      'role',
      'beginDate',
      'endDate',
      'orgSourcedId',
      'userProfileSourcedId',
    ]);
  });

  it('requires the manifest and its versions and file modes', () => {
    const files = build(base);
    files.delete('manifest.csv');
    expect(brief(validateOneRoster(files))).toEqual(['manifest.csv:-:-:onerosterNoManifest']);
    const wrong = validateOneRoster(
      build(base, { 'oneroster.version': '1.1', 'file.demographics': 'maybe' }),
    );
    expect(brief(wrong)).toEqual([
      'manifest.csv:-:value:onerosterManifestValue',
      'manifest.csv:-:value:onerosterManifestValue',
    ]);
    expect(wrong[0]?.params).toMatchObject({ property: 'oneroster.version', expected: '1.2', value: '1.1' });
  });

  it('finds files the manifest and the archive disagree on', () => {
    const missing = build(base, { 'file.demographics': 'bulk' });
    expect(brief(validateOneRoster(missing))).toEqual(['demographics.csv:-:-:onerosterFileMissing']);
    const undeclared = build(base, { 'file.results': 'absent' });
    expect(brief(validateOneRoster(undeclared))).toEqual(['results.csv:-:-:onerosterFileUndeclared']);
  });

  it('wants the exact header in order, metadata columns only after it', () => {
    const files = build(base);
    files.set(
      'orgs.csv',
      'sourcedId,status,dateLastModified,type,name,identifier,parentSourcedId\r\norg-1,,,school,Школа,,\r\n',
    );
    expect(brief(validateOneRoster(files)).slice(0, 2)).toEqual([
      'orgs.csv:1:type:onerosterHeaderWrong',
      'orgs.csv:1:name:onerosterHeaderWrong',
    ]);
    const extra = build(base);
    extra.set(
      'categories.csv',
      'sourcedId,status,dateLastModified,title,weight,colour\r\ncat-1,,,КР,2,red\r\n',
    );
    expect(brief(validateOneRoster(extra))).toEqual(['categories.csv:1:colour:onerosterHeaderExtra']);
  });

  it('reports empty files and rows with the wrong number of fields', () => {
    expect(brief(validateOneRoster(build({ ...base, categories: [] })))).toContain(
      'categories.csv:-:-:onerosterEmptyFile',
    );
    const files = build(base);
    files.set('categories.csv', 'sourcedId,status,dateLastModified,title,weight\r\ncat-1,,,КР\r\n');
    expect(brief(validateOneRoster(files))).toEqual(['categories.csv:2:-:onerosterFieldCount']);
  });

  it('checks required values, enums, dates, datetimes, years, booleans and numbers', () => {
    const cases: [Rows, string][] = [
      [withRow('users', 0, { givenName: '' }), 'users.csv:2:givenName:onerosterRequired'],
      [withRow('orgs', 0, { type: 'gymnasium' }), 'orgs.csv:2:type:onerosterBadEnum'],
      [
        withRow('academicSessions', 0, { startDate: '01.09.2026' }),
        'academicSessions.csv:2:startDate:onerosterBadDate',
      ],
      [
        withRow('academicSessions', 0, { endDate: '2027-02-30' }),
        'academicSessions.csv:2:endDate:onerosterBadDate',
      ],
      [
        withRow('orgs', 0, { dateLastModified: '2026-10-12 10:00' }),
        'orgs.csv:2:dateLastModified:onerosterBadDatetime',
      ],
      [
        withRow('academicSessions', 0, { schoolYear: '2026/2027' }),
        'academicSessions.csv:2:schoolYear:onerosterBadYear',
      ],
      [withRow('users', 0, { enabledUser: 'yes' }), 'users.csv:2:enabledUser:onerosterBadBoolean'],
      [withRow('results', 0, { score: '4-' }), 'results.csv:2:score:onerosterBadNumber'],
      [withRow('courses', 0, { grades: '05,5' }), 'courses.csv:2:grades:onerosterBadEnum'],
      [withRow('results', 0, { scoreStatus: 'graded' }), 'results.csv:2:scoreStatus:onerosterBadEnum'],
      [
        withRow('enrollments', 0, { endDate: '2026-08-01' }),
        'enrollments.csv:2:endDate:onerosterDatesReversed',
      ],
    ];
    for (const [rows, expected] of cases) expect(brief(validateOneRoster(build(rows)))).toEqual([expected]);
    expect(validateOneRoster(build(withRow('roles', 0, { role: 'ext:tutor' })))).toEqual([]);
  });

  it('requires status and dateLastModified in delta files only', () => {
    expect(brief(validateOneRoster(build(base, { 'file.categories': 'delta' })))).toEqual([
      'categories.csv:2:status:onerosterRequired',
      'categories.csv:2:dateLastModified:onerosterRequired',
    ]);
  });

  it('finds repeated sourcedIds within a file', () => {
    const rows = {
      ...base,
      categories: [...(base.categories ?? []), { sourcedId: 'cat-1', title: 'Другая' }],
    };
    const problems = validateOneRoster(build(rows));
    expect(brief(problems)).toEqual(['categories.csv:3:sourcedId:onerosterDuplicateId']);
    expect(problems[0]?.params).toEqual({ value: 'cat-1', row: 2 });
  });

  it('finds references that do not resolve', () => {
    const cases: [Rows, string][] = [
      [
        withRow('enrollments', 0, { classSourcedId: 'k-9' }),
        'enrollments.csv:2:classSourcedId:onerosterUnknownRef',
      ],
      [
        withRow('enrollments', 0, { userSourcedId: 'u-9' }),
        'enrollments.csv:2:userSourcedId:onerosterUnknownRef',
      ],
      [
        withRow('classes', 0, { courseSourcedId: 'c-9' }),
        'classes.csv:2:courseSourcedId:onerosterUnknownRef',
      ],
      [withRow('classes', 0, { termSourcedIds: 'y,q9' }), 'classes.csv:2:termSourcedIds:onerosterUnknownRef'],
      [withRow('courses', 0, { orgSourcedId: 'org-9' }), 'courses.csv:2:orgSourcedId:onerosterUnknownRef'],
      [
        withRow('lineItems', 0, { categorySourcedId: 'cat-9' }),
        'lineItems.csv:2:categorySourcedId:onerosterUnknownRef',
      ],
      [
        withRow('results', 0, { lineItemSourcedId: 'li-9' }),
        'results.csv:2:lineItemSourcedId:onerosterUnknownRef',
      ],
      [
        withRow('results', 0, { studentSourcedId: 'u-9' }),
        'results.csv:2:studentSourcedId:onerosterUnknownRef',
      ],
      [
        withRow('users', 1, { agentSourcedIds: 'u-1,u-7' }),
        'users.csv:3:agentSourcedIds:onerosterUnknownRef',
      ],
      [
        withRow('academicSessions', 1, { parentSourcedId: 'y-0' }),
        'academicSessions.csv:3:parentSourcedId:onerosterUnknownRef',
      ],
      [
        withRow('orgs', 0, { parentSourcedId: 'district-9' }),
        'orgs.csv:2:parentSourcedId:onerosterUnknownRef',
      ],
    ];
    for (const [rows, expected] of cases) expect(brief(validateOneRoster(build(rows)))).toEqual([expected]);
  });

  it('does not check references into delta files (their records live in the receiver)', () => {
    const rows = withRow('enrollments', 0, { userSourcedId: 'u-9' });
    const files = build(rows, { 'file.users': 'delta' });
    files.set(
      'users.csv',
      `${headerOf('users').join(',')}\r\nu-1,active,2026-10-12T08:00:00.000Z,true,ivanova,,Анна,Иванова,,,,,,,,,,,,,,\r\n`,
    );
    expect(validateOneRoster(files)).toEqual([]);
  });

  it('stops at the limit and says so', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ sourcedId: `c${i}`, title: '', weight: 'x' }));
    const problems = validateOneRoster(build({ ...base, categories: many }), 10);
    expect(problems).toHaveLength(10);
    expect(problems[9]?.key).toBe('onerosterTooManyProblems');
  });

  it('describes a problem in Russian and English', () => {
    const [p] = validateOneRoster(build(withRow('users', 0, { enabledUser: 'yes' })));
    if (!p) throw new Error('expected a problem');
    expect(describeProblem(p, 'ru')).toBe(
      'users.csv, строка 2, столбец «enabledUser»: Значение «yes» должно быть true или false.',
    );
    expect(describeProblem(p, 'en')).toBe(
      'users.csv, row 2, column «enabledUser»: The value «yes» must be true or false.',
    );
  });
});
