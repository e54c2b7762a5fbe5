import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** An ISO-8601 timestamp ('2026-09-01T08:30:00.000Z'): text on SQLite, timestamptz on PostgreSQL. */
export type Timestamp = string;
/** A calendar date 'YYYY-MM-DD': text on SQLite, date on PostgreSQL. */
export type DateOnly = string;
/** A creation timestamp the database fills in when omitted. */
type CreatedAt = ColumnType<Timestamp, Timestamp | undefined, never>;
/** JSON stored as text on both engines. */
type JsonText = string;

/** A set of schools under one education department: the top of the tenancy. */
export interface DistrictTable {
  id: Generated<number>;
  name: string;
  createdAt: CreatedAt;
}

/** A school: the tenant every school-owned row points to. */
export interface SchoolTable {
  id: Generated<number>;
  districtId: number | null;
  name: string;
  shortName: string;
  /** School settings as JSON, validated by `schoolSettingsSchema` on read. */
  settings: JsonText;
  createdAt: CreatedAt;
  archivedAt: Timestamp | null;
}

/** A person: staff member, student or parent. District staff have no school. */
export interface PersonTable {
  id: Generated<number>;
  schoolId: number | null;
  lastName: string;
  firstName: string;
  middleName: string;
  /** Lower case, ё→е: the Russian sort order on both engines (see db/collation.ts). */
  sortKey: string;
  sex: 'm' | 'f' | null;
  birthDate: DateOnly | null;
  email: string | null;
  phone: string | null;
  extraPhone: string | null;
  address: string | null;
  /** A parent's place of work, as the class journal's general information records it. */
  workplace: string | null;
  createdAt: CreatedAt;
  archivedAt: Timestamp | null;
}

/** A student's personal file (личное дело): one row per student, keyed by the person. */
export interface StudentProfileTable {
  personId: number;
  schoolId: number;
  /** The personal file number: unique in the school, the key imports match students by. */
  fileNumber: string;
  healthGroup: string | null;
  peGroup: string | null;
  arrivedOn: DateOnly | null;
  arrivalOrder: string | null;
  departedOn: DateOnly | null;
  departureOrder: string | null;
}

/** A parent's consent to processing personal data (152-ФЗ), with its date; withdrawal ends it. */
export interface ConsentTable {
  id: Generated<number>;
  schoolId: number;
  guardianId: number;
  givenOn: DateOnly;
  withdrawnOn: DateOnly | null;
  recordedBy: number | null;
  recordedAt: CreatedAt;
}

/** Where a person's card data was shown. */
export type CardViewSource = 'card' | 'roster' | 'print' | 'export';

/**
 * Who saw whose personal data, where and when: one row per viewed person. `guardianId` null: the
 * student's own data; otherwise the parent's contacts, shown with the student `studentId`.
 */
export interface CardViewTable {
  id: Generated<number>;
  schoolId: number;
  studentId: number;
  guardianId: ColumnType<number | null, number | null | undefined, never>;
  viewerId: number;
  source: ColumnType<CardViewSource, CardViewSource | undefined, never>;
  at: CreatedAt;
}

/** Login credentials of a person. */
export interface AccountTable {
  id: Generated<number>;
  personId: number;
  login: string;
  passwordHash: string;
  /** Null until the person sets their own password: the first login forces a change. */
  passwordChangedAt: Timestamp | null;
  lastLoginAt: Timestamp | null;
  createdAt: CreatedAt;
  disabledAt: Timestamp | null;
}

/**
 * Failed logins in a row per login name, whether or not an account has it, so that a lock says
 * nothing about which logins exist. The row goes away at the next successful login.
 */
export interface LoginThrottleTable {
  login: string;
  failures: number;
  lockedUntil: Timestamp | null;
  updatedAt: Timestamp;
}

/** An account's TOTP secret: pending until a first code confirms it (`enabledAt`). */
export interface TwoFactorTable {
  accountId: number;
  /** Base32, as the app got it: the server must read it to check codes. */
  secret: string;
  createdAt: CreatedAt;
  enabledAt: Timestamp | null;
  /** The last time step a code was accepted at: no code of it or before is accepted again. */
  lastStep: number | null;
}

/** One-time recovery codes of a two-factor account, stored as SHA-256 hashes. */
export interface RecoveryCodeTable {
  id: Generated<number>;
  accountId: number;
  codeHash: string;
  usedAt: Timestamp | null;
}

