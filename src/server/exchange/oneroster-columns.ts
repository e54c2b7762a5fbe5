/**
 * The OneRoster 1.2 CSV binding as data: each file's columns in order, whether a value is required,
 * its type and what it refers to. Source: 1EdTech OneRoster CSV Binding 1.2.1 (Final Release,
 * 22 August 2023), https://www.imsglobal.org/spec/oneroster/v1p2/bind/csv — see docs/ONEROSTER.md.
 */

/** The data files Otmetka writes and reads (the manifest lists more; those are always 'absent' here). */
export const ONEROSTER_FILES = [
  'academicSessions',
  'categories',
  'classes',
  'courses',
  'enrollments',
  'lineItems',
  'orgs',
  'results',
  'roles',
  'users',
] as const;

/** The name of a data file without '.csv'. */
export type OneRosterFile = (typeof ONEROSTER_FILES)[number];

/** Every file the 1.2 manifest names with a `file.<name>` property, in the spec's order. */
export const MANIFEST_FILES = [
  'academicSessions',
  'categories',
  'classes',
  'classResources',
  'courses',
  'courseResources',
  'demographics',
  'enrollments',
  'lineItemLearningObjectiveIds',
  'lineItems',
  'lineItemScoreScales',
  'orgs',
  'resources',
  'resultLearningObjectiveIds',
  'results',
  'resultScoreScales',
  'roles',
  'scoreScales',
  'userProfiles',
  'userResources',
  'users',
] as const;

/** The manifest's header and the properties it must carry. */
export const MANIFEST_HEADER = ['propertyName', 'value'] as const;
/** Value of manifest.version for OneRoster 1.2. */
export const MANIFEST_VERSION = '1.0';
/** Value of oneroster.version. */
export const ONEROSTER_VERSION = '1.2';
/** Values of a `file.<name>` property. */
export const FILE_MODES = ['absent', 'bulk', 'delta'] as const;
/** How a file is supplied. */
export type FileMode = (typeof FILE_MODES)[number];

/** The kinds of value a column holds. */
export type ColumnType =
  | 'id' // a sourcedId (GUID in the spec's words: any non-empty string, unique in its file)
  | 'idList' // sourcedIds separated by commas
  | 'string'
  | 'stringList' // strings separated by commas (subjects, grades, periods)
  | 'date' // YYYY-MM-DD
  | 'datetime' // ISO 8601 with a time zone, e.g. 2026-10-12T08:30:00.000Z
  | 'year' // a four-digit year (academicSessions.schoolYear)
  | 'enum'
  | 'boolean' // 'true' or 'false'
  | 'float';

/** One column of a data file. */
export interface ColumnDef {
  readonly name: string;
  /** A value must be present (for status and dateLastModified: only in delta files). */
  readonly required: boolean;
  readonly type: ColumnType;
  /** Allowed values of an enum column (or of each item of a stringList column). */
  readonly values?: readonly string[];
  /** The file whose sourcedIds an 'id'/'idList' column refers to (absent for the row's own sourcedId). */
  readonly ref?: OneRosterFile;
}

/** status of a record. */
export const STATUS_VALUES = ['active', 'tobedeleted'] as const;
/** orgs.type. */
export const ORG_TYPES = ['department', 'school', 'district', 'local', 'state', 'national'] as const;
/** academicSessions.type. */
export const SESSION_TYPES = ['gradingPeriod', 'semester', 'schoolYear', 'term'] as const;
/** classes.classType. */
export const CLASS_TYPES = ['homeroom', 'scheduled'] as const;
/** enrollments.role. */
export const ENROLLMENT_ROLES = ['administrator', 'proctor', 'student', 'teacher'] as const;
/** roles.roleType. */
export const ROLE_TYPES = ['primary', 'secondary'] as const;
/** roles.role. */
export const USER_ROLES = [
  'aide',
  'counselor',
  'districtAdministrator',
  'guardian',
  'parent',
  'principal',
  'proctor',
  'relative',
  'siteAdministrator',
  'student',
  'systemAdministrator',
  'teacher',
] as const;
/** results.scoreStatus. */
export const SCORE_STATUSES = [
  'exempt',
  'fully graded',
  'not submitted',
  'partially graded',
  'submitted',
] as const;
/** The grade codes (CEDS) OneRoster uses in grades columns; Otmetka writes KG and 01..12. */
export const GRADE_CODES = [
  'IT',
  'PR',
  'PK',
  'TK',
  'KG',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  'PS',
  'UG',
  'Other',
] as const;

/** Prefix of extension values that enums outside status accept (e.g. 'ext:tutor'). */
export const EXTENSION_VALUE_PREFIX = 'ext:';

/** Prefix of extension columns, which follow the standard ones. */
export const METADATA_PREFIX = 'metadata.';
/** Otmetka's extension column on classes.csv: the course's hours per week. */
export const HOURS_PER_WEEK_COLUMN = 'metadata.otmetka.hoursPerWeek';

const req = (name: string, type: ColumnType, more: Partial<ColumnDef> = {}): ColumnDef => ({
  name,
  required: true,
  type,
  ...more,
});
const opt = (name: string, type: ColumnType, more: Partial<ColumnDef> = {}): ColumnDef => ({
  name,
  required: false,
  type,
  ...more,
});