/** A login waiting for its second step; the id is the SHA-256 of the pending cookie's token. */
export interface TwoFactorChallengeTable {
  id: string;
  accountId: number;
  purpose: 'code' | 'enroll';
  expiresAt: Timestamp;
}

/** A role a person holds in a school (or, for `district`, in a district). */
export interface RoleAssignmentTable {
  id: Generated<number>;
  personId: number;
  schoolId: number | null;
  districtId: number | null;
  role: string;
  createdAt: CreatedAt;
  revokedAt: Timestamp | null;
}

/** How a parent or legal representative is related to the student. */
export type GuardianKind = 'mother' | 'father' | 'guardian' | 'other';

/** A parent or legal guardian of a student. */
export interface GuardianshipTable {
  id: Generated<number>;
  schoolId: number;
  guardianId: number;
  studentId: number;
  kind: GuardianKind;
  createdAt: CreatedAt;
  archivedAt: Timestamp | null;
}

/** Why a session ended. */
export type SessionEndReason =
  | 'logout'
  | 'idle'
  | 'password_changed'
  | 'password_reset'
  | 'disabled'
  /** Ended by its owner from another session («Безопасность»). */
  | 'ended_by_owner';

/** A server-side login session; the id is the SHA-256 of the cookie token. */
export interface SessionTable {
  id: string;
  accountId: number;
  csrfToken: string;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  idleTimeoutMinutes: number;
  ip: string | null;
  userAgent: string | null;
  endedAt: Timestamp | null;
  /** Why the session ended: an idle one is reported as expired, not as never signed in. */
  endReason: SessionEndReason | null;
  /** Locked since (idle lock or «Заблокировать»): only unlock, logout and the name answer. */
  lockedAt: Timestamp | null;
}

/** How a login attempt on an existing account ended. */
export type SignInOutcome = 'ok' | 'badPassword' | 'locked' | 'badCode';

/** One login attempt on an existing account (the login history its owner sees). */
export interface SignInTable {
  id: Generated<number>;
  accountId: number;
  personId: number;
  schoolId: number | null;
  at: Timestamp;
  ip: string | null;
  userAgent: string | null;
  outcome: SignInOutcome;
  /** 1 when the browser's device cookie was already known to the account. */
  deviceKnown: number;
}

/** A browser an account has signed in from: the SHA-256 of its `otmetka_device` cookie. */
export interface KnownDeviceTable {
  id: Generated<number>;
  accountId: number;
  deviceHash: string;
  firstSeenAt: Timestamp;
  lastSeenAt: Timestamp;
  userAgent: string | null;
}

/** An academic year, 1 September – 31 August. */
export interface AcademicYearTable {
  id: Generated<number>;
  schoolId: number;
  name: string;
  startsOn: DateOnly;
  endsOn: DateOnly;
}

/** Which period scheme a grade level follows in a year. */
export interface GradeSchemeTable {
  id: Generated<number>;
  schoolId: number;
  academicYearId: number;
  grade: number;
  scheme: 'quarters' | 'trimesters' | 'halves';
}

/** A study period (quarter, trimester, half-year) or the year/exam/final pseudo-periods. */
export interface PeriodTable {
  id: Generated<number>;
  schoolId: number;
  academicYearId: number;
  scheme: 'quarters' | 'trimesters' | 'halves' | 'year';
  kind: 'term' | 'year' | 'exam' | 'final';
  number: number;
  name: string;
  startsOn: DateOnly;
  endsOn: DateOnly;
  closedAt: Timestamp | null;
}

/** Holidays, public holidays and working-day transfers. */
export interface CalendarEntryTable {
  id: Generated<number>;
  schoolId: number;
  academicYearId: number;
  kind: 'vacation' | 'holiday' | 'workday';
  name: string;
  startsOn: DateOnly;
  endsOn: DateOnly;
  /** Null: the whole school; otherwise only this grade (e.g. extra holidays for grade 1). */
  grade: number | null;
  /** For a working-day transfer: whose weekday's timetable the day follows (1 = Monday). */
  asWeekday: number | null;
}

/** A class: grade level and letter, with its class teacher. */
export interface ClassTable {
  id: Generated<number>;
  schoolId: number;
  academicYearId: number;
  grade: number;
  letter: string;
  classTeacherId: number | null;
  daysPerWeek: ColumnType<number, number | undefined, number>;
  archivedAt: Timestamp | null;
}

/** A subject such as «Математика». */
export interface SubjectTable {
  id: Generated<number>;
  schoolId: number;
  name: string;
  shortName: string;
  sortOrder: ColumnType<number, number | undefined, number>;
  archivedAt: Timestamp | null;
  /** 1/0: whether a cell takes two marks («5/4»); null: the default by name (Russian, literature). */
  twoMarks: number | null;
}

/** Who is taught together: a whole class, a subgroup or a cross-class group. */
export interface GroupTable {
  id: Generated<number>;
  schoolId: number;
  academicYearId: number;
  classId: number | null;
  kind: 'class' | 'subgroup' | 'cross';
  name: string;
  /** The subject a subgroup or cross-class group was formed for. */
  subjectId: number | null;
  archivedAt: Timestamp | null;
}

/** A student in a group from a date to a date; moving closes one and opens another. */
export interface GroupMembershipTable {
  id: Generated<number>;
  schoolId: number;
  groupId: number;
  studentId: number;
  startsOn: DateOnly;
  endsOn: DateOnly | null;
}

/** A subject taught to a group by a teacher in a year: the unit of the journal. */
export interface CourseTable {
  id: Generated<number>;
  schoolId: number;
  academicYearId: number;
  subjectId: number;
  groupId: number;
  teacherId: number;
  secondTeacherId: number | null;
  hoursPerWeek: number;
  archivedAt: Timestamp | null;
}

/** A kind of work with its weight in averages. */
export interface WorkKindTable {
  id: Generated<number>;
  schoolId: number;
  name: string;
  shortName: string;
  weight: number;
  archivedAt: Timestamp | null;
  /** 1: a written work, whose marks are due within the timeliness rule's days. */
  written: ColumnType<number, number | undefined, number>;
  /** 1: an assessment procedure (≥30 minutes, the whole class), listed in the federal schedule. */
  assessment: ColumnType<number, number | undefined, number>;
}

/** A named bell schedule (weekdays, Saturday…). */
export interface BellScheduleTable {
  id: Generated<number>;
  schoolId: number;
  name: string;
  /** JSON array of the weekdays (1 = Monday … 6 = Saturday) this set applies to. */
  weekdays: ColumnType<JsonText, JsonText | undefined, JsonText>;
}

/** Lesson number → start and end time within a bell schedule. */
export interface BellTimeTable {
  id: Generated<number>;
  schoolId: number;
  bellScheduleId: number;
  lessonNumber: number;
  startsAt: string;
  endsAt: string;
}

/** A weekly timetable slot of a course. */
export interface TimetableSlotTable {
  id: Generated<number>;
  schoolId: number;
  courseId: number;
  weekday: number;
  lessonNumber: number;
  room: string | null;
  validFrom: DateOnly;
  validTo: DateOnly | null;
}

/** A dated change of the timetable: a cancellation, a substitution, a move. */
export interface TimetableChangeTable {
  id: Generated<number>;
  schoolId: number;
  date: DateOnly;
  lessonNumber: number;
  courseId: number;
  kind: 'cancel' | 'substitute' | 'move' | 'extra';
  substituteTeacherId: number | null;
  room: string | null;
  /** For a moved lesson: where it goes. */
  movedToDate: DateOnly | null;
  movedToLessonNumber: number | null;
  reason: string | null;
  createdBy: number | null;
  createdAt: CreatedAt;
}

/** A planned topic of the calendar-thematic plan (КТП). */
export interface PlanItemTable {
  id: Generated<number>;
  schoolId: number;
  courseId: number;
  position: number;
  section: string | null;
  topic: string;
  hours: ColumnType<number, number | undefined, number>;
  controlKind: string | null;
  plannedOn: DateOnly | null;
}