const base: readonly ColumnDef[] = [
  req('sourcedId', 'id'),
  opt('status', 'enum', { values: STATUS_VALUES }),
  opt('dateLastModified', 'datetime'),
];

/** The standard columns of each data file, in the order the header must list them. */
export const COLUMNS: Readonly<Record<OneRosterFile, readonly ColumnDef[]>> = {
  academicSessions: [
    ...base,
    req('title', 'string'),
    req('type', 'enum', { values: SESSION_TYPES }),
    req('startDate', 'date'),
    req('endDate', 'date'),
    opt('parentSourcedId', 'id', { ref: 'academicSessions' }),
    req('schoolYear', 'year'),
  ],
  categories: [...base, req('title', 'string'), opt('weight', 'float')],
  classes: [
    ...base,
    req('title', 'string'),
    opt('grades', 'stringList', { values: GRADE_CODES }),
    req('courseSourcedId', 'id', { ref: 'courses' }),
    opt('classCode', 'string'),
    req('classType', 'enum', { values: CLASS_TYPES }),
    opt('location', 'string'),
    req('schoolSourcedId', 'id', { ref: 'orgs' }),
    req('termSourcedIds', 'idList', { ref: 'academicSessions' }),
    opt('subjects', 'stringList'),
    opt('subjectCodes', 'stringList'),
    opt('periods', 'stringList'),
  ],
  courses: [
    ...base,
    opt('schoolYearSourcedId', 'id', { ref: 'academicSessions' }),
    req('title', 'string'),
    opt('courseCode', 'string'),
    opt('grades', 'stringList', { values: GRADE_CODES }),
    req('orgSourcedId', 'id', { ref: 'orgs' }),
    opt('subjects', 'stringList'),
    opt('subjectCodes', 'stringList'),
  ],
  enrollments: [
    ...base,
    req('classSourcedId', 'id', { ref: 'classes' }),
    req('schoolSourcedId', 'id', { ref: 'orgs' }),
    req('userSourcedId', 'id', { ref: 'users' }),
    req('role', 'enum', { values: ENROLLMENT_ROLES }),
    opt('primary', 'boolean'),
    opt('beginDate', 'date'),
    opt('endDate', 'date'),
  ],
  lineItems: [
    ...base,
    req('title', 'string'),
    opt('description', 'string'),
    req('assignDate', 'date'),
    req('dueDate', 'date'),
    req('classSourcedId', 'id', { ref: 'classes' }),
    req('categorySourcedId', 'id', { ref: 'categories' }),
    req('academicSessionSourcedId', 'id', { ref: 'academicSessions' }),
    opt('resultValueMin', 'float'),
    opt('resultValueMax', 'float'),
    req('schoolSourcedId', 'id', { ref: 'orgs' }),
  ],
  orgs: [
    ...base,
    req('name', 'string'),
    req('type', 'enum', { values: ORG_TYPES }),
    opt('identifier', 'string'),
    opt('parentSourcedId', 'id', { ref: 'orgs' }),
  ],
  results: [
    ...base,
    req('lineItemSourcedId', 'id', { ref: 'lineItems' }),
    req('studentSourcedId', 'id', { ref: 'users' }),
    req('scoreStatus', 'enum', { values: SCORE_STATUSES }),
    opt('score', 'float'),
    req('scoreDate', 'date'),
    opt('comment', 'string'),
    opt('textScore', 'string'),
    opt('classSourcedId', 'id', { ref: 'classes' }),
    opt('inProgress', 'boolean'),
    opt('incomplete', 'boolean'),
    opt('late', 'boolean'),
    opt('missing', 'boolean'),
  ],
  roles: [
    ...base,
    req('userSourcedId', 'id', { ref: 'users' }),
    req('roleType', 'enum', { values: ROLE_TYPES }),
    req('role', 'enum', { values: USER_ROLES }),
    opt('beginDate', 'date'),
    opt('endDate', 'date'),
    req('orgSourcedId', 'id', { ref: 'orgs' }),
    opt('userProfileSourcedId', 'id'),
  ],
  users: [
    ...base,
    req('enabledUser', 'boolean'),
    req('username', 'string'),
    opt('userIds', 'stringList'),
    req('givenName', 'string'),
    req('familyName', 'string'),
    opt('middleName', 'string'),
    opt('identifier', 'string'),
    opt('email', 'string'),
    opt('sms', 'string'),
    opt('phone', 'string'),
    opt('agentSourcedIds', 'idList', { ref: 'users' }),
    opt('grades', 'stringList', { values: GRADE_CODES }),
    opt('password', 'string'),
    opt('userMasterIdentifier', 'string'),
    opt('preferredGivenName', 'string'),
    opt('preferredMiddleName', 'string'),
    opt('preferredFamilyName', 'string'),
    opt('primaryOrgSourcedId', 'id', { ref: 'orgs' }),
    opt('pronouns', 'string'),
  ],
};

/** The header names of a file, in order. */
export function headerOf(file: OneRosterFile): string[] {
  return COLUMNS[file].map((c) => c.name);
}

/** Whether a name (with or without '.csv') is one of the data files Otmetka knows. */
export function isOneRosterFile(name: string): name is OneRosterFile {
  return (ONEROSTER_FILES as readonly string[]).includes(name);
}