/** A lesson of a course on a date: the lesson page. */
export interface LessonTable {
  id: Generated<number>;
  schoolId: number;
  courseId: number;
  date: DateOnly;
  lessonNumber: number;
  teacherId: number;
  planItemId: number | null;
  topic: string | null;
  lessonKind: string | null;
  plan: string | null;
  homework: string | null;
  homeworkDueOn: DateOnly | null;
  createdAt: CreatedAt;
  topicEnteredAt: Timestamp | null;
  homeworkEnteredAt: Timestamp | null;
  attendanceTakenAt: Timestamp | null;
  /** Set when a timetable change cancels the lesson; the row stays. */
  cancelledAt: Timestamp | null;
  /** Where the lesson came from: the weekly timetable, or a dated change (extra, moved). */
  origin: ColumnType<'timetable' | 'change', 'timetable' | 'change' | undefined, 'timetable' | 'change'>;
  /** JSON array of the work kind ids whose mark columns the lesson shows; null: the default one. */
  markColumns: JsonText | null;
}

/** A file attached to a lesson's homework; removal is soft. */
export interface LessonFileTable {
  id: Generated<number>;
  schoolId: number;
  lessonId: number;
  name: string;
  mime: string;
  size: number;
  content: Buffer;
  createdAt: CreatedAt;
  createdBy: number;
  deletedAt: Timestamp | null;
}

/** A period closed for a class by the deputy: its marks are read-only until reopened (with a reason). */
export interface PeriodClosureTable {
  id: Generated<number>;
  schoolId: number;
  periodId: number;
  classId: number;
  closedAt: Timestamp;
  closedBy: number;
  reopenedAt: Timestamp | null;
  reopenedBy: number | null;
  reopenReason: string | null;
}

/** A mark of a student for a lesson and a kind of work. Removal is soft, and audited. */
export interface MarkTable {
  id: Generated<number>;
  schoolId: number;
  lessonId: number;
  studentId: number;
  workKindId: number;
  value: string;
  comment: string | null;
  version: Generated<number>;
  createdAt: CreatedAt;
  createdBy: number;
  updatedAt: Timestamp | null;
  updatedBy: number | null;
  deletedAt: Timestamp | null;
}

/** Attendance of a student at a lesson: н, б, уп, оп… */
export interface AttendanceTable {
  id: Generated<number>;
  schoolId: number;
  lessonId: number;
  studentId: number;
  value: string;
  reason: string | null;
  version: Generated<number>;
  createdAt: CreatedAt;
  createdBy: number;
  updatedAt: Timestamp | null;
  updatedBy: number | null;
  deletedAt: Timestamp | null;
}

/** A period, year, exam or final mark of a student in a subject. */
export interface PeriodMarkTable {
  id: Generated<number>;
  schoolId: number;
  studentId: number;
  subjectId: number;
  courseId: number | null;
  periodId: number;
  value: string;
  version: Generated<number>;
  createdAt: CreatedAt;
  createdBy: number;
  updatedAt: Timestamp | null;
  updatedBy: number | null;
  deletedAt: Timestamp | null;
}

/** A deputy's remark on how a course's journal is kept. */
export interface RemarkTable {
  id: Generated<number>;
  schoolId: number;
  courseId: number;
  authorId: number;
  text: string;
  /** The lesson the remark is about, when it is about one. */
  lessonId: number | null;
  createdAt: CreatedAt;
  fixedAt: Timestamp | null;
  fixedBy: number | null;
  /** What the teacher says they did. */
  fixNote: string | null;
  closedAt: Timestamp | null;
  closedBy: number | null;
}

/** One entry of the append-only history of changes. */
export interface AuditEventTable {
  id: Generated<number>;
  schoolId: number | null;
  at: Timestamp;
  actorId: number | null;
  actorKind: 'person' | 'system' | 'anonymous';
  action: string;
  entity: string;
  entityId: string | null;
  before: JsonText | null;
  after: JsonText | null;
  ip: string | null;
  requestId: string | null;
  /** Its place in its chain (the school's, or chain 0 for events of no school), from 1. */
  seq: number;
  /** The hash of the event before it in the chain (`genesisHash` for the first). */
  prevHash: string;
  /** SHA-256 over `prevHash` and the fields above (src/server/audit/chain.ts). */
  hash: string;
}

/** The last event of each audit chain: appends lock it, so a chain never forks. */
export interface AuditHeadTable {
  /** The school's id, or 0 for events of no school. */
  chainKey: number;
  seq: number;
  hash: string;
  updatedAt: Timestamp;
}

/** A school's data version: bumped with every audited change, the key of cached diaries. */
export interface DataVersionTable {
  schoolId: number;
  version: ColumnType<number, number | undefined, number>;
  /** Bumped by changes that may show in any diary of the school (not one student's own). */
  diaryVersion: ColumnType<number, number | undefined, number>;
}

/** A parent's «ознакомлен» for a student's week (the Monday it starts). */
export interface WeekAcknowledgementTable {
  id: Generated<number>;
  schoolId: number;
  studentId: number;
  guardianId: number;
  weekStart: DateOnly;
  at: CreatedAt;
}

/** A parent's notice of an upcoming absence; it fills the reason when the absence is recorded. */
export interface AbsenceNoticeTable {
  id: Generated<number>;
  schoolId: number;
  studentId: number;
  fromDate: DateOnly;
  toDate: DateOnly;
  /** One of `absenceReasons` (illness, excused). */
  reason: string;
  comment: string | null;
  createdBy: number;
  createdAt: CreatedAt;
  cancelledAt: Timestamp | null;
}

/** A person's notification preferences (flags are 0/1); no row: the defaults. */
export interface NotificationPrefsTable {
  personId: number;
  emailEnabled: number;
  telegramEnabled: number;
  absencesInstant: number;
  /** Marks at or below this value are sent at once; null: none at once. */
  markThreshold: number | null;
  digest: number;
  updatedAt: CreatedAt;
}

/** The state of a queued notification. */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

/** A notification to send once: queued in the transaction of its cause, sent by the worker. */
export interface OutboxTable {
  id: Generated<number>;
  schoolId: number;
  personId: number | null;
  channel: 'email' | 'telegram';
  /** The e-mail address or the Telegram chat id. */
  address: string;
  kind: string;
  subject: string;
  body: string;
  /** Unique: the same cause never queues twice. */
  dedupeKey: string;
  /** JSON: what must still hold when it is sent (a mark not corrected meanwhile), or null. */
  recheck: JsonText | null;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  dueAt: Timestamp;
  /** A worker that took the row holds it until then; afterwards another may take it. */
  claimedUntil: Timestamp | null;
  sentAt: Timestamp | null;
  lastError: string | null;
  createdAt: CreatedAt;
}

/** A person's Telegram chat, linked with a one-time code. */
export interface TelegramLinkTable {
  id: Generated<number>;
  personId: number;
  chatId: string;
  linkedAt: CreatedAt;
  unlinkedAt: Timestamp | null;
}

/** A one-time code that links a Telegram chat (stored as its SHA-256). */
export interface TelegramCodeTable {
  codeHash: string;
  personId: number;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
}

/** A named value kept by a background job. */
export interface JobStateTable {
  key: string;
  value: string;
}

/** A secret, revocable iCalendar address of a student's lessons (stored as the token's SHA-256). */
export interface CalendarFeedTable {
  id: Generated<number>;
  schoolId: number;
  studentId: number;
  tokenHash: string;
  createdBy: number;
  createdAt: CreatedAt;
  revokedAt: Timestamp | null;
}

/** How a school sends e-mail (flags 0/1). The password is never sent back to a browser. */
export interface MailSettingsTable {
  schoolId: number;
  host: string;
  port: number;
  secure: number;
  username: string | null;
  password: string | null;
  fromAddress: string;
  updatedAt: CreatedAt;
  updatedBy: number | null;
}

/** What a conversation is: a dialog about a student, or an announcement to a class or the school. */
export type ThreadKind = 'dialog' | 'class' | 'school';

/** A conversation; its members are the people who see it. */
export interface ThreadTable {
  id: Generated<number>;
  schoolId: number;
  kind: ThreadKind;
  studentId: number | null;
  classId: number | null;
  subject: string;
  createdBy: number;
  createdAt: CreatedAt;
  lastMessageAt: Timestamp;
}

/** A person in a conversation; `readAt` is when they last read it (read receipts). */
export interface ThreadMemberTable {
  id: Generated<number>;
  schoolId: number;
  threadId: number;
  personId: number;
  readAt: Timestamp | null;
}

/** One message of a conversation; messages are never removed. */
export interface MessageTable {
  id: Generated<number>;
  schoolId: number;
  threadId: number;
  authorId: number;
  body: string;
  createdAt: CreatedAt;
}

/** A file attached to a message; uploaded first (no message yet), then sent with one. */
export interface MessageFileTable {
  id: Generated<number>;
  schoolId: number;
  messageId: number | null;
  name: string;
  mime: string;
  size: number;
  content: Buffer;
  uploadedBy: number;
  createdAt: CreatedAt;
}

/** The pedagogical council's decision on a student at the end of a year (the сводная ведомость). */
export interface CouncilDecisionTable {
  id: Generated<number>;
  schoolId: number;
  academicYearId: number;
  studentId: number;
  /** E.g. «переведён в 6 класс», «оставлен на повторное обучение», «выпущен». */
  decision: string;
  decidedOn: DateOnly | null;
  /** The number of the council's minutes («протокол № 5»). */
  protocol: string | null;
  recordedBy: number;
  recordedAt: CreatedAt;
}

/** The state of a print job. */
export type PrintJobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A large print or archive rendered in the background; the requester polls it and downloads it. */
export interface PrintJobTable {
  id: Generated<number>;
  schoolId: number;
  requestedBy: number;
  /** What is printed: 'classJournal', 'yearArchive', … */
  kind: string;
  /** JSON: the print's parameters (class, period or year, courses…). */
  params: JsonText;
  /** 'ru' or 'en': the language the file is printed in. */
  lang: string;
  status: ColumnType<PrintJobStatus, PrintJobStatus | undefined, PrintJobStatus>;
  /** Progress: steps done of the total (courses, sections). */
  done: ColumnType<number, number | undefined, number>;
  total: ColumnType<number, number | undefined, number>;
  fileName: string | null;
  mime: string | null;
  content: Buffer | null;
  error: string | null;
  createdAt: CreatedAt;
  startedAt: Timestamp | null;
  finishedAt: Timestamp | null;
}

/** What started a backup run. */
export type BackupTrigger = 'schedule' | 'manual' | 'cli';
/** A backup run's state: `interrupted` when the process stopped while it ran. */
export type BackupRunStatus = 'running' | 'ok' | 'failed' | 'interrupted';

/** One backup run of the whole installation (every school's data in one encrypted file). */
export interface BackupRunTable {
  id: Generated<number>;
  trigger: BackupTrigger;
  /** `schedule:YYYY-MM-DD` for a scheduled run (unique: one per night), null otherwise. */
  slot: string | null;
  requestedBy: number | null;
  status: ColumnType<BackupRunStatus, BackupRunStatus | undefined, BackupRunStatus>;
  fileName: string | null;
  bytes: number | null;
  /** SHA-256 of the encrypted file, hex. */
  sha256: string | null;
  tableCount: number | null;
  rowCount: number | null;
  error: string | null;
  startedAt: CreatedAt;
  finishedAt: Timestamp | null;
}

/** A copy's state: `ok` once written and verified by a restore; `pruned` when retention removed the file. */
export type BackupCopyStatus = 'ok' | 'failed' | 'pruned';

/** One copy of a run in one destination directory. */
export interface BackupCopyTable {
  id: Generated<number>;
  runId: number;
  /** The destination directory as configured. */
  destination: string;
  /** The file's full path. */
  path: string;
  status: BackupCopyStatus;
  verifiedAt: Timestamp | null;
  prunedAt: Timestamp | null;
  error: string | null;
  createdAt: CreatedAt;
}

/** A OneRoster `sourcedId` a school's row was imported from (or exported as). */
export interface RosterIdTable {
  id: Generated<number>;
  schoolId: number;
  /** 'org', 'class', 'course', 'user', 'enrollment'… */
  entity: string;
  sourcedId: string;
  localId: number;
}

/** The whole database as Kysely sees it (camelCase; columns are snake_case). */
export interface DB {
  districts: DistrictTable;
  schools: SchoolTable;
  persons: PersonTable;
  accounts: AccountTable;
  loginThrottles: LoginThrottleTable;
  twoFactor: TwoFactorTable;
  recoveryCodes: RecoveryCodeTable;
  twoFactorChallenges: TwoFactorChallengeTable;
  roleAssignments: RoleAssignmentTable;
  guardianships: GuardianshipTable;
  studentProfiles: StudentProfileTable;
  consents: ConsentTable;
  cardViews: CardViewTable;
  sessions: SessionTable;
  signIns: SignInTable;
  knownDevices: KnownDeviceTable;
  academicYears: AcademicYearTable;
  gradeSchemes: GradeSchemeTable;
  periods: PeriodTable;
  calendarEntries: CalendarEntryTable;
  classes: ClassTable;
  subjects: SubjectTable;
  groups: GroupTable;
  groupMemberships: GroupMembershipTable;
  courses: CourseTable;
  workKinds: WorkKindTable;
  bellSchedules: BellScheduleTable;
  bellTimes: BellTimeTable;
  timetableSlots: TimetableSlotTable;
  timetableChanges: TimetableChangeTable;
  planItems: PlanItemTable;
  lessons: LessonTable;
  lessonFiles: LessonFileTable;
  periodClosures: PeriodClosureTable;
  marks: MarkTable;
  attendance: AttendanceTable;
  periodMarks: PeriodMarkTable;
  remarks: RemarkTable;
  auditEvents: AuditEventTable;
  auditHeads: AuditHeadTable;
  dataVersions: DataVersionTable;
  weekAcknowledgements: WeekAcknowledgementTable;
  absenceNotices: AbsenceNoticeTable;
  notificationPrefs: NotificationPrefsTable;
  outbox: OutboxTable;
  telegramLinks: TelegramLinkTable;
  telegramCodes: TelegramCodeTable;
  jobState: JobStateTable;
  calendarFeeds: CalendarFeedTable;
  mailSettings: MailSettingsTable;
  threads: ThreadTable;
  threadMembers: ThreadMemberTable;
  messages: MessageTable;
  messageFiles: MessageFileTable;
  councilDecisions: CouncilDecisionTable;
  printJobs: PrintJobTable;
  rosterIds: RosterIdTable;
  backupRuns: BackupRunTable;
  backupCopies: BackupCopyTable;
  offlineCheckpoints: OfflineCheckpointTable;
  offlineChanges: OfflineChangeTable;
  leases: LeaseTable;
  studentVersions: StudentVersionTable;
  supportContacts: SupportContactTable;
  problemReports: ProblemReportTable;
  regulationVersions: RegulationVersionTable;
}

/** The regulation on keeping the journal: the draft (no `approvedAt`) or an approved version. */
export interface RegulationVersionTable {
  id: Generated<number>;
  schoolId: number;
  /** The director's wording per section key, JSON `{ key: text }`. */
  overrides: JsonText;
  /** The approved sections, JSON `[{ key, title, text }]`; null while a draft. */
  sections: JsonText | null;
  /** The settings the approved text came from, JSON; null while a draft. */
  settings: JsonText | null;
  editedBy: number;
  editedAt: Timestamp;
  approvedBy: number | null;
  approvedAt: Timestamp | null;
}

/** A device loaded a course online at `at`: offline changes made under it count as made no earlier. */
export interface OfflineCheckpointTable {
  id: Generated<number>;
  personId: number;
  deviceId: string;
  courseId: number;
  at: Timestamp;
}

/** An offline change as received: its first result answers every repeat of its id. */
export interface OfflineChangeTable {
  id: string;
  schoolId: number | null;
  personId: number;
  deviceId: string;
  seq: number;
  kind: string;
  /** When it counts as made (clamped to its checkpoint and arrival; the audit event keeps the claim). */
  madeAt: Timestamp;
  arrivedAt: Timestamp;
  result: JsonText;
}

export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type Account = Selectable<AccountTable>;
export type School = Selectable<SchoolTable>;

/** A named lease: work one process of many does alone, held by `holder` until `until` (renewed while it works). */
export interface LeaseTable {
  name: string;
  /** The process that holds it (a random id per process). */
  holder: string;
  until: Timestamp;
}

/** A student's own diary version: bumped by a change that shows in that student's diary alone. */
export interface StudentVersionTable {
  studentId: number;
  schoolId: number;
  version: number;
}

/** A school's support contacts, as its administrator set them (empty strings where not set). */
export interface SupportContactTable {
  schoolId: number;
  who: string;
  phone: string;
  email: string;
  hours: string;
  note: string;
  updatedAt: Timestamp;
  updatedBy: number;
}

/** A problem someone reported from a page: open until an administrator marks it resolved. */
export interface ProblemReportTable {
  id: Generated<number>;
  schoolId: number;
  reporterId: number;
  description: string;
  /** The page's path only (no query, no content). */
  pagePath: string;
  userAgent: string;
  appVersion: string;
  createdAt: Timestamp;
  resolvedAt: Timestamp | null;
  resolvedBy: number | null;
  resolutionNote: string | null;
}
